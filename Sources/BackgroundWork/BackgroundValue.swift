import Dispatch
import Foundation

/// A value computed on another thread while the caller goes on: for the steps of a build
/// that would otherwise leave the second core idle (one table read beside the others, the
/// redactor made while the policy is evaluated, the dates of the last and next change).
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    /// Starts computing `work`.
    public init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// The value, handed over: this object no longer holds it, so that arrays in it are
    /// uniquely referenced and can be changed in place (read with ``value`` instead, a later
    /// change copies them whole). Call it once, and not with ``value``.
    public func take() throws -> Value {
        done.wait()
        defer { result = nil }
        return try result!.get()
    }

    /// The value, waiting for it; rethrows the work's error.
    public var value: Value {
        get throws {
            done.wait()
            done.signal()  // later reads do not wait
            return try result!.get()
        }
    }
}

/// Drops the last references to `values` on another thread: freeing a large build's indexes
/// (hundreds of thousands of strings) would otherwise hold up the caller for a tenth of a
/// second, and the process usually exits right after.
public func releaseInBackground<each Value>(_ values: repeat each Value) {
    let box = UncheckedBox((repeat each values))
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(box) {} }
}

/// Carries values to the releasing thread; nothing reads them there.
private final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
