import Foundation

/// A waited-for thing did not happen in time (or its stream ended first).
struct WaitFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs `body`, failing if it takes longer than `limit`: every wait in these tests is
/// bounded, so a regression fails instead of hanging.
func withTimeout<T: Sendable>(_ limit: Duration, _ what: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw WaitFailure(description: "timed out after \(limit) waiting for \(what)")
        }
        defer { group.cancelAll() }
        guard let result = try await group.next() else { throw WaitFailure(description: "no result for \(what)") }
        return result
    }
}

/// Everything something produced, kept in order, with a way to wait for the first item
/// (from some index on) that satisfies a condition.
final class Recording<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []
    /// Each subscriber with the first index it wants.
    private var subscribers: [Int: (from: Int, continuation: AsyncStream<Element>.Continuation)] = [:]
    private var nextSubscriber = 0
    private var finished = false

    func append(_ item: Element) {
        lock.lock()
        defer { lock.unlock() }
        items.append(item)
        for subscriber in subscribers.values where items.count - 1 >= subscriber.from { subscriber.continuation.yield(item) }
    }

    func finish() {
        lock.lock()
        let all = subscribers.values
        finished = true
        subscribers = [:]
        lock.unlock()
        for subscriber in all { subscriber.continuation.finish() }
    }

    var all: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }

    var count: Int { all.count }

    /// The items from `index` on, those recorded already and then each new one as it comes.
    func stream(from index: Int) -> AsyncStream<Element> {
        let (stream, continuation) = AsyncStream.makeStream(of: Element.self)
        lock.lock()
        for item in items.dropFirst(index) { continuation.yield(item) }
        if finished {
            continuation.finish()
        } else {
            let id = nextSubscriber
            nextSubscriber += 1
            subscribers[id] = (index, continuation)
            continuation.onTermination = { [weak self] _ in
                guard let self else { return }
                self.lock.lock()
                self.subscribers[id] = nil
                self.lock.unlock()
            }
        }
        lock.unlock()
        return stream
    }

    /// The first item from `index` on that satisfies `condition`, within `limit`.
    func first(from index: Int = 0, within limit: Duration = .seconds(20), _ what: String,
               where condition: @escaping @Sendable (Element) -> Bool) async throws -> Element {
        try await withTimeout(limit, what) {
            for await item in self.stream(from: index) where condition(item) { return item }
            throw WaitFailure(description: "the stream ended before \(what)")
        }
    }
}
