import SnapshotModel

/// Where ``DisclosurePolicy`` puts its decisions for one day: the whole outcome
/// (``Disclosure``, with windows and reasons), or only which rows are shown (``ShownRowSet``).
/// The rules are written once, against this.
protocol DecisionTable {
    /// Makes room for about `count` rows on each side.
    mutating func reserveCapacity(_ count: Int)
    /// Whether `ref` is shown so far.
    func isShown(_ ref: RowRef) -> Bool
    /// Whether `ref` is withheld so far.
    func isWithheld(_ ref: RowRef) -> Bool
    /// Shows `ref` as `shown` says.
    mutating func show(_ ref: RowRef, _ shown: Disclosure.Shown)
    /// Withholds `ref` for `reason` (replacing an earlier reason).
    mutating func withhold(_ ref: RowRef, _ reason: WithholdReason)
    /// No longer shows `ref`.
    mutating func unshow(_ ref: RowRef)
}

extension Disclosure: DecisionTable {
    mutating func reserveCapacity(_ count: Int) {
        shown.reserveCapacity(count)
        withheld.reserveCapacity(count)
    }

    func isShown(_ ref: RowRef) -> Bool { shown[ref] != nil }
    func isWithheld(_ ref: RowRef) -> Bool { withheld[ref] != nil }
    mutating func show(_ ref: RowRef, _ shown: Shown) { self.shown[ref] = shown }
    mutating func withhold(_ ref: RowRef, _ reason: WithholdReason) { withheld[ref] = reason }
    mutating func unshow(_ ref: RowRef) { shown[ref] = nil }
}
