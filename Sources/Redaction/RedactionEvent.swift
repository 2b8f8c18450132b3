import SnapshotModel

/// One replacement, for the audit log: where it happened and by which rule. It never
/// holds the original text.
public struct RedactionEvent: Hashable, Sendable, Codable {
    /// The row.
    public var row: RowRef
    /// The column.
    public var field: String
    /// The rule.
    public var rule: RedactionRule
    /// Offset of the replaced text in the original field, in Unicode scalars.
    public var offset: Int
    /// Length of the replaced text, in Unicode scalars.
    public var length: Int
}
