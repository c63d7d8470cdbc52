import DossierCore

/// Changes waiting for the rebuild loop, merged into one batch.
///
/// The loop takes everything that arrived while it was building, so changes made during
/// a build cause exactly one more build after it, however many batches they came in.
final class PendingChanges: Sendable {
    private let pending = Locked<ChangeBatch?>(nil)
    /// Says "there is something"; holding at most one signal is enough, since the loop
    /// takes all that is pending at once.
    private let signal: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (signal, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func add(_ batch: ChangeBatch) {
        pending.withLock { $0 = $0?.merged(with: batch) ?? batch }
        continuation.yield()
    }

    /// Calls `body` with all pending changes each time there are some, one call at a time,
    /// until `finish()` (or cancellation).
    func forEach(_ body: (ChangeBatch) async -> Void) async {
        for await _ in signal {
            if let batch = pending.withLock({ batch in defer { batch = nil }; return batch }) { await body(batch) }
        }
    }

    func finish() {
        continuation.finish()
    }
}
