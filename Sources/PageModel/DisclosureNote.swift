import CreditVocabulary

/// What a page says about a row's disclosure period.
public struct DisclosureNote: Hashable, Sendable, Encodable {
    /// First day shown.
    public var start: CivilDate
    /// Last day shown (the day before the window's end).
    public var lastDay: CivilDate
    /// Why it ends then (公示期满, 信用修复完成, ...).
    public var endLabel: String
    /// Whether a pending objection is annotated (异议核实中).
    public var objectionPending: Bool

    /// A note.
    public init(start: CivilDate, lastDay: CivilDate, endLabel: String, objectionPending: Bool) {
        self.start = start
        self.lastDay = lastDay
        self.endLabel = endLabel
        self.objectionPending = objectionPending
    }
}
