/// Rows of one table grouped by a key (a subject's records, a record's interviews), as
/// positions into the snapshot's own array, in the array's order.
struct RowGroups<Row: Sendable>: Sendable {
    private let rows: [Row]
    private let groups: [String: [Int32]]
    /// Rows a preview adds to a copy (``BuildContext/showing(_:position:)``), beside the
    /// groups it shares with the renderer's context; empty in a build.
    private var added: [String: [Int32]] = [:]

    /// Groups the rows `include` accepts by `key`; rows without a key are left out.
    init(_ rows: [Row], where include: (Row) -> Bool, by key: (Row) -> String?) {
        self.rows = rows
        var groups: [String: [Int32]] = [:]
        for (position, row) in rows.enumerated() where include(row) {
            guard let key = key(row) else { continue }
            groups[key, default: []].append(Int32(position))
        }
        self.groups = groups
    }

    /// The rows with this key, in the array's order; nil when there are none.
    subscript(key: String) -> [Row]? {
        guard !added.isEmpty, let more = added[key] else { return groups[key].map { $0.map { rows[Int($0)] } } }
        return ((groups[key] ?? []) + more).sorted().map { rows[Int($0)] }
    }

    /// Adds the row at `position`, not in the group yet, to group `key` (no copy of the
    /// shared groups).
    mutating func add(_ position: Int32, key: String?) {
        guard let key else { return }
        added[key, default: []].append(position)
    }
}
