#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a path, without following a final symbolic link (a dangling link is in the way
/// as much as a file is); `nil` when nothing is.
enum FileKind {
    case file, folder

    init?(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            // A link to a folder serves as the folder.
            var target = stat()
            self = stat(path, &target) == 0 && (target.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
        } else {
            self = (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
        }
    }
}

extension FileKind {
    /// Whether `path` is a regular file itself, not a link to one: a file Dossier may add
    /// lines to by replacing it.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
