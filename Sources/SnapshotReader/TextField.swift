import SnapshotModel

/// One text column of one row, as it may reach a published page.
public struct TextField: Sendable {
    /// The row.
    public var row: RowRef
    /// The column.
    public var field: String
    /// The raw text.
    public var text: String
    /// Whether the column is Markdown (the redactor escapes its masks).
    public var isMarkdown: Bool
}
