/// The `Encoder` a value's `encode(to:)` is given: it may fill the slot it was made for
/// (`token`) with one container or one single value.
struct ValueEncoder: Encoder {
    let writer: BinaryWriter
    let token: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let tag = writer.keyedTag(Key.self)
        return KeyedEncodingContainer(KeyedWriter<Key>(writer: writer, id: containerID(tag), inline: tag == BinaryFormat.Tag.dictionary))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedWriter(writer: writer, id: containerID(BinaryFormat.Tag.unkeyed))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueWriter(writer: writer, token: token)
    }

    /// A new container in the slot, or the one this encoder already made; otherwise an id no
    /// container has, so that every write to it throws.
    private func containerID(_ tag: UInt8) -> Int {
        if writer.pending == token {
            writer.pending = 0
            return writer.openContainer(tag, creator: token)
        }
        return writer.container(madeBy: token, tag: tag) ?? -1
    }
}

/// Writes one value into a slot: a scalar, or a value through its `encode(to:)`.
struct SingleValueWriter: SingleValueEncodingContainer {
    let writer: BinaryWriter
    let token: Int

    var codingPath: [any CodingKey] { [] }

    private func claim() throws {
        guard writer.pending == token else {
            throw EncodingError.invalidValue((), EncodingError.Context(codingPath: [], debugDescription:
                "a single value container was given a second value, or was written to after later values"))
        }
        writer.pending = 0
    }

    mutating func encodeNil() throws {
        try claim()
        writer.writeTag(BinaryFormat.Tag.null)
    }

    mutating func encode(_ value: Bool) throws { try claim(); writer.writeBool(value) }
    mutating func encode(_ value: String) throws { try claim(); writer.writeString(value) }
    mutating func encode(_ value: Double) throws { try claim(); writer.writeDouble(value) }
    mutating func encode(_ value: Float) throws { try claim(); writer.writeFloat(value) }
    mutating func encode(_ value: Int) throws { try claim(); writer.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { try claim(); writer.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { try claim(); writer.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { try claim(); writer.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { try claim(); writer.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { try claim(); writer.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { try claim(); writer.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { try claim(); writer.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { try claim(); writer.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { try claim(); writer.writeInteger(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try claim()
        let mark = writer.bytes.count
        let frames = writer.frames.count
        do {
            try writer.encodeValue(value)
        } catch {
            writer.rollBack(to: mark, frames: frames, pending: token)
            throw error
        }
    }
}

/// Appends values to an unkeyed container.
struct UnkeyedWriter: UnkeyedEncodingContainer {
    let writer: BinaryWriter
    let id: Int
    private(set) var count = 0

    init(writer: BinaryWriter, id: Int) {
        self.writer = writer
        self.id = id
    }

    var codingPath: [any CodingKey] { [] }

    private mutating func element(_ write: (BinaryWriter) -> Void) throws {
        try writer.prepare(id)
        write(writer)
        count += 1
    }

    mutating func encodeNil() throws { try element { $0.writeTag(BinaryFormat.Tag.null) } }
    mutating func encode(_ value: Bool) throws { try element { $0.writeBool(value) } }
    mutating func encode(_ value: String) throws { try element { $0.writeString(value) } }
    mutating func encode(_ value: Double) throws { try element { $0.writeDouble(value) } }
    mutating func encode(_ value: Float) throws { try element { $0.writeFloat(value) } }
    mutating func encode(_ value: Int) throws { try element { $0.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { try element { $0.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { try element { $0.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { try element { $0.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { try element { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { try element { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { try element { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { try element { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { try element { $0.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { try element { $0.writeInteger(value) } }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.prepare(id)
        let mark = writer.bytes.count
        let frames = writer.frames.count
        do {
            try writer.encodeValue(value)
        } catch {
            writer.rollBack(to: mark, frames: frames)
            throw error
        }
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let tag = writer.keyedTag(NestedKey.self)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: writer, id: nested(tag), inline: tag == BinaryFormat.Tag.dictionary))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedWriter(writer: writer, id: nested(BinaryFormat.Tag.unkeyed))
    }

    private mutating func nested(_ tag: UInt8) -> Int {
        guard (try? writer.prepare(id)) != nil else { return -1 }
        count += 1
        return writer.openContainer(tag, creator: 0)
    }

    mutating func superEncoder() -> any Encoder {
        guard (try? writer.prepare(id)) != nil else { return ValueEncoder(writer: writer, token: -1) }
        count += 1
        return ValueEncoder(writer: writer, token: writer.openSlot())
    }
}
