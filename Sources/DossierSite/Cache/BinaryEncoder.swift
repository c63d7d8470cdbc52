import Foundation

/// Encodes `Encodable` values in Dossier's binary coding (`BinaryFormat`), for the build
/// cache. Public so that the benchmarks package can time it against JSON.
///
/// Values are written straight into one buffer as they are encoded, without a tree of boxed
/// values in between; so containers must be filled in the order they are made, the way
/// synthesized and ordinary hand-written conformances fill them: writing to a container
/// after a container made later has been finished throws `EncodingError.invalidValue`.
///
/// The entries of a `Dictionary` with `String` or `Int` keys are written sorted by key, so
/// that equal values encode to equal bytes. (Sets, and dictionaries with other keys, are
/// written in their iteration order, which differs between runs; so, rarely, is the key
/// table: when the values of one dictionary differ in which keys they have.)
public struct BinaryEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = BinaryWriter()
        try writer.encodeValue(value)
        return try writer.finish()
    }
}

/// The buffer a value is encoded into, and the containers open in it.
final class BinaryWriter {
    /// An open container: where its byte count goes, its tag, and the encoder that made it.
    struct Frame {
        var start: Int
        var id: Int
        var creator: Int
        var tag: UInt8
    }

    // Unchecked: the writer is used by one encoding at a time, and never lends out access to
    // its properties; the runtime's exclusivity checks on them were a quarter of the time.
    @exclusivity(unchecked) private(set) var bytes: [UInt8] = []
    @exclusivity(unchecked) private var keyIndex: [String: Int] = [:]
    @exclusivity(unchecked) private var keyList: [String] = []
    @exclusivity(unchecked) private var recentKeys: [RecentKey]
    @exclusivity(unchecked) private(set) var frames: [Frame] = []
    /// The id of the innermost open container.
    @exclusivity(unchecked) private var top = 0
    /// The value slot waiting for its value: the token of the encoder that may fill it, or 0.
    @exclusivity(unchecked) var pending = 0
    @exclusivity(unchecked) private var lastID = 0
    /// Whether dictionaries' entries are sorted; off only for `dictionaryKeyType`'s probe.
    private let sortsDictionaries: Bool
    private var probedKeyType: ObjectIdentifier?

    init(sortsDictionaries: Bool = true) {
        self.sortsDictionaries = sortsDictionaries
        recentKeys = Array(repeating: RecentKey(), count: Self.recentKeySlots)
        bytes.reserveCapacity(16 * 1024)
        bytes += BinaryFormat.magic
        bytes.append(BinaryFormat.version)
        bytes += [UInt8](repeating: 0, count: BinaryFormat.headerSize - bytes.count)
    }

    /// Ends every container and appends the key table; the file's bytes.
    func finish() throws -> [UInt8] {
        try close(downTo: 0)
        fillPending()
        let table = bytes.count
        guard table <= Int(UInt32.max) else { throw Self.tooLarge() }
        writeVarint(UInt64(keyList.count))
        for key in keyList {
            writeVarint(UInt64(key.utf8.count))
            bytes += key.utf8
        }
        withUnsafeBytes(of: UInt32(table).littleEndian) { bytes.replaceSubrange(5..<9, with: $0) }
        let sum = bytes.withUnsafeBytes { BinaryFormat.checksum(UnsafeRawBufferPointer(rebasing: $0[BinaryFormat.headerSize...])) }
        withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(9..<17, with: $0) }
        return bytes
    }

    // MARK: - Values

    /// Writes one value where the next value goes: scalars directly, anything else through
    /// its `encode(to:)`. A value that encodes nothing is written as an empty keyed
    /// container, as JSONEncoder writes `{}`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == String.self { return writeString(value as! String) }
        if T.self == Int.self { return writeInteger(value as! Int) }
        if T.self == Bool.self { return writeBool(value as! Bool) }
        if T.self == Double.self { return writeDouble(value as! Double) }
        let parent = frames.count
        lastID += 1
        let token = lastID
        pending = token
        try value.encode(to: ValueEncoder(writer: self, token: token))
        if pending == token {
            writeEmptyKeyed()
            pending = 0
        }
        if frames.count > parent { try close(downTo: parent) }
    }

    /// Makes the container `id` the one written to: finishes the containers opened inside it.
    @inline(__always)
    func prepare(_ id: Int) throws {
        if id == top && pending == 0 { return }
        guard let index = frames.lastIndex(where: { $0.id == id }) else {
            throw EncodingError.invalidValue(id, EncodingError.Context(codingPath: [], debugDescription:
                "a container was written to after it was finished (BinaryEncoder writes containers in the order they are made)"))
        }
        try close(downTo: index + 1)
        fillPending()
    }

    /// Forgets what was written from `mark` on, after a value failed to encode, so that a
    /// caller that goes on (`try?`) does not leave half a value behind.
    func rollBack(to mark: Int, frames count: Int, pending token: Int = 0) {
        bytes.removeSubrange(mark...)
        frames.removeSubrange(count...)
        top = frames.last?.id ?? 0
        pending = token
    }

    /// A new value slot, to be filled by the encoder with the token returned.
    func openSlot() -> Int {
        lastID += 1
        pending = lastID
        return lastID
    }

    // MARK: - Containers

    /// The tag of a keyed container with keys of `keyType`: `dictionary` for a `Dictionary`'s.
    func keyedTag(_ keyType: any CodingKey.Type) -> UInt8 {
        if sortsDictionaries {
            return ObjectIdentifier(keyType) == Self.dictionaryKeyType ? BinaryFormat.Tag.dictionary : BinaryFormat.Tag.keyed
        }
        if probedKeyType == nil { probedKeyType = ObjectIdentifier(keyType) }
        return BinaryFormat.Tag.keyed
    }

    func openContainer(_ tag: UInt8, creator: Int) -> Int {
        lastID += 1
        frames.append(Frame(start: bytes.count + 1, id: lastID, creator: creator, tag: tag))
        bytes.append(tag)
        bytes.append(contentsOf: [0, 0, 0, 0] as [UInt8])
        top = lastID
        return lastID
    }

    /// The open container made by the encoder `token`, for a second `container(keyedBy:)`
    /// or `unkeyedContainer()` call on one encoder (a subclass and its superclass sharing one).
    func container(madeBy token: Int, tag: UInt8) -> Int? {
        frames.last { $0.creator == token && $0.tag == tag }?.id
    }

    /// Ends the open containers above the first `count`, writing their byte counts.
    func close(downTo count: Int) throws {
        while frames.count > count {
            fillPending()
            let frame = frames.removeLast()
            let length = bytes.count - frame.start - 4
            guard length <= Int(UInt32.max) else { throw Self.tooLarge() }
            withUnsafeBytes(of: UInt32(length).littleEndian) { bytes.replaceSubrange(frame.start..<frame.start + 4, with: $0) }
            if frame.tag == BinaryFormat.Tag.dictionary { sortEntries(from: frame.start + 4) }
            top = frames.last?.id ?? 0
        }
    }

    /// A slot no encoder filled (a `superEncoder()` never used) gets an empty keyed container.
    private func fillPending() {
        guard pending != 0 else { return }
        writeEmptyKeyed()
        pending = 0
    }

    /// Orders the entries of a dictionary, from `start` to the end of the buffer, by the
    /// bytes of their keys.
    private func sortEntries(from start: Int) {
        let end = bytes.count
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var entries: [(key: Range<Int>, entry: Range<Int>)] = []
            var position = start
            while position < end {
                let entry = position
                guard let count = try? BinaryFormat.length(base, &position, limit: end),
                      let next = try? BinaryFormat.end(ofValueAt: position + count, in: base, limit: end) else { return }
                entries.append((position..<position + count, entry..<next))
                position = next
            }
            func precedes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
                let order = memcmp(base + a.lowerBound, base + b.lowerBound, min(a.count, b.count))
                return order != 0 ? order < 0 : a.count < b.count
            }
            guard entries.count > 1, !zip(entries, entries.dropFirst()).allSatisfy({ precedes($0.key, $1.key) }) else { return }
            entries.sort { precedes($0.key, $1.key) }
            let sorted = [UInt8](unsafeUninitializedCapacity: end - start) { out, written in
                for entry in entries {
                    (out.baseAddress! + written).initialize(from: base + entry.entry.lowerBound, count: entry.entry.count)
                    written += entry.entry.count
                }
            }
            sorted.withUnsafeBufferPointer { (base + start).update(from: $0.baseAddress!, count: $0.count) }
        }
    }

    /// The `CodingKey` type the standard library's `Dictionary` encodes `String` and `Int`
    /// keys with (it is not public): what encoding a dictionary asks a probe for.
    static let dictionaryKeyType: ObjectIdentifier? = {
        let probe = BinaryWriter(sortsDictionaries: false)
        try? probe.encodeValue(["": 0] as [String: Int])
        return probe.probedKeyType
    }()

    private static func tooLarge() -> EncodingError {
        EncodingError.invalidValue((), EncodingError.Context(codingPath: [], debugDescription: "a container is larger than 4 GiB"))
    }

    // MARK: - Scalars

    /// Writes an entry's key: its index in the key table, or in a dictionary the key itself.
    func writeKey(_ key: String, inline: Bool) {
        if inline { return writeBytes(of: key) }
        writeVarint(UInt64(index(of: key)))
    }

    /// A key's index in the key table, added if new.
    ///
    /// Most keys are the string literals of synthesized `CodingKeys`, the same string every
    /// time: they are looked up first by the string's two words (its characters, for a small
    /// string; its storage, for a large one, which the table keeps alive so that it cannot be
    /// reused) without hashing the characters.
    private func index(of key: String) -> Int {
        let words = unsafeBitCast(key, to: (UInt64, UInt64).self)
        let slot = Int(truncatingIfNeeded: ((words.0 ^ words.1.rotatedLeft(by: 17)) &* 0x9E37_79B9_7F4A_7C15) >> 56) & (Self.recentKeySlots - 1)
        let recent = recentKeys[slot]
        if recent.index >= 0 && recent.words == words { return recent.index }
        let index: Int
        if let known = keyIndex[key] {
            index = known
        } else {
            index = keyList.count
            keyIndex[key] = index
            keyList.append(key)
        }
        recentKeys[slot] = RecentKey(key: key, words: words, index: index)
        return index
    }

    /// A key looked up lately: the string (kept, so that its storage is not reused for another
    /// string while its words are remembered), its two words, and its index.
    struct RecentKey {
        var key = ""
        var words: (UInt64, UInt64) = (0, 0)
        var index = -1
    }

    static let recentKeySlots = 256

    func writeTag(_ tag: UInt8) {
        bytes.append(tag)
    }

    func writeEmptyKeyed() {
        bytes.append(contentsOf: [BinaryFormat.Tag.keyed, 0, 0, 0, 0] as [UInt8])
    }

    func writeBool(_ value: Bool) {
        bytes.append(value ? BinaryFormat.Tag.true : BinaryFormat.Tag.false)
    }

    func writeString(_ value: String) {
        bytes.append(BinaryFormat.Tag.string)
        writeBytes(of: value)
    }

    /// The UTF-8 of `text`, after its byte count.
    private func writeBytes(of text: String) {
        var text = text
        text.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    func writeInteger<I: FixedWidthInteger>(_ value: I) {
        if value >= 0 && value < 64 {
            bytes.append(BinaryFormat.Tag.smallInteger | UInt8(truncatingIfNeeded: value))
        } else if I.isSigned {
            let wide = Int64(truncatingIfNeeded: value)
            bytes.append(BinaryFormat.Tag.signed)
            writeVarint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
        } else {
            bytes.append(BinaryFormat.Tag.unsigned)
            writeVarint(UInt64(truncatingIfNeeded: value))
        }
    }

    func writeDouble(_ value: Double) {
        bytes.append(BinaryFormat.Tag.double)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func writeFloat(_ value: Float) {
        bytes.append(BinaryFormat.Tag.float)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
