import DossierSite

/// Collects a build's files in memory: `serve` answers from memory, so writing the site to
/// disk and reading it back would only add latency (and a window in which a half-written
/// or swapped file could be read).
final class MemorySink: SiteSink {
    private let files = Locked<[String: [UInt8]]>([:])

    /// Called from the build's worker tasks at once, hence the lock.
    func write(_ path: String, _ bytes: [UInt8]) throws {
        files.withLock { $0[path] = bytes }
    }

    var contents: [String: [UInt8]] { files.withLock { $0 } }
}
