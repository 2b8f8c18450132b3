/// The long Markdown columns that stay on disk until a page is rendered.
public enum BodyColumn: String, CaseIterable, Hashable, Sendable {
    /// `cases.summary_md`.
    case caseSummary
    /// `verification_reports.body_md`.
    case reportBody
    /// `records.facts_md`.
    case recordFacts
    /// `list_entries.reason_md`.
    case listReason
    /// `commitments.body_md`.
    case commitmentBody

    /// The table that holds the column.
    public var table: SnapshotTable {
        switch self {
        case .caseSummary: return .cases
        case .reportBody: return .verificationReports
        case .recordFacts: return .records
        case .listReason: return .listEntries
        case .commitmentBody: return .commitments
        }
    }

    /// The column's name in the snapshot.
    public var column: String {
        switch self {
        case .caseSummary: return "summary_md"
        case .reportBody, .commitmentBody: return "body_md"
        case .recordFacts: return "facts_md"
        case .listReason: return "reason_md"
        }
    }

    /// Whether the column is `NOT NULL` in the format.
    public var isRequired: Bool {
        switch self {
        case .caseSummary, .listReason: return false
        case .reportBody, .recordFacts, .commitmentBody: return true
        }
    }
}
