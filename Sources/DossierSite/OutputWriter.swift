import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a build's files and remembers which files the site has.
///
/// Two ways, chosen by `SiteBuilder`:
/// - **Staging** (a cold build): every file goes into a fresh folder that `OutputFolder`
///   swaps in at the end.
/// - **In place** (a build that follows one whose state the cache holds): a file whose bytes
///   are already in the output is not touched, so it keeps its modification time and `rsync`
///   or an S3 sync has nothing to copy. New bytes go to a pending folder beside the output
///   (`OutputFolder.pendingFolder`) and are renamed into place by `commit()` only when the
///   whole build succeeded; a failed or killed build leaves the site as it was. Files the
///   previous build wrote and this one did not are deleted at commit, with folders left empty.
final class OutputWriter: SiteSink {
    enum Mode: Sendable {
        case staging(URL)
        case inPlace(URL, previous: [String: Int], pending: URL)
    }

    private struct State {
        /// Every file of the new site, with its size.
        var files: [String: Int] = [:]
        /// In place: files written to temporary names, to rename at commit. (A page can be
        /// written twice in one build: again without its broken `#fragment` links.)
        var pending: Set<String> = []
    }

    let mode: Mode
    private let state = Locked(State())

    init(_ mode: Mode) {
        self.mode = mode
    }

    var root: URL {
        switch mode {
        case .staging(let url), .inPlace(let url, _, _): url
        }
    }

    /// Every file of the site as built, with its size.
    var files: [String: Int] { state.withLock { $0.files } }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        state.withLock { $0.files[path] = bytes.count }
        let full = root.path + "/" + path
        switch mode {
        case .staging:
            try FolderSink.writeFile(at: full, bytes)
        case .inPlace(_, let previous, let folder):
            if previous[path] == bytes.count && Self.holds(full, bytes) {
                // Written earlier in this build with other bytes? Those are dropped.
                if state.withLock({ $0.pending.remove(path) }) != nil { unlink(folder.path + "/" + path) }
                return
            }
            try FolderSink.writeFile(at: folder.path + "/" + path, bytes)
            state.withLock { _ = $0.pending.insert(path) }
        }
    }

    /// A file made piece by piece (the export), written as the pieces come. In place, it
    /// goes to the pending folder first and is then compared with the output's file: the
    /// same bytes leave the output's file untouched.
    func write(_ path: String, pieces: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        let full = root.path + "/" + path
        switch mode {
        case .staging:
            let size = try FolderSink.writeFile(at: full, pieces: pieces)
            state.withLock { $0.files[path] = size }
        case .inPlace(_, let previous, let folder):
            let new = folder.path + "/" + path
            let size = try FolderSink.writeFile(at: new, pieces: pieces)
            state.withLock { $0.files[path] = size }
            if previous[path] == size && Self.sameContents(new, full) {
                unlink(new)
                state.withLock { _ = $0.pending.remove(path) }
            } else {
                state.withLock { _ = $0.pending.insert(path) }
            }
        }
    }

    /// The file the previous build wrote at `path`, open for reading, while it is still the
    /// size that build recorded; `nil` when building into a fresh folder. A build copies
    /// unchanged documents' elements of its previous export from it (`SpooledDocument.Previous`)
    /// while writing the new one, which goes to the pending folder until commit.
    func previousFile(_ path: String) -> PreviousFile? {
        guard case .inPlace(let url, let previous, _) = mode, let size = previous[path] else { return nil }
        let descriptor = open(url.path + "/" + path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let file = PreviousFile(descriptor: descriptor)
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size else { return nil }
        return file
    }

    /// Keeps a file the previous build wrote, unchanged (a page rendered from a document that
    /// did not change). `false` when it is missing or not the size it had: it must be written.
    func keep(_ path: String) -> Bool {
        guard case .inPlace(let url, let previous, _) = mode, let size = previous[path] else { return false }
        var info = stat()
        guard stat(url.path + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size else { return false }
        state.withLock { $0.files[path] = size }
        return true
    }

    /// In place: renames the new files into place and deletes the files no longer part of the
    /// site. Returns the site paths that changed (written or deleted), sorted.
    func commit() throws(OutputFolder.Failure) -> [String] {
        guard case .inPlace(let url, let previous, let folder) = mode else { return [] }
        let (files, pending) = state.withLock { ($0.files, $0.pending) }
        for path in pending.sorted() {
            let full = url.path + "/" + path
            var moved = rename(folder.path + "/" + path, full) == 0
            if !moved && errno == ENOENT {
                // A page in a folder the site did not have yet.
                makeFolders(parentFolder(of: full))
                moved = rename(folder.path + "/" + path, full) == 0
            }
            guard moved else {
                throw .io("cannot move the new \(path) into place: \(String(cString: strerror(errno)))")
            }
        }
        try? FileManager.default.removeItem(at: folder)
        let removed = previous.keys.filter { files[$0] == nil }.sorted()
        var folders = Set<String>()
        for path in removed {
            unlink(url.path + "/" + path)
            var folder = parentFolder(of: path)
            while !folder.isEmpty {
                folders.insert(folder)
                folder = parentFolder(of: folder)
            }
        }
        // Deepest first, so a folder emptied by removing its sub-folder goes too; `rmdir`
        // removes nothing that still holds a file.
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            rmdir(url.path + "/" + folder)
        }
        return (Array(pending) + removed).sorted()
    }

    /// Removes the files of a build that will not be committed.
    func discard() {
        guard case .inPlace(_, _, let folder) = mode else { return }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Whether the files at `a` and `b` hold the same bytes, read a block at a time.
    static func sameContents(_ a: String, _ b: String) -> Bool {
        let first = open(a, O_RDONLY | O_CLOEXEC)
        guard first >= 0 else { return false }
        defer { close(first) }
        let second = open(b, O_RDONLY | O_CLOEXEC)
        guard second >= 0 else { return false }
        defer { close(second) }
        let blockSize = 1 << 20
        var one = [UInt8](repeating: 0, count: blockSize)
        var two = [UInt8](repeating: 0, count: blockSize)
        while true {
            let n = readBlock(first, &one)
            guard n >= 0, readBlock(second, &two) == n else { return false }
            if n == 0 { return true }
            guard memcmp(one, two, n) == 0 else { return false }
        }
    }

    /// Fills `block` from `fd` as far as the file goes; the count read, or -1 on an error.
    private static func readBlock(_ fd: Int32, _ block: inout [UInt8]) -> Int {
        var filled = 0
        let count = block.count
        return block.withUnsafeMutableBytes { buffer in
            while filled < count {
                let n = read(fd, buffer.baseAddress! + filled, count - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                if n == 0 { break }
                filled += n
            }
            return filled
        }
    }

    /// Whether the file at `full` holds exactly `bytes`, read a block at a time: the export
    /// of a large handbook is tens of megabytes, and need not be in memory twice.
    static func holds(_ full: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(full, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        return bytes.withUnsafeBytes { new in
            while true {
                let n = readBlock(fd, &block)
                guard n >= 0, offset + n <= new.count else { return false }
                if n == 0 { return offset == new.count }
                guard memcmp(block, new.baseAddress! + offset, n) == 0 else { return false }
                offset += n
            }
        }
    }
}

/// `a/b/c.html` → `a/b`, `c.html` → empty. (`NSString.deletingLastPathComponent` traps on
/// some one-letter paths in this Foundation, so paths are cut by hand.)
func parentFolder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
}

/// Creates the folder at `path` (absolute) and any missing parents, as `mkdir -p` does;
/// failures show when the file inside cannot be created. `mkdir` first and parents only on
/// `ENOENT`: a build makes a folder per page, and Foundation's `createDirectory` checked
/// every component of every path first (a twentieth of a cold build's time).
func makeFolders(_ path: String) {
    if mkdir(path, 0o755) == 0 || errno != ENOENT { return }
    let parent = parentFolder(of: path)
    guard !parent.isEmpty, parent != path else { return }
    makeFolders(parent)
    mkdir(path, 0o755)
}

/// `count` bytes of the open file `fd` from `offset`, or `nil` if the file is shorter.
func readBytes(_ fd: Int32, at offset: Int, count: Int) -> [UInt8]? {
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
        var done = 0
        while done < count {
            let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { failed = true; break }
            done += n
        }
        initialized = done
    }
    return failed ? nil : bytes
}

/// A file of the previous site, open for reading parts of it; closed when let go.
final class PreviousFile: Sendable {
    private let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// `count` bytes from `offset`, or `nil` when the file does not have them all.
    func read(offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0 else { return nil }
        return readBytes(descriptor, at: offset, count: count)
    }
}
