/// Shares one copy of each repeated value of the columns that hold few distinct values
/// (an authority's name, a legal basis, a list of penalty types): a national snapshot
/// repeats the same few dozen strings a million times, each otherwise its own allocation.
/// A column stops being interned once it has shown `limit` distinct values, so that a
/// column that turns out to be free text costs a bounded table. One per table read, on
/// one thread.
final class ColumnInterner {
    /// The columns interned, by their position in the query.
    private let interned: [Bool]
    private var strings: [Int32: [String: String]] = [:]
    private var lists: [Int32: [String: Any]] = [:]
    private let limit: Int

    /// An interner for the columns named in `columns` of a query whose columns are `positions`.
    init(columns: Set<String>, positions: [String: Int32], limit: Int = 4096) {
        var interned = [Bool](repeating: false, count: Int(positions.values.max() ?? -1) + 1)
        for (name, position) in positions where columns.contains(name) { interned[Int(position)] = true }
        self.interned = interned
        self.limit = limit
    }

    /// Whether the column at `position` is interned.
    func isInterned(_ position: Int32) -> Bool {
        Int(position) < interned.count && interned[Int(position)]
    }

    /// The shared copy of `text` read from the column at `position`.
    func string(_ text: String, at position: Int32) -> String {
        if let shared = strings[position]?[text] { return shared }
        if strings[position, default: [:]].count < limit { strings[position, default: [:]][text] = text }
        return text
    }

    /// The list decoded earlier from a list column's `text`, if any.
    func list<Value>(_ text: String, at position: Int32) -> Value? {
        lists[position]?[text] as? Value
    }

    /// Keeps `value`, decoded without a problem from `text`, for the next row with that text.
    func keep<Value>(_ value: Value, decodedFrom text: String, at position: Int32) {
        if lists[position, default: [:]].count < limit { lists[position, default: [:]][text] = value }
    }
}
