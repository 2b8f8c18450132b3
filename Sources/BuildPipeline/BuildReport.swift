import CreditVocabulary
import JSONText

/// The JSON written by `--report` (site.md): counts, ids published and withheld with their
/// reasons, problems, redaction counts and log, and the next date the output changes.
public struct BuildReport: Encodable, Sendable {
    /// A withheld row.
    public struct Withheld: Codable, Sendable, Hashable {
        /// Table.
        public var table: String
        /// Row id.
        public var id: String
        /// Reason code (e.g. `period_end`, `objection_pending`).
        public var code: String
        /// Reason in words.
        public var reason: String
    }

    /// A problem found in the snapshot.
    public struct Problem: Codable, Sendable, Hashable {
        /// `error` or `warning`.
        public var severity: String
        /// Table, if any.
        public var table: String?
        /// Row id, if any.
        public var id: String?
        /// Column, if any.
        public var column: String?
        /// What is wrong, in English (the report is for machines and the record).
        public var message: String
        /// The message's stable code (`uscc_checksum`).
        public var code: String
    }

    /// One replacement (no original text).
    public struct Replacement: Codable, Sendable, Hashable {
        /// Table.
        public var table: String
        /// Row id.
        public var id: String
        /// Column.
        public var field: String
        /// Rule.
        public var rule: String
        /// Offset in the original field, in Unicode scalars.
        public var offset: Int
        /// Length in Unicode scalars.
        public var length: Int
    }

    /// Redaction summary and log.
    public struct Redactions: Encodable, Sendable {
        /// Replacements per rule.
        public var counts: [String: Int]
        /// Every replacement.
        public var log: ReplacementLines
    }

    /// What the build did to the published folder.
    public struct Output: Codable, Sendable {
        /// True when nothing changed and the published files were left untouched.
        public var unchanged: Bool
        /// Files added.
        public var added: Int
        /// Files whose bytes changed.
        public var changed: Int
        /// Files removed.
        public var removed: Int
        /// Files kept as they were (same bytes, same modification time).
        public var kept: Int
        /// Pages made from their inputs in this build.
        public var pagesMade: Int
        /// Pages whose inputs had not changed, published again from the page cache without
        /// being made.
        public var pagesKept: Int
    }

    /// Timeliness of administrative penalties (7 working days).
    public struct Timeliness: Codable, Sendable {
        /// A penalty published late.
        public struct Late: Codable, Sendable, Hashable {
            /// Record id.
            public var id: String
            /// 决定机关.
            public var authority: String
            /// `decided_on`.
            public var decidedOn: String
            /// `approved_on`.
            public var approvedOn: String
            /// Working days after the decision up to the approval.
            public var workingDays: Int

            enum CodingKeys: String, CodingKey {
                case id, authority, decidedOn = "decided_on", approvedOn = "approved_on", workingDays = "working_days"
            }
        }

        /// A penalty that could not be counted.
        public struct NotComputed: Codable, Sendable, Hashable {
            /// Record id.
            public var id: String
            /// Why (a year the calendar lacks).
            public var reason: String
        }

        /// The limit, 7.
        public var limitWorkingDays: Int
        /// Penalties over the limit.
        public var late: [Late]
        /// Penalties that could not be counted.
        public var notComputed: [NotComputed]

        enum CodingKeys: String, CodingKey {
            case limitWorkingDays = "limit_working_days", late, notComputed = "not_computed"
        }
    }

    /// The snapshot file.
    public var snapshot: String
    /// As-of date, `YYYY-MM-DD`.
    public var asOf: String
    /// `public` or `internal`.
    public var audience: String
    /// Published rows per table.
    public var counts: [String: Int]
    /// Files written.
    public var files: Int
    /// HTML pages written.
    public var pages: Int
    /// Published ids per table.
    public var published: [String: [String]]
    /// Withheld rows with reasons.
    public var withheld: WithheldLines
    /// Problems found in the snapshot.
    public var problems: [Problem]
    /// Redactions.
    public var redactions: Redactions
    /// The next date on which the output will differ, `YYYY-MM-DD`, or nil.
    public var nextChange: String?
    /// What the build did to the published folder.
    public var output: Output
    /// Timeliness findings.
    public var timeliness: Timeliness
    /// Parts of the report's JSON written ahead, by top-level key (not encoded: the JSON
    /// copies them in place of the values they were written from).
    var prewritten: [String: PrewrittenJSON] = [:]

    enum CodingKeys: String, CodingKey {
        case snapshot, asOf = "as_of", audience, counts, files, pages, published, withheld, problems, redactions
        case nextChange = "next_change", output, timeliness
    }
}
