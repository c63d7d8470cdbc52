/// A request's path, checked and percent-decoded into the segments looked up in the site.
///
/// The site is a map from paths to bytes, so no request can reach the file system; still,
/// anything that tries to climb out of the site or hide a separator is refused outright
/// rather than normalised, so there is no second interpretation of a path to get wrong:
/// `.` and `..` segments (also as `%2e`), encoded `/` and `\` (`%2f`, `%5c`), raw
/// backslashes, NUL and other control characters, malformed `%` escapes and bytes that
/// are not UTF-8.
struct RequestTarget: Equatable, Sendable {
    /// The decoded segments between slashes; empty for `/`. Empty segments (`/a//b`) are
    /// kept: no site path has one, so such a request is simply not found.
    var segments: [String]
    /// Whether the path ends with `/` (asks for a folder's `index.html`).
    var isFolder: Bool
    /// The path exactly as the client sent it, still percent-encoded (for redirects).
    var rawPath: String
    /// The query with its `?`, or empty.
    var query: String

    enum Refusal: Error, Equatable, CustomStringConvertible {
        /// The target does not start with `/` (an absolute URL, `*`).
        case notAPath
        /// A `%` not followed by two hex digits, or bytes that are not UTF-8.
        case badEncoding
        /// NUL, a control character, a backslash, or an encoded `/` inside a segment.
        case forbiddenCharacter
        /// A `.` or `..` segment.
        case dotSegment

        var description: String {
            switch self {
            case .notAPath: "the request target is not a path"
            case .badEncoding: "the path is not valid percent-encoded UTF-8"
            case .forbiddenCharacter: "the path contains a control character, a backslash or an encoded slash"
            case .dotSegment: "the path contains a . or .. segment"
            }
        }
    }

    /// Parses a raw request target (`/profiles/aws-expert/?tab=1`).
    static func parse(_ raw: String) -> Result<RequestTarget, Refusal> {
        guard raw.hasPrefix("/") else { return .failure(.notAPath) }
        let end = raw.firstIndex { $0 == "?" || $0 == "#" } ?? raw.endIndex
        let rawPath = String(raw[..<end])
        let query = raw[end...].hasPrefix("?") ? String(raw[end...].prefix { $0 != "#" }) : ""

        var body = rawPath.dropFirst()
        let isFolder = body.isEmpty || body.hasSuffix("/")
        if body.hasSuffix("/") { body = body.dropLast() }
        var segments: [String] = []
        if !body.isEmpty {
            for encoded in body.split(separator: "/", omittingEmptySubsequences: false) {
                switch decode(encoded) {
                case .success(let segment): segments.append(segment)
                case .failure(let refusal): return .failure(refusal)
                }
            }
        }
        return .success(RequestTarget(segments: segments, isFolder: isFolder, rawPath: rawPath, query: query))
    }

    /// One segment, percent-decoded and checked.
    static func decode(_ encoded: Substring) -> Result<String, Refusal> {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.utf8.count)
        var iterator = encoded.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return .failure(.badEncoding)
            }
            bytes.append(high << 4 | low)
        }
        for byte in bytes where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/") {
            return .failure(.forbiddenCharacter)
        }
        // Decoding replaces invalid sequences with U+FFFD, so valid UTF-8 is what round-trips.
        let segment = String(decoding: bytes, as: UTF8.self)
        guard segment.utf8.elementsEqual(bytes) else { return .failure(.badEncoding) }
        if segment == "." || segment == ".." { return .failure(.dotSegment) }
        return .success(segment)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
