@testable import BuildPipeline
import Redaction
import SnapshotModel
import Testing

/// The build's merged redaction log keeps each event once, whatever form it is held in.
struct RedactionEventSetTests {
    @Test("events come back as added, each once; those too large to pack are kept as they are")
    func roundTrip() {
        let events = [
            RedactionEvent(row: RowRef(.subjects, "P1"), field: "name", rule: .personName, offset: 0, length: 3),
            RedactionEvent(row: RowRef(.subjects, "P1"), field: "phone", rule: .hiddenField, offset: 0, length: 11),
            RedactionEvent(row: RowRef(.records, "R1"), field: "facts_md", rule: .personName, offset: 42, length: 2),
            RedactionEvent(row: RowRef(.records, "R1"), field: "facts_md", rule: .personName, offset: 42, length: 3),
            RedactionEvent(row: RowRef(.records, "R-a-very-long-record-identifier"), field: "facts_md", rule: .mobile,
                           offset: Int(Int32.max) + 1, length: 11),
        ]
        var set = RedactionEventSet()
        set.formUnion(Array(events.prefix(3)))
        set.formUnion(events)  // the first three again
        set.formUnion([events[1]])
        #expect(set.count == events.count)
        #expect(set.events.count == events.count)
        #expect(Set(set.events) == Set(events))
        #expect(RedactionEventSet().events.isEmpty)
    }
}
