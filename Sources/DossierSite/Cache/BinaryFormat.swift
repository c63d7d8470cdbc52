/// Dossier's binary coding of `Codable` values, which the build cache stores its entries in
/// (`BinaryEncoder`, `BinaryDecoder`): compact, and read back several times faster than JSON,
/// which decoding a thousand cached documents on every rebuild made the largest cost of it.
///
/// Written here rather than taken from a library: Foundation has only JSON and property
/// lists (the binary property list was tried for the cache and was no faster than JSON: both
/// build a tree of boxed values before anything is decoded), and none of the packages this
/// project may depend on has a `Codable` coder to a binary format (swift-nio's `ByteBuffer`
/// reads and writes integers and bytes, and its Foundation bridge encodes JSON;
/// swift-asn1's DER has its own protocols, not `Codable`; the others are not serialisation
/// libraries).
///
/// A file (integers are little-endian; a *varint* is unsigned LEB128):
///
///     header  "DSBC", version (1 byte), offset of the key table (u32),
///             checksum of every byte after the header (u64)
///     value   the root value
///     keys    varint count, then each key: varint byte count and its UTF-8
///
/// A value is a tag byte and what the tag says follows:
///
///     0x01 nil    0x02 false    0x03 true
///     0x04 signed integer, zigzag varint       0x05 unsigned integer, varint
///     0x40…0x7F the integer 0…63 itself (any integer type)
///     0x06 Float, 4 bytes    0x07 Double, 8 bytes (their bit patterns)
///     0x08 string: varint byte count, UTF-8
///     0x09 keyed container: u32 byte count, then entries: varint key index, value
///     0x0A unkeyed container: u32 byte count, then values
///     0x0B absent: in an entry only, a key given to `encodeIfPresent` with nil
///     0x0C dictionary: u32 byte count, then entries: varint byte count and UTF-8 of the
///          key, value; in the order of the keys' bytes
///
/// Keys are written once per file, in the table, and referred to by index; the keys of a
/// `Dictionary` (`String` or `Int` keys), which are data rather than names and rarely repeat,
/// are written in place instead, and sorted, so that equal dictionaries encode to equal
/// bytes whatever their iteration order. The byte count of
/// a container lets a reader step over it without reading it; `absent` entries keep an
/// optional field in its place, so a decoder that asks for the keys in the order they were
/// encoded (synthesized conformances do) finds each at the position it expects instead of
/// searching the container.
enum BinaryFormat {
    static let magic: [UInt8] = Array("DSBC".utf8)
    static let version: UInt8 = 1
    /// Magic, version, key table offset, checksum.
    static let headerSize = 4 + 1 + 4 + 8
    /// Containers nested deeper than this do not decode (a corrupt file could otherwise make
    /// a recursive type recurse until the stack overflows).
    static let maximumDepth = 512

    enum Tag {
        static let null: UInt8 = 0x01
        static let `false`: UInt8 = 0x02
        static let `true`: UInt8 = 0x03
        static let signed: UInt8 = 0x04
        static let unsigned: UInt8 = 0x05
        static let float: UInt8 = 0x06
        static let double: UInt8 = 0x07
        static let string: UInt8 = 0x08
        static let keyed: UInt8 = 0x09
        static let unkeyed: UInt8 = 0x0A
        static let absent: UInt8 = 0x0B
        static let dictionary: UInt8 = 0x0C
        /// The first of the 64 tags that are small integers themselves.
        static let smallInteger: UInt8 = 0x40

        static func name(_ tag: UInt8) -> String {
            switch tag {
            case null: "nil"
            case `false`, `true`: "a boolean"
            case signed, unsigned, smallInteger...0x7F: "an integer"
            case float, double: "a floating-point number"
            case string: "a string"
            case keyed, dictionary: "a keyed container"
            case unkeyed: "an unkeyed container"
            case absent: "no value"
            default: "an unknown tag \(tag)"
            }
        }
    }

    /// A 64-bit checksum: each 8-byte word is mixed in by a bijection of the running value, so
    /// any change to a single word always changes the result, and truncation changes it
    /// through the length. Detects damage; not meant to resist deliberate forgery.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = 0x2545_F491_4F6C_DD1D ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = ((hash ^ word) &* multiplier).rotatedLeft(by: 29)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = ((hash ^ tail) &* multiplier).rotatedLeft(by: 29)
        hash ^= hash >> 32
        return hash &* multiplier
    }

    /// Where the value at `position` ends, checking that it ends by `limit`; the one place
    /// that knows every value's length. A container is stepped over whole.
    static func end(ofValueAt position: Int, in base: UnsafePointer<UInt8>, limit: Int) throws -> Int {
        guard position < limit else { throw corrupted("a value is cut short", at: position) }
        let tag = base[position]
        switch tag {
        case Tag.null, Tag.false, Tag.true, Tag.absent, Tag.smallInteger...0x7F:
            return position + 1
        case Tag.signed, Tag.unsigned:
            var next = position + 1
            _ = try varint(base, &next, limit: limit)
            return next
        case Tag.float:
            guard limit - position >= 5 else { throw corrupted("a Float is cut short", at: position) }
            return position + 5
        case Tag.double:
            guard limit - position >= 9 else { throw corrupted("a Double is cut short", at: position) }
            return position + 9
        case Tag.string:
            var next = position + 1
            let count = try length(base, &next, limit: limit)
            return next + count
        case Tag.keyed, Tag.unkeyed, Tag.dictionary:
            return try containerBounds(base, at: position, limit: limit).end
        default:
            throw corrupted("unknown tag \(tag)", at: position)
        }
    }

    /// Reads a varint at `position`, moving it past.
    @inline(__always)
    static func varint(_ base: UnsafePointer<UInt8>, _ position: inout Int, limit: Int) throws -> UInt64 {
        guard position < limit else { throw corrupted("a number is cut short", at: position) }
        let first = base[position]
        if first < 0x80 {
            position += 1
            return UInt64(first)
        }
        return try longVarint(base, &position, limit: limit)
    }

    static func longVarint(_ base: UnsafePointer<UInt8>, _ position: inout Int, limit: Int) throws -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < limit else { throw corrupted("a number is cut short", at: start) }
            let byte = base[position]
            position += 1
            guard shift < 63 || byte <= 1 else { throw corrupted("a number is too large", at: start) }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// Reads a varint that counts bytes which must follow by `limit`.
    @inline(__always)
    static func length(_ base: UnsafePointer<UInt8>, _ position: inout Int, limit: Int) throws -> Int {
        let start = position
        let value = try varint(base, &position, limit: limit)
        guard value <= UInt64(limit - position) else { throw corrupted("a length runs past its container", at: start) }
        return Int(value)
    }

    /// The entries or elements of the container whose tag is at `position`.
    @inline(__always)
    static func containerBounds(_ base: UnsafePointer<UInt8>, at position: Int, limit: Int) throws -> (start: Int, end: Int) {
        guard limit - position >= 5 else { throw corrupted("a container is cut short", at: position) }
        let count = Int(UInt32(littleEndian: UnsafeRawPointer(base + position + 1).loadUnaligned(as: UInt32.self)))
        guard count <= limit - position - 5 else { throw corrupted("a container runs past its end", at: position) }
        return (position + 5, position + 5 + count)
    }

    /// The string whose UTF-8 is the `count` bytes at `start`, if they are valid UTF-8.
    /// (`UTF8Span` rather than `String(validating:as:)`, which is generic over the sequence
    /// and looks up type metadata on every call: a fifth of the time of decoding an entry.)
    @inline(__always)
    static func string(_ start: UnsafePointer<UInt8>, count: Int) -> String? {
        guard let utf8 = try? UTF8Span(validating: Span(_unsafeElements: UnsafeBufferPointer(start: start, count: count))) else { return nil }
        return String(copying: utf8)
    }

    /// What is wrong with a file, and where.
    static func corrupted(_ message: String, at position: Int) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "\(message) (byte \(position))"))
    }
}

extension UInt64 {
    @inline(__always)
    func rotatedLeft(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
