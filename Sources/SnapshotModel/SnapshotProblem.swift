/// A problem found in a snapshot, named down to the file, table, row and column.
public struct SnapshotProblem: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// How bad a problem is.
    public enum Severity: String, Hashable, Sendable, Codable {
        /// The row (or, without a row, the snapshot) cannot be published.
        case error
        /// Suspicious but publishable (a checksum that does not verify, an early repair, ...).
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// The snapshot file, as given on the command line.
    public var file: String
    /// The table, when the problem is inside one.
    public var table: SnapshotTable?
    /// The row's id, when the problem is inside one row.
    public var rowID: String?
    /// The column, when the problem is inside one field.
    public var column: String?
    /// What is wrong, in plain words.
    public var message: String
    /// Whether withholding the named row (and what depends on it) contains the problem.
    /// An error that is not isolated makes the whole snapshot unpublishable.
    public var isIsolated: Bool

    /// A problem; `file` is filled in by the reader.
    public init(
        _ severity: Severity, file: String = "", table: SnapshotTable? = nil, rowID: String? = nil,
        column: String? = nil, isolated: Bool = true, _ message: String
    ) {
        self.severity = severity
        self.file = file
        self.table = table
        self.rowID = rowID
        self.column = column
        self.message = message
        self.isIsolated = isolated && rowID != nil
    }

    /// The row this problem is about, if any.
    public var row: RowRef? {
        guard let table, let rowID else { return nil }
        return RowRef(table, rowID)
    }

    /// `FILE: TABLE[ROW].COLUMN: MESSAGE`, with the parts that apply.
    public var description: String {
        var place = file.isEmpty ? "" : file + ": "
        if let table {
            place += table.rawValue
            if let rowID { place += "[\(rowID)]" }
            if let column { place += ".\(column)" }
            place += ": "
        }
        return "\(severity.rawValue): \(place)\(message)"
    }
}
