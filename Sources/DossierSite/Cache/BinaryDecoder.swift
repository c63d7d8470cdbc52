import Foundation

/// Decodes `Decodable` values from Dossier's binary coding (`BinaryFormat`). Every length and
/// offset is checked: a truncated or damaged file throws `DecodingError.dataCorrupted`; it
/// never reads outside the file, and never loops. Public so that the benchmarks package can
/// time it against JSON.
public struct BinaryDecoder: Sendable {
    /// Whether the checksum is compared before decoding; off only in tests of the decoder's
    /// own checks, which a damaged file otherwise never reaches.
    var verifiesChecksum = true

    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from bytes: some ContiguousBytes) throws -> T {
        let reader = try bytes.withUnsafeBytes { try BinaryReader.open($0, verifyingChecksum: verifiesChecksum) }
        let root = BinaryFormat.headerSize
        guard try BinaryFormat.end(ofValueAt: root, in: reader.base, limit: reader.end) == reader.end else {
            throw BinaryFormat.corrupted("the value ends before the key table", at: root)
        }
        let value = try reader.decodeValue(T.self, at: root, limit: reader.end, depth: 0).value
        if let damage = reader.damage { throw damage }
        return value
    }

    /// Checks that `bytes` are a file of this coding whose checksum matches, without
    /// decoding it: for bytes kept to be decoded later, so that damage is found when they
    /// are read rather than when they are needed.
    public static func verify(_ bytes: some ContiguousBytes) throws {
        _ = try bytes.withUnsafeBytes { try BinaryReader.keyTableOffset($0, verifyingChecksum: true) }
    }
}

/// A file being decoded: a copy of its bytes, its keys, and where each open keyed container
/// expects its next key.
final class BinaryReader {
    /// The file, and one nil byte after it (`null`).
    let base: UnsafeMutablePointer<UInt8>
    /// Where the key table starts: values lie before it.
    let end: Int
    /// The position of the nil byte after the file: the value of a key that is not there,
    /// for `superDecoder(forKey:)`.
    let null: Int
    let keys: [String]
    /// For each nesting depth (modulo `hintSlots`): a keyed container's first entry, and
    /// where the entry after the one it last read starts. Only a hint, kept for the
    /// container whose first entry it names.
    let hints: UnsafeMutablePointer<Int>
    static let hintSlots = 64
    /// Damage found where the `Decoder` API cannot throw (`allKeys`, `contains`, `count`):
    /// thrown once the value is decoded, so that it is never taken for a shorter container.
    var damage: DecodingError?

    private init(base: UnsafeMutablePointer<UInt8>, end: Int, null: Int, keys: [String]) {
        self.base = base
        self.end = end
        self.null = null
        self.keys = keys
        hints = .allocate(capacity: 2 * Self.hintSlots)
        hints.initialize(repeating: -1, count: 2 * Self.hintSlots)
    }

    deinit {
        base.deallocate()
        hints.deallocate()
    }

    /// Checks the header (and the checksum); returns where the key table starts.
    static func keyTableOffset(_ raw: UnsafeRawBufferPointer, verifyingChecksum: Bool) throws -> Int {
        let header = BinaryFormat.headerSize
        guard raw.count > header, raw.prefix(4).elementsEqual(BinaryFormat.magic) else {
            throw BinaryFormat.corrupted("not a file of Dossier’s binary coding", at: 0)
        }
        guard raw[4] == BinaryFormat.version else {
            throw BinaryFormat.corrupted("version \(raw[4]) of Dossier’s binary coding, not \(BinaryFormat.version)", at: 4)
        }
        let table = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 5, as: UInt32.self)))
        guard table > header, table <= raw.count else { throw BinaryFormat.corrupted("the key table is not in the file", at: 5) }
        if verifyingChecksum {
            let stored = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 9, as: UInt64.self))
            guard BinaryFormat.checksum(UnsafeRawBufferPointer(rebasing: raw[header...])) == stored else {
                throw BinaryFormat.corrupted("the checksum does not match: the file is damaged", at: 9)
            }
        }
        return table
    }

    /// Checks the header (and the checksum), copies the bytes and reads the key table.
    static func open(_ raw: UnsafeRawBufferPointer, verifyingChecksum: Bool) throws -> BinaryReader {
        let table = try keyTableOffset(raw, verifyingChecksum: verifyingChecksum)
        let count = raw.count
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: count + 1)
        UnsafeMutableRawPointer(base).copyMemory(from: raw.baseAddress!, byteCount: count)
        base[count] = BinaryFormat.Tag.null
        do {
            var position = table
            let number = try BinaryFormat.varint(base, &position, limit: count)
            guard number <= UInt64(count - position) else { throw BinaryFormat.corrupted("the key table is cut short", at: table) }
            var keys: [String] = []
            keys.reserveCapacity(Int(number))
            for _ in 0..<number {
                let length = try BinaryFormat.length(base, &position, limit: count)
                guard let key = BinaryFormat.string(base + position, count: length) else {
                    throw BinaryFormat.corrupted("a key is not valid UTF-8", at: position)
                }
                keys.append(key)
                position += length
            }
            guard position == count else { throw BinaryFormat.corrupted("bytes after the key table", at: position) }
            return BinaryReader(base: base, end: table, null: count, keys: keys)
        } catch {
            base.deallocate()
            throw error
        }
    }

    // MARK: - Values

    /// Decodes the value at `position`, which must end by `limit`; the value and where it
    /// ends. Scalars are read directly; anything else through its `init(from:)`.
    func decodeValue<T: Decodable>(_ type: T.Type, at position: Int, limit: Int, depth: Int) throws -> (value: T, next: Int) {
        if T.self == String.self { let (value, next) = try readString(at: position, limit: limit); return (value as! T, next) }
        if T.self == Int.self { let (value, next) = try readInteger(Int.self, at: position, limit: limit); return (value as! T, next) }
        if T.self == Bool.self { let (value, next) = try readBool(at: position); return (value as! T, next) }
        if T.self == Double.self { let (value, next) = try readDouble(at: position, limit: limit); return (value as! T, next) }
        let next = try BinaryFormat.end(ofValueAt: position, in: base, limit: limit)
        return (try T(from: ValueDecoder(reader: self, position: position, depth: depth)), next)
    }

    /// The entries or elements of the container at `position`, which must have one of the
    /// tags given.
    func container(at position: Int, _ tag: UInt8, or other: UInt8? = nil, depth: Int, type: Any.Type) throws -> (start: Int, end: Int) {
        guard base[position] == tag || base[position] == other else { throw mismatch(type, at: position) }
        guard depth <= BinaryFormat.maximumDepth else { throw BinaryFormat.corrupted("containers are nested too deeply", at: position) }
        return try BinaryFormat.containerBounds(base, at: position, limit: end)
    }

    /// The error for a value of another kind than `type`: `valueNotFound` for nil.
    func mismatch(_ type: Any.Type, at position: Int) -> DecodingError {
        let tag = base[position]
        let context = DecodingError.Context(codingPath: [], debugDescription: "expected \(type), found \(BinaryFormat.Tag.name(tag)) (byte \(position))")
        return tag == BinaryFormat.Tag.null || tag == BinaryFormat.Tag.absent ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }

    // MARK: - Scalars
    //
    // Each reads the value whose tag is at `position` (a value checked to end by `limit`, or
    // the nil byte after the file) and returns it with the position after it.

    @inline(__always)
    func readString(at position: Int, limit: Int) throws -> (String, Int) {
        guard base[position] == BinaryFormat.Tag.string else { throw mismatch(String.self, at: position) }
        var next = position + 1
        let count = try BinaryFormat.length(base, &next, limit: limit)
        guard let value = BinaryFormat.string(base + next, count: count) else {
            throw BinaryFormat.corrupted("a string is not valid UTF-8", at: position)
        }
        return (value, next + count)
    }

    @inline(__always)
    func readBool(at position: Int) throws -> (Bool, Int) {
        switch base[position] {
        case BinaryFormat.Tag.true: (true, position + 1)
        case BinaryFormat.Tag.false: (false, position + 1)
        default: throw mismatch(Bool.self, at: position)
        }
    }

    @inline(__always)
    func readInteger<I: FixedWidthInteger>(_ type: I.Type, at position: Int, limit: Int) throws -> (I, Int) {
        let tag = base[position]
        if tag & 0xC0 == BinaryFormat.Tag.smallInteger {
            guard let value = I(exactly: tag & 0x3F) else { throw overflow(I.self, at: position) }
            return (value, position + 1)
        }
        var next = position + 1
        switch tag {
        case BinaryFormat.Tag.signed:
            let zigzag = try BinaryFormat.varint(base, &next, limit: limit)
            let wide = Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
            guard let value = I(exactly: wide) else { throw overflow(I.self, at: position) }
            return (value, next)
        case BinaryFormat.Tag.unsigned:
            let wide = try BinaryFormat.varint(base, &next, limit: limit)
            guard let value = I(exactly: wide) else { throw overflow(I.self, at: position) }
            return (value, next)
        default:
            throw mismatch(I.self, at: position)
        }
    }

    private func overflow(_ type: Any.Type, at position: Int) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "the number does not fit in \(type) (byte \(position))"))
    }

    @inline(__always)
    func readDouble(at position: Int, limit: Int) throws -> (Double, Int) {
        switch base[position] {
        case BinaryFormat.Tag.double:
            guard limit - position >= 9 else { throw BinaryFormat.corrupted("a Double is cut short", at: position) }
            return (Double(bitPattern: UInt64(littleEndian: UnsafeRawPointer(base + position + 1).loadUnaligned(as: UInt64.self))), position + 9)
        case BinaryFormat.Tag.float:
            let (value, next) = try readFloat(at: position, limit: limit)
            return (Double(value), next)
        default:
            throw mismatch(Double.self, at: position)
        }
    }

    @inline(__always)
    func readFloat(at position: Int, limit: Int) throws -> (Float, Int) {
        switch base[position] {
        case BinaryFormat.Tag.float:
            guard limit - position >= 5 else { throw BinaryFormat.corrupted("a Float is cut short", at: position) }
            return (Float(bitPattern: UInt32(littleEndian: UnsafeRawPointer(base + position + 1).loadUnaligned(as: UInt32.self))), position + 5)
        case BinaryFormat.Tag.double:
            let (wide, next) = try readDouble(at: position, limit: limit)
            let value = Float(wide)
            guard value.isFinite || !wide.isFinite else { throw overflow(Float.self, at: position) }
            return (value, next)
        default:
            throw mismatch(Float.self, at: position)
        }
    }
}

/// The scalars every container reads the same way.
protocol BinaryScalar {
    static func read(_ reader: BinaryReader, at position: Int, limit: Int) throws -> (Self, Int)
}

extension String: BinaryScalar {
    static func read(_ reader: BinaryReader, at position: Int, limit: Int) throws -> (String, Int) { try reader.readString(at: position, limit: limit) }
}

extension Bool: BinaryScalar {
    static func read(_ reader: BinaryReader, at position: Int, limit: Int) throws -> (Bool, Int) { try reader.readBool(at: position) }
}

extension Double: BinaryScalar {
    static func read(_ reader: BinaryReader, at position: Int, limit: Int) throws -> (Double, Int) { try reader.readDouble(at: position, limit: limit) }
}

extension Float: BinaryScalar {
    static func read(_ reader: BinaryReader, at position: Int, limit: Int) throws -> (Float, Int) { try reader.readFloat(at: position, limit: limit) }
}

extension BinaryScalar where Self: FixedWidthInteger {
    static func read(_ reader: BinaryReader, at position: Int, limit: Int) throws -> (Self, Int) { try reader.readInteger(Self.self, at: position, limit: limit) }
}

extension Int: BinaryScalar {}
extension Int8: BinaryScalar {}
extension Int16: BinaryScalar {}
extension Int32: BinaryScalar {}
extension Int64: BinaryScalar {}
extension UInt: BinaryScalar {}
extension UInt8: BinaryScalar {}
extension UInt16: BinaryScalar {}
extension UInt32: BinaryScalar {}
extension UInt64: BinaryScalar {}
