@testable import BuildPipeline
import CreditVocabulary
import DisclosurePolicy
import Messages
import Foundation
import SnapshotModel
import Testing

@Suite("Change dates kept between builds")
struct ChangeDatesCacheTests {
    let policy = DisclosurePolicy()
    let day = CivilDate(iso: "2026-03-01")!

    func snapshot(decided: String = "2025-06-01") -> Snapshot {
        Fixtures.snapshot(records: [Fixtures.record("R1", decided: decided)])
    }

    @Test("the key changes with any row, the policy or the audience, and not otherwise")
    func key() {
        let base = ChangeDatesCache(snapshot: snapshot(), policy: policy).key
        #expect(ChangeDatesCache(snapshot: snapshot(), policy: policy).key == base)
        #expect(ChangeDatesCache(snapshot: snapshot(decided: "2025-06-02"), policy: policy).key != base)
        var renamed = snapshot()
        renamed.subjects[0].name += "甲"
        #expect(ChangeDatesCache(snapshot: renamed, policy: policy).key != base)
        var objected = snapshot()
        objected.objections = [ObjectionRow(id: "O1", target: .records, targetID: "R1", filedOn: day, status: .pending, resolvedOn: nil)]
        #expect(ChangeDatesCache(snapshot: objected, policy: policy).key != base)
        var invalid = snapshot()
        invalid.invalidRows[RowRef(.records, "R9")] = SnapshotProblem(.error, table: .records, rowID: "R9", Message("fine_negative"))
        #expect(ChangeDatesCache(snapshot: invalid, policy: policy).key != base)
        var annotating = PolicyConfiguration()
        annotating.objectionMode = .annotate
        #expect(ChangeDatesCache(snapshot: snapshot(), policy: DisclosurePolicy(configuration: annotating)).key != base)
        #expect(ChangeDatesCache(snapshot: snapshot(), policy: DisclosurePolicy(audience: .internal)).key != base)
    }

    @Test("stored dates hold from their as-of date up to the next change, for the same key only")
    func dates() {
        let folder = TemporaryFolder()
        let file = folder.url.appendingPathComponent("cache/change-dates.json")
        let cache = ChangeDatesCache(snapshot: snapshot(), policy: policy)
        #expect(cache.dates(at: file, asOf: day) == nil)  // no file yet
        let last = day.adding(days: -10)
        let next = day.adding(days: 5)
        cache.store(at: file, asOf: day, last: last, next: next)
        for offset in -1...6 {
            let stored = cache.dates(at: file, asOf: day.adding(days: offset))
            if (0..<5).contains(offset) {
                #expect(stored?.last == last && stored?.next == next, "\(offset)")
            } else {
                #expect(stored == nil, "\(offset)")
            }
        }
        let other = ChangeDatesCache(snapshot: snapshot(decided: "2025-06-02"), policy: policy)
        #expect(other.dates(at: file, asOf: day) == nil)
        cache.store(at: file, asOf: day, last: nil, next: nil)  // nothing will ever change
        #expect(cache.dates(at: file, asOf: day.adding(days: 4_000)).map { $0.last == nil && $0.next == nil } == true)
    }
}
