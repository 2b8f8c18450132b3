/// The tables of a version-1 snapshot (see `snapshot-v1.sql`).
public enum SnapshotTable: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case meta = "snapshot_meta"
    case subjects
    case cases
    case caseSubjects = "case_subjects"
    case verificationReports = "verification_reports"
    case records
    case listEntries = "list_entries"
    case commitments
    case rectifications
    case interviews
    case repairActions = "repair_actions"
    case objections
    case redactionOverrides = "redaction_overrides"

    public static func < (lhs: SnapshotTable, rhs: SnapshotTable) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// One row of one table, named by its id.
public struct RowRef: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The row's table.
    public var table: SnapshotTable
    /// The row's primary key (for `case_subjects`, `CASE/SUBJECT`).
    public var id: String

    /// A reference to row `id` of `table`.
    public init(_ table: SnapshotTable, _ id: String) {
        self.table = table
        self.id = id
    }

    public var description: String { "\(table.rawValue)[\(id)]" }

    public static func < (lhs: RowRef, rhs: RowRef) -> Bool {
        (lhs.table.rawValue, lhs.id) < (rhs.table.rawValue, rhs.id)
    }
}
