import CreditVocabulary
import SnapshotModel

/// The outcome of the policy for one snapshot, audience and as-of date: which rows are
/// shown, in which window, and why every other row is withheld.
public struct Disclosure: Sendable {
    /// How a shown row is shown.
    public struct Shown: Hashable, Sendable {
        /// Its window, for rows that have one of their own (children and subjects have none).
        public var window: DisclosureWindow?
        /// The id of a pending objection when the site annotates instead of suspending.
        public var pendingObjection: String?

        /// A shown row.
        public init(window: DisclosureWindow?, pendingObjection: String?) {
            self.window = window
            self.pendingObjection = pendingObjection
        }
    }

    /// The as-of date.
    public var asOf: CivilDate
    /// The audience.
    public var audience: Audience
    /// Every shown row (subjects and cases included).
    public var shown: [RowRef: Shown] = [:]
    /// Every withheld row with its reason (subjects and cases included).
    public var withheld: [RowRef: WithholdReason] = [:]

    /// An empty outcome.
    public init(asOf: CivilDate, audience: Audience) {
        self.asOf = asOf
        self.audience = audience
    }

    /// Whether row `id` of `table` is shown.
    public func isShown(_ table: SnapshotTable, _ id: String) -> Bool {
        shown[RowRef(table, id)] != nil
    }

    /// How row `id` of `table` is shown, if it is.
    public func shown(_ table: SnapshotTable, _ id: String) -> Shown? {
        shown[RowRef(table, id)]
    }

    /// The shown ids of one table, sorted.
    public func shownIDs(_ table: SnapshotTable) -> [String] {
        shown.keys.filter { $0.table == table }.map(\.id).sorted()
    }

    /// The set of shown rows, for comparing two days.
    public var shownRows: Set<RowRef> { Set(shown.keys) }

    /// Whether this shows exactly `rows` (compared in place).
    public func shows(exactly rows: ShownRowSet) -> Bool {
        shown.count == rows.rows.count && rows.rows.allSatisfy { shown[$0] != nil }
    }
}
