import Foundation
import Hummingbird

/// One file of the built site, held in memory ready to be served.
struct SiteFile: Sendable {
    /// The bytes, in the buffer type responses are written from (shared, never copied).
    var body: ByteBuffer
    var contentType: String
    /// A hash of the bytes: what the snapshot diff compares, and the `ETag`.
    var hash: UInt64

    init(bytes: [UInt8], path: String) {
        self.body = ByteBuffer(bytes: bytes)
        self.contentType = ContentType.forPath(path)
        self.hash = ContentHash.of(bytes)
    }

    /// `previous` itself when it holds exactly these bytes (no hashing, no copy), else a new
    /// file.
    init(bytes: [UInt8], path: String, unlessSameAs previous: SiteFile?) {
        if let previous, previous.hasBytes(bytes) {
            self = previous
        } else {
            self.init(bytes: bytes, path: path)
        }
    }

    var isHTML: Bool { contentType == ContentType.html }

    /// Whether the file holds exactly these bytes.
    func hasBytes(_ bytes: [UInt8]) -> Bool {
        guard body.readableBytes == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        return body.withUnsafeReadableBytes { held in
            bytes.withUnsafeBytes { memcmp(held.baseAddress!, $0.baseAddress!, bytes.count) == 0 }
        }
    }

    /// A strong entity tag: equal tags mean byte-identical files.
    var etag: String { "\"\(ContentHash.hex(hash))\"" }
}

/// A 64-bit hash of a file's bytes, for entity tags and for noticing which files a build
/// changed.
///
/// Swift's `Hasher` (SipHash-1-3) reads the bytes in bulk, fast enough to hash a whole
/// site after every build. It is seeded per process, which suits a development server:
/// tags never outlive the process that made them, so a browser's cached copy from an
/// earlier run is never mistaken for current.
enum ContentHash {
    static func of(_ bytes: [UInt8]) -> UInt64 {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine(bytes.count)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
