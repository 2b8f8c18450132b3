import CreditVocabulary
import DisclosurePolicy
import Foundation
import SnapshotModel

/// The date the shown rows last changed (the home page's update date) and the next date
/// they will (the report's), as of a build's date.
struct ChangeDates: Sendable {
    /// The last change on or before the as-of date.
    let last: CivilDate?
    /// The next change after it.
    let next: CivilDate?

    /// The last build's dates, looked up by the key of `snapshot` under `policy`: what
    /// ``workedOut(from:snapshot:policy:disclosure:asOf:)`` takes. Reads every row (the key
    /// is a digest of them), and nothing of the policy's outcome: it runs beside the
    /// policy's evaluation.
    static func lastBuild(
        _ snapshot: Snapshot, policy: DisclosurePolicy, file: URL, asOf: CivilDate, full: Bool
    ) -> (cache: ChangeDatesCache, stored: ChangeDates?) {
        let cache = ChangeDatesCache(snapshot: snapshot, policy: policy)
        let stored = full ? nil : cache.dates(at: file, asOf: asOf).map { ChangeDates(last: $0.last, next: $0.next) }
        return (cache, stored)
    }

    /// The dates: the last build's when the policy's inputs are the same and nothing fell
    /// due since (``ChangeDatesCache``), or else worked out from one list of transition
    /// dates and stored for the next build.
    static func workedOut(
        from lastBuild: (cache: ChangeDatesCache, stored: ChangeDates?), snapshot: Snapshot, policy: DisclosurePolicy,
        disclosure: Disclosure, asOf: CivilDate, file: URL
    ) -> ChangeDates {
        if let stored = lastBuild.stored { return stored }
        let transitions = policy.transitionDates(snapshot)
        let dates = ChangeDates(
            last: policy.lastChange(snapshot, onOrBefore: asOf, current: disclosure, transitions: transitions),
            next: policy.nextChange(snapshot, after: asOf, current: disclosure, transitions: transitions))
        lastBuild.cache.store(at: file, asOf: asOf, last: dates.last, next: dates.next)
        return dates
    }
}
