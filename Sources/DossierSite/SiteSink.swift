import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Where a build's files go: a folder on disk, or memory (for `serve`).
public protocol SiteSink: Sendable {
    /// Writes a file at `path` (relative to the site root, `/`-separated).
    func write(_ path: String, _ bytes: [UInt8]) throws

    /// Writes a file whose bytes are made piece by piece: `pieces` hands each piece, in
    /// order, to the function it is given. A sink on disk writes each piece as it comes,
    /// so a large file (the export of ten thousand profiles is most of a gigabyte) is never
    /// in memory whole.
    func write(_ path: String, pieces: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws
}

extension SiteSink {
    /// Collects the pieces and writes them at once: for sinks that keep files in memory.
    public func write(_ path: String, pieces: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        var bytes: [UInt8] = []
        try pieces { bytes += $0 }
        try write(path, bytes)
    }
}

/// Writes files under a folder, creating sub-folders as needed.
public struct FolderSink: SiteSink {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public func write(_ path: String, _ bytes: [UInt8]) throws {
        do {
            try Self.writeFile(at: root.path + "/" + path, bytes)
        } catch {
            throw WriteError(path: path, reason: error.reason)
        }
    }

    public func write(_ path: String, pieces: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        do {
            try Self.writeFile(at: root.path + "/" + path, pieces: pieces)
        } catch let error as WriteError {
            throw WriteError(path: path, reason: error.reason)
        }
    }

    /// Writes `bytes` to the file at `full` (an absolute path), creating its folder if needed.
    /// POSIX calls rather than `Data.write`: one open and write per file, the cheapest way
    /// to write thousands of small files.
    static func writeFile(at full: String, _ bytes: [UInt8]) throws(WriteError) {
        let fd = try create(full)
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: full)
    }

    /// Writes the pieces `pieces` makes to the file at `full` as they come, and returns how
    /// many bytes it wrote. An error thrown by `pieces` is thrown as it is.
    @discardableResult
    static func writeFile(at full: String, pieces: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws -> Int {
        let fd = try create(full)
        defer { close(fd) }
        var size = 0
        try pieces { bytes in
            try writeAll(bytes, to: fd, path: full)
            size += bytes.count
        }
        return size
    }

    /// Writes the pieces to a temporary name beside `url` and renames it into place, so a
    /// reader sees the old file or the whole new one; a failure removes the temporary file.
    public static func writeAtomically(to url: URL, pieces: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try writeFile(at: temporary.path, pieces: pieces)
            guard rename(temporary.path, url.path) == 0 else {
                throw WriteError(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// Opens `full` for writing, emptied, creating it and its folder if needed.
    private static func create(_ full: String) throws(WriteError) -> Int32 {
        var fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 && errno == ENOENT {
            makeFolders(parentFolder(of: full))
            fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw WriteError(path: full, reason: String(cString: strerror(errno))) }
        return fd
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(WriteError) {
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
        if let failure { throw WriteError(path: path, reason: String(cString: strerror(failure))) }
    }
}
