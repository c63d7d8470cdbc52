import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The private temporary folder a `serve` session builds in, removed when the session ends.
struct Workspace: Sendable {
    let url: URL

    /// The folder the builder treats as its output.
    var output: URL { url.appendingPathComponent("site") }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Creates a fresh folder with `mkdtemp`: a unique name no other process can have
    /// prepared, readable by this user only.
    static func create(in parent: URL) throws(Failure) -> Workspace {
        let template = parent.appendingPathComponent("dossier-serve-XXXXXX").path
        var bytes = Array(template.utf8CString)
        let made = bytes.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) != nil }
        guard made else {
            throw Failure(description: "cannot create a temporary folder in \(parent.path): \(String(cString: strerror(errno)))")
        }
        let path = String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Workspace(url: URL(fileURLWithPath: path, isDirectory: true))
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
