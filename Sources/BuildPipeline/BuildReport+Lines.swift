import DisclosurePolicy
import Redaction
import SnapshotModel

extension BuildReport {
    /// The withheld rows, sorted by table name and id. Each line is made when it is read, from
    /// the policy's outcome: a national build withholds a million rows, and their lines, held
    /// as text, took a fifth of its memory.
    public struct WithheldLines: RandomAccessCollection, Encodable, Sendable {
        private let refs: [RowRef]
        /// The reason of each of `refs` (an array takes half the room of the policy's table).
        private let reasons: [WithholdReason]

        /// The lines of every row in `reasons`.
        init(_ reasons: [RowRef: WithholdReason]) {
            // Sorted in place: a million refs, copied per table and again to sort, took four
            // times their own room at the end of a national build.
            var refs = Array(reasons.keys)
            refs.sort { $0.table == $1.table ? $0.id < $1.id : $0.table.rawValue < $1.table.rawValue }
            self.reasons = refs.map { reasons[$0]! }
            self.refs = refs
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { refs.count }

        /// How many of the rows are in a table `include` accepts (by its name), counted
        /// without making their lines.
        public func count(inTables include: (String) -> Bool) -> Int {
            refs.reduce(0) { $0 + (include($1.table.rawValue) ? 1 : 0) }
        }

        public subscript(position: Int) -> Withheld {
            let ref = refs[position]
            let reason = reasons[position]
            return Withheld(table: ref.table.rawValue, id: ref.id, code: reason.code, reason: reason.description)
        }

        /// An array of lines.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            for line in self { try container.encode(line) }
        }
    }

    /// The redaction log, sorted by row, field, offset, rule and length; each line made when
    /// read from the events (which a national build has by the hundred thousand).
    public struct ReplacementLines: RandomAccessCollection, Encodable, Sendable {
        private let events: [RedactionEvent]

        /// The lines of `events` (each once), in order.
        ///
        /// Rows, fields and rules are ranked once, in the order of their names, and the events
        /// sorted by numbers: comparing names for every pair was most of the report's time.
        init(sorting events: [RedactionEvent]) {
            let rowRanks = Self.ranks(of: events.map(\.row))
            let fieldRanks = Self.ranks(of: events.map(\.field))
            let ruleRanks = Self.ranks(of: RedactionRule.allCases)
            let keys = events.map { event in
                (row: rowRanks[event.row]!, field: fieldRanks[event.field]!, offset: event.offset,
                 rule: ruleRanks[event.rule]!, length: event.length)
            }
            let order = keys.indices.sorted { keys[$0] < keys[$1] }
            self.events = order.map { events[$0] }
        }

        /// Each distinct value's position among the distinct values, sorted.
        private static func ranks<Value: Hashable & Comparable>(of values: [Value]) -> [Value: Int] {
            var ranks: [Value: Int] = [:]
            for (rank, value) in Set(values).sorted().enumerated() { ranks[value] = rank }
            return ranks
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { events.count }

        public subscript(position: Int) -> Replacement {
            let event = events[position]
            return Replacement(table: event.row.table.rawValue, id: event.row.id, field: event.field,
                               rule: event.rule.rawValue, offset: event.offset, length: event.length)
        }

        /// Replacements per rule.
        var counts: [String: Int] {
            var counts: [String: Int] = [:]
            for event in events { counts[event.rule.rawValue, default: 0] += 1 }
            return counts
        }

        /// An array of lines.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            for line in self { try container.encode(line) }
        }
    }
}
