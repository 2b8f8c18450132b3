import Redaction
import SnapshotModel

/// The redactions of every page of a build, each once: a set of events in 40 bytes rather
/// than 64 (a national build merges 775,000 of them from its pages, and the set was 70 MB),
/// the field named by number and the offset and length in 32 bits. Not thread-safe: the
/// page writer's bookkeeping queue alone adds to it.
struct RedactionEventSet {
    /// An event with its field by number in ``fields``.
    private struct Packed: Hashable {
        var row: RowRef
        var field: UInt16
        var rule: RedactionRule
        var offset: Int32
        var length: Int32
    }

    private var packed = Set<Packed>()
    /// Events that do not fit the packed form (a text of two gigabytes, or more than 65,535
    /// field names): kept as they are.
    private var unpacked = Set<RedactionEvent>()
    /// Each field name, by number, and each number by name.
    private var fields: [String] = []
    private var fieldNumbers: [String: UInt16] = [:]

    /// Number of distinct events.
    var count: Int { packed.count + unpacked.count }

    /// Adds `events`; one already in the set is not added again.
    mutating func formUnion(_ events: [RedactionEvent]) {
        for event in events {
            guard let offset = Int32(exactly: event.offset), let length = Int32(exactly: event.length),
                  let field = number(of: event.field)
            else {
                unpacked.insert(event)
                continue
            }
            packed.insert(Packed(row: event.row, field: field, rule: event.rule, offset: offset, length: length))
        }
    }

    /// The number of field name `name`, given one if it has none; nil when all are taken.
    private mutating func number(of name: String) -> UInt16? {
        if let number = fieldNumbers[name] { return number }
        guard let number = UInt16(exactly: fields.count) else { return nil }
        fields.append(name)
        fieldNumbers[name] = number
        return number
    }

    /// Every event, in no order.
    var events: [RedactionEvent] {
        var result: [RedactionEvent] = []
        result.reserveCapacity(count)
        for event in packed {
            result.append(RedactionEvent(row: event.row, field: fields[Int(event.field)], rule: event.rule,
                                         offset: Int(event.offset), length: Int(event.length)))
        }
        result.append(contentsOf: unpacked)
        return result
    }
}
