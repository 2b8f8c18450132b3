import Foundation
import Synchronization

/// Maps `items` with `transform` in a task group of one worker a core, keeping the order of
/// `items`: each worker claims the next item not yet taken, so that slow pages do not leave a
/// core idle at the end of a batch (contiguous runs of items did, and cost a tenth of the
/// row pages' time at 100k records). The first error thrown by any call is rethrown, and the
/// other workers stop at their next item.
func parallelMap<Item: Sendable, Output: Sendable>(
    _ items: [Item], _ transform: @escaping @Sendable (Item) throws -> Output
) async throws -> [Output] {
    let workers = min(items.count, ProcessInfo.processInfo.activeProcessorCount)
    guard workers > 1 else { return try items.map(transform) }
    let slots = ResultSlots<Output>(count: items.count)
    try await withThrowingDiscardingTaskGroup { group in
        for _ in 0..<workers {
            group.addTask {
                while let index = slots.claim() {
                    try Task.checkCancellation()
                    slots.set(index, try transform(items[index]))
                }
            }
        }
    }
    return slots.values()
}

/// The items' next index to claim, and a slot per item, each written once by the worker that
/// claimed it.
private final class ResultSlots<Output: Sendable>: @unchecked Sendable {
    private let next = Atomic<Int>(0)
    private let count: Int
    private let slots: UnsafeMutableBufferPointer<Output?>

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// The next index no worker has claimed, or nil when all are.
    func claim() -> Int? {
        let index = next.add(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }

    func set(_ index: Int, _ output: Output) {
        slots[index] = output
    }

    /// Every slot's output, once every worker is done.
    func values() -> [Output] {
        slots.map { $0! }
    }
}
