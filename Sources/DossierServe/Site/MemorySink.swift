import DossierCore
import DossierSite

/// Collects a build's files in memory, ready to serve: `serve` answers from memory, so
/// writing the site to disk and reading it back would only add latency (and a window in
/// which a half-written or swapped file could be read).
///
/// Each file is compared with the one being served as it is written: when the bytes are
/// the same (most files, after an edit), the served entry is kept and the new bytes are
/// dropped at once. So a rebuild holds the served site plus what changed rather than two
/// whole copies (a 1,000-profile site is 200 MB), and only changed files are hashed, in
/// the build's own worker tasks.
final class MemorySink: SiteSink {
    private let previous: SiteSnapshot?
    private let written = Locked<[String: SiteFile]>([:])

    init(previous: SiteSnapshot?) {
        self.previous = previous
    }

    /// Called from the build's worker tasks at once, hence the lock.
    func write(_ path: String, _ bytes: [UInt8]) throws {
        let file = SiteFile(bytes: bytes, path: path, unlessSameAs: previous?.files[path])
        written.withLock { $0[path] = file }
    }

    /// The files written so far.
    var files: [String: SiteFile] { written.withLock { $0 } }

    func snapshot(baseURL: String) -> SiteSnapshot {
        SiteSnapshot(files: files, mount: SiteSnapshot.mount(forBaseURL: baseURL))
    }
}

/// Writes every file to two sinks: the builder's own and memory.
struct TeeSink: SiteSink {
    let first: any SiteSink
    let second: any SiteSink

    func write(_ path: String, _ bytes: [UInt8]) throws {
        try first.write(path, bytes)
        try second.write(path, bytes)
    }
}
