/// A byte buffer for HTML with the escaping rules cmark uses, so Dossier's pages match the
/// library's output where they render the same nodes.
public struct HTMLWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func raw(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// A newline unless the output is empty or already ends with one (cmark's `cr`).
    public mutating func newlineIfNeeded() {
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
    }

    /// Escapes `&`, `<`, `>` and `"` — text and attribute values alike.
    public mutating func escaped(_ text: some StringProtocol) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { escaped($0) }
        guard done == nil else { return }
        for byte in text.utf8 {
            switch byte {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x22: raw("&quot;")
            default: bytes.append(byte)
            }
        }
    }

    /// The same, from contiguous bytes: the runs between special bytes are appended whole.
    private mutating func escaped(_ text: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in text.indices {
            let entity: StaticString
            switch text[index] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            default: continue
            }
            bytes += UnsafeBufferPointer(rebasing: text[start ..< index])
            raw(entity)
            start = index + 1
        }
        bytes += UnsafeBufferPointer(rebasing: text[start...])
    }

    /// Escapes a URL for an `href` or `src`: characters outside the URL-safe set become
    /// `%XX`, `&` and `'` become entities (cmark's `houdini_escape_href`).
    public mutating func escapedURL(_ url: some StringProtocol) {
        for byte in url.utf8 {
            if HTMLWriter.hrefSafe(byte) {
                bytes.append(byte)
            } else if byte == 0x26 {
                raw("&amp;")
            } else if byte == 0x27 {
                raw("&#x27;")
            } else {
                bytes.append(0x25)
                bytes.append(HTMLWriter.hex[Int(byte >> 4)])
                bytes.append(HTMLWriter.hex[Int(byte & 0xF)])
            }
        }
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Letters, digits and `-_.+!*(),%#@?=;:/$~` pass through unescaped.
    @inline(__always)
    static func hrefSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"),
             UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: ","), UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "@"),
             UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: ":"),
             UInt8(ascii: "/"), UInt8(ascii: "$"), UInt8(ascii: "~"):
            return true
        default: return false
        }
    }
}

extension String {
    /// The text with `&`, `<`, `>` and `"` escaped, for templates and attribute values.
    public var htmlEscaped: String {
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return self }
        var writer = HTMLWriter(capacity: utf8.count + 16)
        writer.escaped(self)
        return writer.string
    }
}
