import Dispatch
import Synchronization

/// Work done in the order it is submitted, beside the one task that submits it, at most
/// ``depth`` items behind: the page writer's search indexing, and its bookkeeping (feed,
/// redaction log, next page cache), each run while the next batch of pages is made.
///
/// Why not a child task per item: tasks start in no guaranteed order, and both lanes must
/// keep it (the index numbers documents in the order they come; the cache is a file written
/// in order). Why not one child task reading an `AsyncStream`: a stream has no bound, and
/// pages made faster than they are recorded would all be held. So: one serial queue, and a
/// count of the items waiting on it; ``submit(_:)`` suspends its caller (it never blocks a
/// thread) while `depth` items wait.
public final class OrderedLane: Sendable {
    /// Items submitted and not yet done at most.
    public let depth: Int
    private let queue: DispatchQueue
    private struct State {
        var inFlight = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())

    /// A lane named `label` (seen in a debugger) holding at most `depth` items.
    public init(label: String, depth: Int = 2) {
        self.depth = max(depth, 1)
        queue = DispatchQueue(label: label)
    }

    /// Runs `work` on the lane after everything submitted before it; waits first while
    /// `depth` items are not done.
    public func submit(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (room: CheckedContinuation<Void, Never>) in
            let admitted = state.withLock { state in
                guard state.inFlight < depth else {
                    state.waiting.append(room)
                    return false
                }
                state.inFlight += 1
                return true
            }
            if admitted { room.resume() }
        }
        queue.async { [self] in
            work()
            // The slot goes to the first waiting submitter, or is freed.
            let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard !state.waiting.isEmpty else {
                    state.inFlight -= 1
                    return nil
                }
                return state.waiting.removeFirst()
            }
            next?.resume()
        }
    }

    /// `read`'s value, run on the lane once everything submitted before is done.
    public func after<Value: Sendable>(_ read: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { done in
            queue.async { done.resume(returning: read()) }
        }
    }
}
