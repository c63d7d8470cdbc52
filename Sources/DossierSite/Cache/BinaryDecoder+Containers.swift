/// The `Decoder` a value's `init(from:)` is given: the value at `position`, already checked to
/// lie within its container.
struct ValueDecoder: Decoder {
    let reader: BinaryReader
    let position: Int
    let depth: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let (start, end) = try reader.container(at: position, BinaryFormat.Tag.keyed, or: BinaryFormat.Tag.dictionary, depth: depth,
                                                type: KeyedDecodingContainer<Key>.self)
        let inline = reader.base[position] == BinaryFormat.Tag.dictionary
        return KeyedDecodingContainer(KeyedReader<Key>(reader: reader, start: start, end: end, depth: depth, inline: inline))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (start, end) = try reader.container(at: position, BinaryFormat.Tag.unkeyed, depth: depth, type: (any UnkeyedDecodingContainer).self)
        return UnkeyedReader(reader: reader, start: start, end: end, depth: depth)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        guard depth <= BinaryFormat.maximumDepth else { throw BinaryFormat.corrupted("values are nested too deeply", at: position) }
        return SingleValueReader(reader: reader, position: position, depth: depth)
    }
}

/// Reads the one value of a single value container.
struct SingleValueReader: SingleValueDecodingContainer {
    let reader: BinaryReader
    let position: Int
    let depth: Int

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool {
        reader.base[position] == BinaryFormat.Tag.null
    }

    private func scalar<S: BinaryScalar>() throws -> S {
        try S.read(reader, at: position, limit: reader.end).0
    }

    func decode(_ type: Bool.Type) throws -> Bool { try scalar() }
    func decode(_ type: String.Type) throws -> String { try scalar() }
    func decode(_ type: Double.Type) throws -> Double { try scalar() }
    func decode(_ type: Float.Type) throws -> Float { try scalar() }
    func decode(_ type: Int.Type) throws -> Int { try scalar() }
    func decode(_ type: Int8.Type) throws -> Int8 { try scalar() }
    func decode(_ type: Int16.Type) throws -> Int16 { try scalar() }
    func decode(_ type: Int32.Type) throws -> Int32 { try scalar() }
    func decode(_ type: Int64.Type) throws -> Int64 { try scalar() }
    func decode(_ type: UInt.Type) throws -> UInt { try scalar() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar() }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // The nil after the file: only an optional type decodes from it.
        if position == reader.null { return try T(from: ValueDecoder(reader: reader, position: position, depth: depth + 1)) }
        return try reader.decodeValue(T.self, at: position, limit: reader.end, depth: depth + 1).value
    }
}

/// Reads the elements of an unkeyed container in order.
struct UnkeyedReader: UnkeyedDecodingContainer {
    let reader: BinaryReader
    let start: Int
    let end: Int
    let depth: Int
    private var position: Int
    private(set) var currentIndex = 0

    init(reader: BinaryReader, start: Int, end: Int, depth: Int) {
        self.reader = reader
        self.start = start
        self.end = end
        self.depth = depth
        position = start
    }

    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { position >= end }

    var count: Int? {
        var count = 0
        var position = start
        while position < end {
            guard let next = try? BinaryFormat.end(ofValueAt: position, in: reader.base, limit: end) else {
                reader.damage = BinaryFormat.corrupted("a value is damaged", at: position)
                return nil
            }
            position = next
            count += 1
        }
        return count
    }

    private func atEnd(_ type: Any.Type) -> DecodingError {
        .valueNotFound(type, DecodingError.Context(codingPath: [], debugDescription: "the unkeyed container at byte \(start) has no more values"))
    }

    mutating func decodeNil() throws -> Bool {
        guard position < end else { throw atEnd(Never?.self) }
        guard reader.base[position] == BinaryFormat.Tag.null else { return false }
        position += 1
        currentIndex += 1
        return true
    }

    private mutating func scalar<S: BinaryScalar>() throws -> S {
        guard position < end else { throw atEnd(S.self) }
        let (value, next) = try S.read(reader, at: position, limit: end)
        position = next
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try scalar() }
    mutating func decode(_ type: String.Type) throws -> String { try scalar() }
    mutating func decode(_ type: Double.Type) throws -> Double { try scalar() }
    mutating func decode(_ type: Float.Type) throws -> Float { try scalar() }
    mutating func decode(_ type: Int.Type) throws -> Int { try scalar() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try scalar() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try scalar() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try scalar() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try scalar() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try scalar() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar() }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard position < end else { throw atEnd(T.self) }
        let (value, next) = try reader.decodeValue(T.self, at: position, limit: end, depth: depth + 1)
        position = next
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try nextDecoder(type).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try nextDecoder((any UnkeyedDecodingContainer).self).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        try nextDecoder((any Decoder).self)
    }

    private mutating func nextDecoder(_ type: Any.Type) throws -> ValueDecoder {
        guard position < end else { throw atEnd(type) }
        let decoder = ValueDecoder(reader: reader, position: position, depth: depth + 1)
        position = try BinaryFormat.end(ofValueAt: position, in: reader.base, limit: end)
        currentIndex += 1
        return decoder
    }
}
