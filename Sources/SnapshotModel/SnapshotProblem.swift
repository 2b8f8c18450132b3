import Messages

/// A problem found in a snapshot, named down to the file, table, row and column.
public struct SnapshotProblem: Error, Hashable, Sendable, Codable, CustomStringConvertible, LocalizedText {
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
    /// What is wrong: a code of the message catalogue and its values.
    public var message: Message
    /// Whether withholding the named row (and what depends on it) contains the problem.
    /// An error that is not isolated makes the whole snapshot unpublishable.
    public var isIsolated: Bool

    /// A problem; `file` is filled in by the reader.
    public init(
        _ severity: Severity, file: String = "", table: SnapshotTable? = nil, rowID: String? = nil,
        column: String? = nil, isolated: Bool = true, _ message: Message
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

    /// `TABLE[ROW].COLUMN`, with the parts that apply (empty without a table).
    public var place: String {
        guard let table else { return "" }
        return table.rawValue + (rowID.map { "[\($0)]" } ?? "") + (column.map { ".\($0)" } ?? "")
    }

    /// `SEVERITY: FILE: TABLE[ROW].COLUMN: MESSAGE [code]`, with the parts that apply, in
    /// `language` (Chinese separates them with `：`).
    public func text(in language: MessageLanguage) -> String {
        let parts = [file, place].filter { !$0.isEmpty } + [message.coded(in: language)]
        return language.severityPrefix(isError: severity == .error) + parts.joined(separator: language.separator)
    }

    /// ``text(in:)`` in the process's language.
    public var description: String { text(in: .current) }

    /// The problem of `ref` when it is withheld because its child `child` is invalid.
    public static func withheld(_ ref: RowRef, because child: RowRef) -> SnapshotProblem {
        SnapshotProblem(.error, table: ref.table, rowID: ref.id, Message("withheld_for_child", ["child": "\(child)"]))
    }
}
