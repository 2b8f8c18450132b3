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

    /// An event.
    public init(row: RowRef, field: String, rule: RedactionRule, offset: Int, length: Int) {
        self.row = row
        self.field = field
        self.rule = rule
        self.offset = offset
        self.length = length
    }
}
