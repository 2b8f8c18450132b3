import Dispatch
import Foundation

/// Maps `items` with `transform` on all cores, keeping the order of `items`. The first
/// error thrown by any call is rethrown.
func parallelMap<Item: Sendable, Output: Sendable>(
    _ items: [Item], _ transform: @Sendable (Item) throws -> Output
) throws -> [Output] {
    let results = ResultSlots<Output>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.set(index, Result { try transform(items[index]) })
    }
    return try results.values()
}

/// Slots written by index from many threads, each slot exactly once.
private final class ResultSlots<Output: Sendable>: @unchecked Sendable {
    private var slots: [Result<Output, any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Output, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() throws -> [Output] {
        try slots.map { try $0!.get() }
    }
}
