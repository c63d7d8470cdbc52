import Foundation

/// Reads the entries of a keyed container (or a dictionary, whose keys are `inline`). A key
/// is looked for first where the entry after the last one read starts, then from the first
/// entry on.
struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: BinaryReader
    let start: Int
    let end: Int
    let depth: Int
    let inline: Bool

    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        var position = start
        while position < end {
            let entry = position
            guard let name = try? keyName(at: &position), position < end,
                  let next = try? BinaryFormat.end(ofValueAt: position, in: reader.base, limit: end) else {
                reader.damage = BinaryFormat.corrupted("an entry is damaged", at: entry)
                break
            }
            if reader.base[position] != BinaryFormat.Tag.absent, let key = Key(stringValue: name) {
                keys.append(key)
            }
            position = next
        }
        return keys
    }

    /// The key of the entry at `position`, moving past it.
    private func keyName(at position: inout Int) throws -> String {
        let entry = position
        if inline {
            let count = try BinaryFormat.length(reader.base, &position, limit: end)
            defer { position += count }
            guard let name = BinaryFormat.string(reader.base + position, count: count) else {
                throw BinaryFormat.corrupted("a key is not valid UTF-8", at: entry)
            }
            return name
        }
        let index = try BinaryFormat.varint(reader.base, &position, limit: end)
        guard index < UInt64(reader.keys.count) else { throw BinaryFormat.corrupted("a key is not in the key table", at: entry) }
        return reader.keys[Int(index)]
    }

    /// Whether the key of the entry at `position` is `name`, moving past it.
    @inline(__always)
    private func key(at position: inout Int, is name: String) throws -> Bool {
        if inline {
            let count = try BinaryFormat.length(reader.base, &position, limit: end)
            let bytes = reader.base + position
            position += count
            var name = name
            return name.withUTF8 { $0.count == count && (count == 0 || memcmp($0.baseAddress!, bytes, count) == 0) }
        }
        let entry = position
        let index = try BinaryFormat.varint(reader.base, &position, limit: end)
        guard index < UInt64(reader.keys.count) else { throw BinaryFormat.corrupted("a key is not in the key table", at: entry) }
        return reader.keys[Int(index)] == name
    }

    func contains(_ key: Key) -> Bool {
        do {
            guard let position = try find(key.stringValue) else { return false }
            return reader.base[position] != BinaryFormat.Tag.absent
        } catch {
            reader.damage = error as? DecodingError
            return false
        }
    }

    /// Where the value of the key `name` starts (it may be `absent`), or nil if the key is
    /// not here.
    private func find(_ name: String) throws -> Int? {
        let slot = (depth & (BinaryReader.hintSlots - 1)) * 2
        if reader.hints[slot] == start {
            var position = reader.hints[slot + 1]
            if position < end, try key(at: &position, is: name), position < end { return position }
        }
        var position = start
        while position < end {
            let entry = position
            let found = try key(at: &position, is: name)
            guard position < end else { throw BinaryFormat.corrupted("an entry has no value", at: entry) }
            if found { return position }
            position = try BinaryFormat.end(ofValueAt: position, in: reader.base, limit: end)
        }
        return nil
    }

    /// Remembers where the entry after the one just read starts.
    @inline(__always)
    private func read(upTo next: Int) {
        let slot = (depth & (BinaryReader.hintSlots - 1)) * 2
        reader.hints[slot] = start
        reader.hints[slot + 1] = next
    }

    private func notFound(_ key: Key) -> DecodingError {
        .keyNotFound(key, DecodingError.Context(codingPath: [], debugDescription: "no value for the key ‘\(key.stringValue)’ (container at byte \(start))"))
    }

    /// The value of `key`, which must be there.
    private func value(_ key: Key) throws -> Int {
        guard let position = try find(key.stringValue), reader.base[position] != BinaryFormat.Tag.absent else { throw notFound(key) }
        return position
    }

    private func scalar<S: BinaryScalar>(_ key: Key) throws -> S {
        let (value, next) = try S.read(reader, at: try value(key), limit: end)
        read(upTo: next)
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        let position = try value(key)
        guard reader.base[position] == BinaryFormat.Tag.null else { return false }
        read(upTo: position + 1)
        return true
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try scalar(key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try scalar(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try scalar(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try scalar(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try scalar(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try scalar(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try scalar(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try scalar(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try scalar(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try scalar(key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (value, next) = try reader.decodeValue(T.self, at: try value(key), limit: end, depth: depth + 1)
        read(upTo: next)
        return value
    }

    // Missing, absent and nil values are all nil, as from JSON; found with one look-up.
    private func presentScalar<S: BinaryScalar>(_ key: Key) throws -> S? {
        guard let position = try present(key) else { return nil }
        let (value, next) = try S.read(reader, at: position, limit: end)
        read(upTo: next)
        return value
    }

    /// Where the value of `key` starts, or nil (having stepped past it) if it is missing,
    /// absent or nil.
    private func present(_ key: Key) throws -> Int? {
        guard let position = try find(key.stringValue) else { return nil }
        let tag = reader.base[position]
        guard tag != BinaryFormat.Tag.absent && tag != BinaryFormat.Tag.null else {
            read(upTo: position + 1)
            return nil
        }
        return position
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try presentScalar(key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try presentScalar(key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try presentScalar(key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try presentScalar(key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try presentScalar(key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try presentScalar(key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try presentScalar(key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try presentScalar(key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try presentScalar(key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try presentScalar(key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try presentScalar(key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try presentScalar(key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try presentScalar(key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try presentScalar(key) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let position = try present(key) else { return nil }
        let (value, next) = try reader.decodeValue(T.self, at: position, limit: end, depth: depth + 1)
        read(upTo: next)
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try nestedDecoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try nestedDecoder(key).unkeyedContainer()
    }

    private func nestedDecoder(_ key: Key) throws -> ValueDecoder {
        let position = try value(key)
        read(upTo: try BinaryFormat.end(ofValueAt: position, in: reader.base, limit: end))
        return ValueDecoder(reader: reader, position: position, depth: depth + 1)
    }

    func superDecoder() throws -> any Decoder {
        try superDecoder(named: "super")
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try superDecoder(named: key.stringValue)
    }

    /// The value of the key, or nil when it is not there (as JSONDecoder does).
    private func superDecoder(named name: String) throws -> any Decoder {
        guard let position = try find(name), reader.base[position] != BinaryFormat.Tag.absent else {
            return ValueDecoder(reader: reader, position: reader.null, depth: depth + 1)
        }
        read(upTo: try BinaryFormat.end(ofValueAt: position, in: reader.base, limit: end))
        return ValueDecoder(reader: reader, position: position, depth: depth + 1)
    }
}
