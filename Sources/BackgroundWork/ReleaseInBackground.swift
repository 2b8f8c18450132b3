/// Drops the last references to `values` in a detached task: freeing a large build's indexes
/// (hundreds of thousands of strings) would otherwise hold up the caller for a tenth of a
/// second, and the process usually exits right after.
public func releaseInBackground<each Value>(_ values: repeat each Value) {
    let box = UncheckedBox((repeat each values))
    Task.detached(priority: .utility) { withExtendedLifetime(box) {} }
}

/// Carries values to the releasing task; nothing reads them there.
private final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
