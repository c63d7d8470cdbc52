import Foundation

/// A value that is only read or changed while holding a lock.
///
/// `NSLock` rather than `Synchronization.Mutex`, which needs macOS 15 while the package
/// supports macOS 14.
public final class Locked<Value>: @unchecked Sendable {
    // @unchecked: `value` is only reached through `withLock`.
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
