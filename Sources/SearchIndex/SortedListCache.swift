import Foundation

/// The sorted numbers of the lists whose blocks are being written, kept a little while: the
/// blocks of one list are written one after another, and sorting its numbers once for each
/// of them cost the square of a frequent term's length.
final class SortedListCache: @unchecked Sendable {
    private let lock = NSLock()
    private var lists: [SearchIndexWriter.ListKey: [Int32]] = [:]
    private var order: [SearchIndexWriter.ListKey] = []
    private var bytes = 0
    /// Bytes of numbers kept at most.
    private let limit = 64 << 20

    /// The numbers of `key`, sorted, made by `make` if they are not kept.
    func numbers(_ key: SearchIndexWriter.ListKey, make: () -> [Int32]) -> [Int32] {
        lock.lock()
        if let kept = lists[key] {
            lock.unlock()
            return kept
        }
        lock.unlock()
        let made = make()
        lock.lock()
        defer { lock.unlock() }
        if lists[key] == nil {
            lists[key] = made
            order.append(key)
            bytes += made.count * 4
            while bytes > limit, order.count > 1 {
                let oldest = order.removeFirst()
                bytes -= (lists.removeValue(forKey: oldest)?.count ?? 0) * 4
            }
        }
        return made
    }
}
