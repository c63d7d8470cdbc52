/// Writes entries into a keyed container: each key's index (or in a dictionary the key
/// itself), then its value.
struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: BinaryWriter
    let id: Int
    let inline: Bool

    var codingPath: [any CodingKey] { [] }

    private func entry(_ key: Key, _ write: (BinaryWriter) -> Void) throws {
        try writer.prepare(id)
        writer.writeKey(key.stringValue, inline: inline)
        write(writer)
    }

    mutating func encodeNil(forKey key: Key) throws { try entry(key) { $0.writeTag(BinaryFormat.Tag.null) } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try entry(key) { $0.writeBool(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { try entry(key) { $0.writeString(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { try entry(key) { $0.writeDouble(value) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { try entry(key) { $0.writeFloat(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { try entry(key) { $0.writeInteger(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try entry(key) { $0.writeInteger(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try entry(key) { $0.writeInteger(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try entry(key) { $0.writeInteger(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try entry(key) { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try entry(key) { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try entry(key) { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try entry(key) { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try entry(key) { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try entry(key) { $0.writeInteger(value) } }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try writer.prepare(id)
        let mark = writer.bytes.count
        let frames = writer.frames.count
        writer.writeKey(key.stringValue, inline: inline)
        do {
            try writer.encodeValue(value)
        } catch {
            writer.rollBack(to: mark, frames: frames)
            throw error
        }
    }

    // A nil given to `encodeIfPresent` is written as `absent`: the key keeps its place, and
    // reads back as missing, as it does from JSON.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) { $0.writeBool($1) } }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) { $0.writeString($1) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) { $0.writeDouble($1) } }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) { $0.writeFloat($1) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) { $0.writeInteger($1) } }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) { $0.writeInteger($1) } }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) { $0.writeInteger($1) } }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) { $0.writeInteger($1) } }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) { $0.writeInteger($1) } }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) { $0.writeInteger($1) } }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) { $0.writeInteger($1) } }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) { $0.writeInteger($1) } }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) { $0.writeInteger($1) } }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) { $0.writeInteger($1) } }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return try entry(key) { $0.writeTag(BinaryFormat.Tag.absent) } }
        try encode(value, forKey: key)
    }

    private func present<V>(_ value: V?, _ key: Key, _ write: (BinaryWriter, V) -> Void) throws {
        try entry(key) { writer in
            if let value { write(writer, value) } else { writer.writeTag(BinaryFormat.Tag.absent) }
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let tag = writer.keyedTag(NestedKey.self)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: writer, id: nested(key, tag), inline: tag == BinaryFormat.Tag.dictionary))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedWriter(writer: writer, id: nested(key, BinaryFormat.Tag.unkeyed))
    }

    private func nested(_ key: Key, _ tag: UInt8) -> Int {
        guard (try? writer.prepare(id)) != nil else { return -1 }
        writer.writeKey(key.stringValue, inline: inline)
        return writer.openContainer(tag, creator: 0)
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(name: "super")
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(name: key.stringValue)
    }

    private func superEncoder(name: String) -> any Encoder {
        guard (try? writer.prepare(id)) != nil else { return ValueEncoder(writer: writer, token: -1) }
        writer.writeKey(name, inline: inline)
        return ValueEncoder(writer: writer, token: writer.openSlot())
    }
}
