import SnapshotModel

/// Which rows the policy shows on one day, without their windows or the reasons for the
/// others (``DisclosurePolicy/shownRows(_:asOf:)``): what telling whether two days differ
/// takes. The build works out the next and last change beside its pages, and a national
/// snapshot's full evaluation is a quarter of a gigabyte.
public struct ShownRowSet: Equatable, Sendable {
    /// The shown rows.
    public private(set) var rows: Set<RowRef> = []
    /// The withheld rows (the rules look them up while deciding).
    private var withheld: Set<RowRef> = []

    /// No row decided yet.
    init() {}

    /// The rows `disclosure` shows.
    public init(_ disclosure: Disclosure) {
        rows = Set(disclosure.shown.keys)
    }

    /// Drops the withheld rows, which only deciding needs.
    mutating func forgetWithheld() { withheld = [] }

    /// Whether both show the same rows.
    public static func == (left: ShownRowSet, right: ShownRowSet) -> Bool { left.rows == right.rows }
}

extension ShownRowSet: DecisionTable {
    mutating func reserveCapacity(_ count: Int) {
        rows.reserveCapacity(count)
        withheld.reserveCapacity(count)
    }

    func isShown(_ ref: RowRef) -> Bool { rows.contains(ref) }
    func isWithheld(_ ref: RowRef) -> Bool { withheld.contains(ref) }
    mutating func show(_ ref: RowRef, _ shown: Disclosure.Shown) { rows.insert(ref) }
    mutating func withhold(_ ref: RowRef, _ reason: WithholdReason) { withheld.insert(ref) }
    mutating func unshow(_ ref: RowRef) { rows.remove(ref) }
}
