import Foundation

extension RowRef {
    /// Rows in the order a person counts them: table by table, ids by their numbers (R2
    /// before R10), then as text.
    public static func precedesInCountingOrder(_ left: RowRef, _ right: RowRef) -> Bool {
        if left.table != right.table { return left.table.rawValue < right.table.rawValue }
        let order = left.id.compare(right.id, options: .numeric)
        return order == .orderedSame ? left.id < right.id : order == .orderedAscending
    }
}
