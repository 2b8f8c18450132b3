/// A value worked out by a child task of a build's task group while the build goes on, and
/// handed to the build once: the build's stages start what can run beside them (the redactor
/// while the policy is evaluated, the last build's page cache while the page context is
/// made) and take the value where they need it.
///
/// Why not `async let`: an `async let` keeps its value until the scope that declared it ends,
/// so a value taken from it is shared, and the first change copies it whole (the search
/// numbering, the withheld rows' lines: hundreds of megabytes at a million rows), and a
/// value the build is done with (the redactor's name tables) stays until the build returns.
/// A `Pending` is not copyable and its ``value()`` consumes it: the value is then held by
/// the caller alone, and freed when the caller drops it. The work still runs in the group,
/// so the build does not return before it ends, and it is cancelled with the build.
public struct Pending<Value: Sendable>: ~Copyable, Sendable {
    private let result: AsyncStream<Result<Value, any Error>>

    /// Starts `work` as a child task of `group`.
    public init(
        in group: inout ThrowingDiscardingTaskGroup<any Error>, _ work: @escaping @Sendable () async throws -> Value
    ) {
        let (result, delivery) = AsyncStream.makeStream(of: Result<Value, any Error>.self, bufferingPolicy: .bufferingNewest(1))
        self.result = result
        group.addTask {
            let outcome: Result<Value, any Error>
            do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
            delivery.yield(outcome)
            delivery.finish()
        }
    }

    /// The value, waiting for it; rethrows the work's error.
    public consuming func value() async throws -> Value {
        for await outcome in result { return try outcome.get() }
        throw CancellationError()
    }
}
