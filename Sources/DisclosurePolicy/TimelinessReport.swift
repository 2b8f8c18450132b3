import CreditVocabulary
import SnapshotModel
import WorkingDays

/// Whether administrative penalties went online within 7 working days of the decision
/// (双公示, 国办发〔2018〕118号): working days are counted after `decided_on` up to and
/// including `approved_on`.
public struct TimelinessReport: Sendable {
    /// A published penalty and how long it took.
    public struct Entry: Hashable, Sendable {
        /// The record.
        public var recordID: String
        /// 决定机关 as in the snapshot.
        public var authority: String
        /// 决定日期.
        public var decidedOn: CivilDate
        /// 审核公示日期.
        public var approvedOn: CivilDate
        /// Working days from decision to approval.
        public var workingDays: Int
    }

    /// Per authority.
    public struct AuthoritySummary: Hashable, Sendable {
        /// 决定机关.
        public var authority: String
        /// Published penalties counted.
        public var published: Int
        /// Of those, published later than the limit.
        public var late: Int
        /// The longest, in working days.
        public var longest: Int
    }

    /// The limit in working days.
    public var limit: Int
    /// Every counted penalty, by authority then record id.
    public var entries: [Entry]
    /// Penalties that could not be counted, with the reason (a year the calendar lacks).
    public var notComputed: [(recordID: String, reason: String)]

    /// Penalties published later than the limit.
    public var late: [Entry] { entries.filter { $0.workingDays > limit } }

    /// One line per authority, sorted by name.
    public var byAuthority: [AuthoritySummary] {
        Dictionary(grouping: entries, by: \.authority).map { authority, entries in
            AuthoritySummary(
                authority: authority, published: entries.count, late: entries.filter { $0.workingDays > limit }.count,
                longest: entries.map(\.workingDays).max() ?? 0)
        }.sorted { $0.authority < $1.authority }
    }

    /// Counts the published (shown) administrative penalties of `disclosure`.
    public init(snapshot: Snapshot, disclosure: Disclosure, calendar: WorkingDayCalendar, limit: Int = 7) {
        self.limit = limit
        var entries: [Entry] = []
        var notComputed: [(String, String)] = []
        for record in snapshot.records where record.kind == .administrativePenalty && disclosure.isShown(.records, record.id) {
            guard let approvedOn = record.review.approvedOn else { continue }
            do {
                let days = try calendar.workingDays(after: record.decidedOn, through: approvedOn)
                entries.append(Entry(recordID: record.id, authority: record.authority, decidedOn: record.decidedOn,
                                     approvedOn: approvedOn, workingDays: days))
            } catch {
                notComputed.append((record.id, "\(error)"))
            }
        }
        self.entries = entries.sorted { ($0.authority, $0.recordID) < ($1.authority, $1.recordID) }
        self.notComputed = notComputed
    }
}
