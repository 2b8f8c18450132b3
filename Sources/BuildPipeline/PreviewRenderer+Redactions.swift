import CreditVocabulary
import Redaction
import SnapshotModel

extension PreviewRenderer {
    /// What the redactor does to the whole snapshot, for the global redaction report.
    public struct SnapshotRedactions: Sendable {
        /// One row's replacements in one field by one rule.
        public struct Line: Hashable, Sendable {
            /// The row.
            public var row: RowRef
            /// The column.
            public var field: String
            /// The rule.
            public var rule: RedactionRule
            /// How many replacements.
            public var count: Int
        }

        /// Replacements per rule, every rule.
        public var counts: [RedactionRule: Int]
        /// The lines of the detectors' rules (what free text held: ID numbers, phones, names,
        /// addresses, the reviewers' overrides), by table, id, field and rule; a structured
        /// field's fixed treatment (hidden, masked, county only) is counted, not listed.
        public var lines: [Line]
    }

    /// The rules whose hits are listed row by row.
    public static let detectorRules: Set<RedactionRule> = [.idNumber, .mobile, .landline, .bankCard, .email, .personName, .contextName,
                                                           .address, .override]

    /// Every replacement the redactor makes in the snapshot's free text and structured
    /// fields, made once per renderer (the first request pays, the next read it; two first
    /// requests at once make it once, not twice: at a million records it takes a minute
    /// and more than a gigabyte).
    public func snapshotRedactions() throws -> SnapshotRedactions {
        try redactionsMemo.withLock { memo in
            if let memo { return memo }
            let made = try makeSnapshotRedactions()
            memo = made
            return made
        }
    }

    private func makeSnapshotRedactions() throws -> SnapshotRedactions {
        var log = RedactionLog()
        let plain = Redactor(snapshot: snapshot, slugKey: Array("preview".utf8), contextNames: redactor.masksContextNames)
        for row in snapshot.subjects { _ = plain.subject(row, log: &log) }
        try reader.forEachTextField(of: snapshot) { field in
            // Subjects' columns are redacted by their own rules just above.
            guard field.row.table != .subjects else { return }
            _ = plain.text(field.text, row: field.row, field: field.field, markdown: field.isMarkdown, log: &log)
        }
        struct Key: Hashable {
            var row: RowRef
            var field: String
            var rule: RedactionRule
        }
        var counts: [Key: Int] = [:]
        for event in log.events where Self.detectorRules.contains(event.rule) {
            counts[Key(row: event.row, field: event.field, rule: event.rule), default: 0] += 1
        }
        let lines = counts.map { SnapshotRedactions.Line(row: $0.key.row, field: $0.key.field, rule: $0.key.rule, count: $0.value) }
            .sorted { left, right in
                if left.row != right.row { return RowRef.precedesInCountingOrder(left.row, right.row) }
                return left.field != right.field ? left.field < right.field : left.rule < right.rule
            }
        return SnapshotRedactions(counts: log.countsByRule, lines: lines)
    }
}
