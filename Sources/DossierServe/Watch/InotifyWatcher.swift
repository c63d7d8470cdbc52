#if os(Linux)
import DossierCore
import Foundation
import Glibc

/// Watches a handbook with Linux's inotify: the root folder (for `dossier.yml`, and for
/// `content/` or `templates/` appearing), and every folder under `content/` and
/// `templates/`, including folders created later.
///
/// Folders are watched rather than files, so editors that save by writing a new file and
/// renaming it over the old one are seen (the rename is an event in the folder). When the
/// kernel's queue overflows, events were lost: the batch says so (the rebuild then treats
/// everything as changed) and the watches are re-synchronised with the folders on disk.
///
/// One thread reads the events and also debounces them: it waits in `poll` until events
/// stop arriving for the quiet period (or a longer limit passes while they keep coming),
/// then delivers everything since the first as one batch.
final class InotifyWatcher: FileWatcher, @unchecked Sendable {
    let batches: AsyncStream<ChangeBatch>
    private let continuation: AsyncStream<ChangeBatch>.Continuation
    private let root: String
    private let quietPeriod: Duration
    /// A burst that never goes quiet (a long copy) is still delivered after this.
    private let longestWait: Duration
    private let inotify: Int32
    /// `stop()` writes a byte here to wake the thread from `poll`.
    private let wakeRead: Int32, wakeWrite: Int32
    /// Whether the thread has closed the descriptors (then `stop()` must not write).
    private let closed = Locked(false)
    /// Watch descriptors → folders relative to the root (`""` is the root). Touched only by
    /// the reading thread once it runs.
    private var folders: [Int32: String] = [:]

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    static let folderEvents = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                                        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)

    init(root: URL, quietPeriod: Duration, longestWait: Duration = .milliseconds(500)) throws(SetupError) {
        self.root = root.standardizedFileURL.path
        self.quietPeriod = quietPeriod
        self.longestWait = longestWait
        (batches, continuation) = AsyncStream.makeStream(of: ChangeBatch.self)
        inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotify >= 0 else { throw SetupError(description: "inotify_init1: \(String(cString: strerror(errno)))") }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            let reason = String(cString: strerror(errno))
            close(inotify)
            throw SetupError(description: "pipe: \(reason)")
        }
        (wakeRead, wakeWrite) = (pipeEnds[0], pipeEnds[1])
        for end in pipeEnds {
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        for folder in [""] + WatchScope.folders.flatMap(folderTree) {
            if let failure = watch(folder), folder.isEmpty || WatchScope.folders.contains(folder) {
                // Without the root or a top folder there is nothing to rely on; deeper
                // folders that fail (one deleted meanwhile) are simply not there.
                closeDescriptors()
                throw SetupError(description: failure)
            }
        }
        continuation.onTermination = { [weak self] _ in self?.stop() }
        let thread = Thread { [self] in run() }
        thread.name = "dossier-watch"
        thread.start()
    }

    func stop() {
        closed.withLock { closed in
            guard !closed else { return }
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
    }

    // MARK: The reading thread

    private func run() {
        let bufferSize = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: MemoryLayout<Int32>.alignment)
        defer { buffer.deallocate() }
        var pending: ChangeBatch?
        var lastEvent = ContinuousClock.now
        var descriptors = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        while true {
            var timeout: Int32 = -1
            if let batch = pending {
                let due = min(lastEvent + quietPeriod, batch.noticed + longestWait)
                timeout = Int32(max(0, Self.milliseconds(due - .now)))
            }
            let ready = poll(&descriptors, 2, timeout)
            if ready < 0 && errno != EINTR { break }
            if descriptors[1].revents != 0 { break }
            if descriptors[0].revents != 0 {
                let read = readEvents(into: buffer, size: bufferSize)
                if !read.paths.isEmpty || read.overflowed {
                    let batch = ChangeBatch(paths: read.paths, overflowed: read.overflowed, noticed: .now)
                    pending = pending?.merged(with: batch) ?? batch
                    lastEvent = .now
                }
            }
            if let batch = pending, ContinuousClock.now >= min(lastEvent + quietPeriod, batch.noticed + longestWait) {
                continuation.yield(batch)
                pending = nil
            }
        }
        closeDescriptors()
        continuation.finish()
    }

    /// Reads every queued event and turns them into root-relative paths that matter.
    private func readEvents(into buffer: UnsafeMutableRawPointer, size: Int) -> (paths: Set<String>, overflowed: Bool) {
        var paths: Set<String> = []
        var overflowed = false
        var resync = false
        while true {
            let count = read(inotify, buffer, size)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                let descriptor = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let nameLength = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = UnsafeRawBufferPointer(start: buffer + offset + 16, count: nameLength).prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + nameLength
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    overflowed = true
                    resync = true
                    continue
                }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders.removeValue(forKey: descriptor)
                    continue
                }
                guard let folder = folders[descriptor] else { continue }
                if mask & UInt32(IN_MOVE_SELF) != 0 { resync = true }
                guard !name.isEmpty else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                guard WatchScope.matters(path) else { continue }
                paths.insert(path)
                guard mask & UInt32(IN_ISDIR) != 0 else { continue }
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    // A new folder may already hold files (mkdir -p, a moved-in folder):
                    // watch it all, and count what is inside as changed.
                    for sub in folderTree(path) { _ = watch(sub) }
                    paths.formUnion(files(under: path))
                }
                if mask & UInt32(IN_MOVED_FROM | IN_MOVED_TO) != 0 { resync = true }
            }
        }
        if resync { resynchronise() }
        return (paths, overflowed)
    }

    /// Makes the watches match the folders on disk after events were lost or folders moved
    /// (a moved folder keeps its watch, under a path that is no longer true). Adding a
    /// watch that exists returns its descriptor, so this only fixes paths, adds what is
    /// missing and drops what has gone.
    private func resynchronise() {
        let before = folders
        folders = [:]
        for folder in [""] + WatchScope.folders.flatMap(folderTree) { _ = watch(folder) }
        for descriptor in before.keys where folders[descriptor] == nil {
            inotify_rm_watch(inotify, descriptor)
        }
    }

    /// Adds (or refreshes) the watch on one folder; a description of the failure otherwise.
    private func watch(_ folder: String) -> String? {
        let path = folder.isEmpty ? root : root + "/" + folder
        let descriptor = inotify_add_watch(inotify, path, Self.folderEvents)
        guard descriptor >= 0 else {
            if errno == ENOSPC {
                return "the limit on inotify watches is reached (raise fs.inotify.max_user_watches)"
            }
            return "cannot watch \(path): \(String(cString: strerror(errno)))"
        }
        folders[descriptor] = folder
        return nil
    }

    /// `folder` and every folder under it (hidden ones skipped), relative to the root;
    /// empty when `folder` is not a folder. Symbolic links to folders are not followed
    /// inside the tree, as the build does not follow them.
    private func folderTree(_ folder: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + "/" + folder, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        var result = [folder]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? [] where !name.hasPrefix(".") {
            let child = folder + "/" + name
            var info = stat()
            if lstat(root + "/" + child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                result += folderTree(child)
            }
        }
        return result
    }

    /// The files under `folder`, relative to the root, hidden ones skipped.
    private func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder) else { return [] }
        var result: [String] = []
        for case let relative as String in enumerator {
            let path = folder + "/" + relative
            if WatchScope.matters(path) { result.append(path) }
        }
        return result
    }

    private func closeDescriptors() {
        closed.withLock { closed in
            guard !closed else { return }
            closed = true
            close(inotify)
            close(wakeRead)
            close(wakeWrite)
        }
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}
#endif
