import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Creates files and folders, remembering each, so that a scaffold that fails part-way can
/// remove exactly what it added.
struct ScaffoldTransaction {
    let root: URL
    private(set) var createdFiles: [String] = []
    private(set) var createdFolders: [String] = []
    /// Files replaced, with what they held before.
    private(set) var replacedFiles: [(path: String, original: [UInt8])] = []

    init(root: URL) {
        self.root = root
    }

    /// Creates `folder` and any missing parents.
    mutating func createFolder(_ folder: URL) throws(ScaffoldError) {
        var missing: [String] = []
        var current = folder.standardizedFileURL
        while FileKind(current.path) == nil, current.path != "/" {
            missing.append(current.path)
            current.deleteLastPathComponent()
        }
        for path in missing.reversed() {
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                throw ScaffoldError(.writeFailed, "cannot create the folder ‘\(path)’: \(Self.lastError())")
            }
            createdFolders.append(path)
        }
    }

    /// Writes `file` beside its target under a hidden temporary name, then links it into
    /// place: `link` fails instead of replacing a file that appeared since the check.
    mutating func create(_ file: Scaffold.File) throws(ScaffoldError) {
        let target = root.appendingPathComponent(file.path)
        try createFolder(target.deletingLastPathComponent())
        let temporary = try Self.writeTemporary(beside: target, file.bytes, flags: O_EXCL, path: file.path)
        defer { unlink(temporary) }
        if link(temporary, target.path) != 0 {
            let failure = errno
            if failure == EEXIST {
                throw ScaffoldError(.exists, "refusing to overwrite: the file appeared while Dossier was writing", path: file.path)
            }
            // File systems without hard links: rename, which the check above made safe
            // unless the file appeared in the last moment.
            guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK].contains(failure), FileKind(target.path) == nil,
                  rename(temporary, target.path) == 0 else {
                throw ScaffoldError(.writeFailed, "cannot write: \(String(cString: strerror(failure)))", path: file.path)
            }
        }
        createdFiles.append(target.path)
    }

    /// Replaces an existing file (`.gitignore`, lines added) through a temporary file
    /// renamed over it, remembering what it held.
    mutating func replace(_ path: String, with bytes: [UInt8], original: [UInt8]) throws(ScaffoldError) {
        let target = root.appendingPathComponent(path)
        try Self.writeReplacing(target, bytes, path: path)
        replacedFiles.append((target.path, original))
    }

    /// Removes the files and (empty) folders this transaction created, newest first, and
    /// puts back what the files it replaced held.
    func rollBack() {
        for (path, original) in replacedFiles.reversed() {
            try? Self.writeReplacing(URL(fileURLWithPath: path), original, path: path)
        }
        for path in createdFiles.reversed() { unlink(path) }
        for path in createdFolders.reversed() { rmdir(path) }
    }

    private static func writeReplacing(_ target: URL, _ bytes: [UInt8], path: String) throws(ScaffoldError) {
        let temporary = try writeTemporary(beside: target, bytes, flags: O_TRUNC, keepingModeOf: target.path, path: path)
        guard rename(temporary, target.path) == 0 else {
            let reason = lastError()
            unlink(temporary)
            throw ScaffoldError(.writeFailed, "cannot write: \(reason)", path: path)
        }
    }

    /// Writes `bytes` to a hidden temporary file beside `target` and flushes it to disk;
    /// returns its path. `flags` is `O_EXCL` or `O_TRUNC`; with `keepingModeOf`, the file
    /// gets that file's permissions. A failure removes the temporary file.
    private static func writeTemporary(beside target: URL, _ bytes: [UInt8], flags: Int32, keepingModeOf original: String? = nil,
                                       path: String) throws(ScaffoldError) -> String {
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).dossier-new-\(getpid())").path
        let fd = open(temporary, O_WRONLY | O_CREAT | flags | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ScaffoldError(.writeFailed, "cannot write: \(lastError())", path: path) }
        var info = stat()
        if let original, stat(original, &info) == 0 { fchmod(fd, info.st_mode & 0o7777) }
        do throws(ScaffoldError) {
            try writeAll(bytes, to: fd, path: path)
            guard fsync(fd) == 0 else { throw ScaffoldError(.writeFailed, "cannot write: \(lastError())", path: path) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        return temporary
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(ScaffoldError) {
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
        if failure != 0 { throw ScaffoldError(.writeFailed, "cannot write: \(String(cString: strerror(failure)))", path: path) }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
