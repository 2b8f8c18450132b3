/// The rows of one table found by id, as positions into the snapshot's own array: finding
/// a row does not need a second copy of it (at a million records, copies took hundreds of
/// megabytes). Of rows with one id, the first is found.
struct RowsByID<Row: Sendable>: Sendable {
    private let rows: [Row]
    private let positions: [String: Int32]

    /// Indexes `rows` by `id`.
    init(_ rows: [Row], id: (Row) -> String) {
        self.rows = rows
        var positions: [String: Int32] = [:]
        positions.reserveCapacity(rows.count)
        for (position, row) in rows.enumerated() where positions[id(row)] == nil {
            positions[id(row)] = Int32(position)
        }
        self.positions = positions
    }

    /// The position in the table of the row with this id.
    func position(_ id: String) -> Int32? {
        positions[id]
    }

    /// The row with this id.
    subscript(id: String) -> Row? {
        positions[id].map { rows[Int($0)] }
    }
}
