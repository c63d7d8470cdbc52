import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What identifies a file's contents without reading it: its device, inode, size, and
/// modification and change times to the nanosecond. An editor's save changes at least
/// the change time (a save by rename also the inode).
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}

/// The content files as last read, by path, with the stamp they had: `serve` reads the
/// handbook again after every edit, and a file whose stamp has not changed is taken from
/// here instead of being read, decoded and hashed again. A build that does not keep one
/// (`dossier build`) reads every file.
///
/// File times advance with the kernel's clock tick, so a write of the same size within
/// a few milliseconds of the last read can keep the stamp: `serve` forgets the files its
/// watcher saw change before each build, and the stamp catches the rest (a file changed
/// while the watcher was not looking).
public final class SourceMemo: Sendable {
    private let files = Locked<[String: (stamp: FileStamp, identified: Identified)]>([:])

    public init() {}

    func identified(_ file: ContentFile, stamp: FileStamp) -> Identified? {
        files.withLock { files in
            guard let known = files[file.path], known.stamp == stamp, known.identified.file == file else { return nil }
            return known.identified
        }
    }

    func keep(_ identified: Identified, stamp: FileStamp) {
        files.withLock { $0[identified.file.path] = (stamp, identified) }
    }

    /// Forgets these files, and the files in these folders (paths relative to the
    /// handbook: `content/profiles/a.md`, `content/team`).
    public func forget(_ paths: Set<String>) {
        files.withLock { files in
            files = files.filter { path, _ in
                !paths.contains(path) && !paths.contains { path.hasPrefix($0 + "/") }
            }
        }
    }

    public func forgetAll() {
        files.withLock { $0 = [:] }
    }

    /// Forgets the files that are no longer in the handbook.
    func keepOnly(_ paths: Set<String>) {
        files.withLock { files in files = files.filter { paths.contains($0.key) } }
    }
}
