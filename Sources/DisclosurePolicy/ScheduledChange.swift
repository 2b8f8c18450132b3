import CreditVocabulary
import SnapshotModel

/// A day on which the output changes, and what changes.
public struct ScheduledChange: Hashable, Sendable {
    /// A row that appears or disappears.
    public struct Row: Hashable, Sendable {
        /// The row.
        public var ref: RowRef
        /// For an appearing row, why it was hidden the day before; for a disappearing row, why
        /// it is hidden from this day on.
        public var reason: WithholdReason
    }

    /// The day (the first day of the new state).
    public var date: CivilDate
    /// Rows shown from this day that were hidden the day before.
    public var appearing: [Row]
    /// Rows hidden from this day that were shown the day before.
    public var disappearing: [Row]
}
