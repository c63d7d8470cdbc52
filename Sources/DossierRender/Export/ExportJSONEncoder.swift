import Foundation

/// Writes `Encodable` values as the JSON of `data/dossier.json`: exactly the bytes Foundation's
/// `JSONEncoder` makes with `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]` (two-space
/// indents, `"key" : value`, keys in UTF-8 byte order, `[` blank line `]` when empty), but
/// written straight into a byte buffer, and starting at any depth, so that `SiteExport` can
/// write each profile where it goes in the document.
///
/// Why not `JSONEncoder`: it builds a tree of the whole value first (a dictionary per object, a
/// string per number), then serializes the tree into `Data`; and the export then copied every
/// byte once more to indent it into place. In a cold build of 1,000 profiles that was 11% of
/// all CPU time, and at 10,000 profiles the export alone took 13.8 s.
///
/// How: scalars are written where they go as they are encoded, containers are opened and
/// closed in the buffer, and each line is indented as it is written. Only keys cannot be
/// written in order, since they arrive in declaration order but are printed sorted: an object
/// remembers where each of its entries starts, and when it is closed, if its keys did not come
/// in order (or a key came twice), its entries are moved into order within its stretch of the
/// buffer.
///
/// So containers are written in the order they are made, which is how synthesized and
/// ordinary hand-written conformances fill them. A conformance that goes back to a container
/// after a later one was made, or asks twice for a nested container under one key (which
/// `JSONEncoder` merges into one object), cannot be written that way; the value is then
/// encoded again by `JSONEncoder` and indented into place, so the bytes are always Foundation's.
///
/// One encoder encodes one value at a time; reuse it for the next to keep its buffers.
public final class ExportJSONEncoder {
    public init() {}

    /// The JSON of `value`, without a final newline: `JSONEncoder`'s bytes.
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var output: [UInt8] = []
        try encode(value, level: 0, into: &output)
        return output
    }

    /// Appends the JSON of `value` to `output` as it is printed `level` containers deep in a
    /// larger document: its first line as it is (after whatever the caller wrote before it,
    /// a key or the indent of an array element), every later line two spaces further in per
    /// level, so that a value encoded at level 2 after four spaces is what `JSONEncoder` prints
    /// for an element of an array that is a member of the top-level object. On error, `output`
    /// is left as it was.
    public func encode<T: Encodable>(_ value: T, level: Int, into output: inout [UInt8]) throws {
        swap(&bytes, &output)
        defer { swap(&bytes, &output) }
        let start = bytes.count
        baseLevel = level
        frames.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        top = 0
        pending = 0
        unsupported = false
        do {
            try encodeValue(value, topLevel: true)
        } catch where !unsupported {
            bytes.removeSubrange(start...)
            throw error
        } catch {}
        if unsupported {
            bytes.removeSubrange(start...)
            fallbacks += 1
            try appendFoundationJSON(value)
        }
    }

    /// How many values were handed to `JSONEncoder` (see the type's documentation): for tests.
    private(set) var fallbacks = 0

    // MARK: - State

    /// An open container: an object (`keyed`) or an array. Its depth is its index in `frames`,
    /// so its brackets are at `baseLevel + index` and its entries one level further in.
    private struct Frame {
        var id: Int
        /// The token of the encoder that made it, to give the same container to a second
        /// `container(keyedBy:)` on that encoder; 0 for a nested container.
        var creator: Int
        var keyed: Bool
        /// Made by `nestedContainer`: it shares the coding path of its parent's encoder.
        var nested: Bool
        /// Elements written so far (arrays).
        var count = 0
        /// Index in `entries` of its first entry (objects).
        var firstEntry: Int
        /// Whether every key is ASCII with nothing to escape, so that keys compare as the
        /// bytes written, and are equal only when those bytes are.
        var plainKeys = true
    }

    /// An entry of an open object: where its line begins (the indent) and where its value
    /// does. A plain key is read from the bytes written; any other is kept in `keys`, at
    /// `key` (so that entries hold no references: copying them costs no reference counting).
    private struct Entry {
        var start: Int
        var valueStart: Int
        var key: Int
        /// The key's `intValue` (a `Dictionary`'s `Int` keys have one), for coding paths.
        var intValue: Int?
        var fromSuperEncoder: Bool
    }

    // Unchecked: the encoder is used by one encoding at a time and lends none of its properties
    // out; the runtime's exclusivity checks on them cost more than the writing (as in
    // `BinaryWriter`).
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var entries: [Entry] = []
    /// The keys of entries that are not plain (see `Frame.plainKeys`).
    @exclusivity(unchecked) private var keys: [String] = []
    /// Where an object's entries are put in order.
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    @exclusivity(unchecked) private var baseLevel = 0
    /// The id of the innermost open container, or 0.
    @exclusivity(unchecked) private var top = 0
    /// The token of the encoder whose value goes next (in the innermost container), or 0.
    @exclusivity(unchecked) private var pending = 0
    @exclusivity(unchecked) private var lastID = 0
    /// Set when the value does something only `JSONEncoder`'s tree can do; the rest of the
    /// encoding is then thrown away (see `encode(_:level:into:)`).
    @exclusivity(unchecked) private var unsupported = false

    /// `JSONEncoder`'s limit: it refuses the 512th container nested inside another.
    private static let maximumDepth = 512

    // MARK: - Values

    /// Writes `value` into the value slot the caller has prepared (a key and its `" : "`, an
    /// array element's indent, or the start of the output). Scalars and the types `JSONEncoder`
    /// treats specially are written directly, anything else through its `encode(to:)`.
    private func encodeValue<T: Encodable>(_ value: T, topLevel: Bool = false) throws {
        if T.self == String.self { writeString(value as! String); return }
        if T.self == Bool.self { return writeBool(value as! Bool) }
        if T.self == Int.self { return writeInteger(value as! Int) }
        if T.self == Double.self { return try writeFloat(value as! Double) { self.slotEncoderPath() } }
        if T.self == [String].self, frames.count + 1 < Self.maximumDepth { return writeStrings(value as! [String]) }
        // JSONEncoder writes these as strings and a number, not as their own conformances do.
        if T.self == Data.self { writeString((value as! Data).base64EncodedString()); return }
        if T.self == URL.self { writeString((value as! URL).absoluteString); return }
        if T.self == Decimal.self { return bytes.append(contentsOf: (value as! Decimal).description.utf8) }

        let depth = frames.count
        lastID += 1
        let token = lastID
        pending = token
        try value.encode(to: ValueEncoder(encoder: self, token: token, depth: depth))
        if pending == token {
            // Nothing was encoded: JSONEncoder throws at the top, and writes `{}` anywhere else.
            pending = 0
            if topLevel {
                throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
            }
            writeEmptyObject(level: baseLevel + depth)
        }
        if frames.count > depth { close(downTo: depth) }
    }

    fileprivate func writeBool(_ value: Bool) {
        if value { append("true") } else { append("false") }
    }

    fileprivate func writeNull() {
        append("null")
    }

    fileprivate func writeInteger(_ value: some FixedWidthInteger) {
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A float as `JSONEncoder` writes it: Swift's shortest round-tripping `description`
    /// without a trailing `.0` (`1`, `0.5`, `1e-07`, `1e+16`, `-0`); NaN and infinities throw,
    /// with `path()` as the error's coding path. (The message prints the value as an `Any`,
    /// as JSONEncoder's does: `-nan` for a negative NaN, whose `description` is `nan`.)
    private func writeFloat<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, path: () -> [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: path(), debugDescription: "Unable to encode \(F.self).\(value as Any) directly in JSON."))
        }
        let start = bytes.count
        bytes.append(contentsOf: value.description.utf8)
        if bytes.count - start >= 2 && bytes[bytes.count - 2] == UInt8(ascii: ".") && bytes[bytes.count - 1] == UInt8(ascii: "0") {
            bytes.removeLast(2)
        }
    }

    /// A quoted string, escaped as `JSONEncoder` escapes it (`JSONStrings`). Returns whether
    /// it was plain (ASCII, nothing escaped), for keys.
    @discardableResult
    fileprivate func writeString(_ string: String) -> Bool {
        JSONStrings.append(string, to: &bytes)
    }

    /// An array of strings, written at once (the model has many: details, items, notes).
    private func writeStrings(_ strings: [String]) {
        let level = baseLevel + frames.count
        append("[\n")
        for (index, string) in strings.enumerated() {
            if index > 0 { append(",\n") }
            writeIndent(level + 1)
            writeString(string)
        }
        bytes.append(UInt8(ascii: "\n"))
        writeIndent(level)
        bytes.append(UInt8(ascii: "]"))
    }

    private func writeEmptyObject(level: Int) {
        append("{\n\n")
        writeIndent(level)
        bytes.append(UInt8(ascii: "}"))
    }

    private func writeIndent(_ level: Int) {
        var width = 2 * level
        Self.spaces.withUTF8Buffer { spaces in
            while width > spaces.count {
                bytes.append(contentsOf: spaces)
                width -= spaces.count
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: spaces[..<width]))
        }
    }

    /// Appends constant text. (Static strings, not arrays: every thread encoding at once would
    /// count references to a shared array, and contend for it.)
    @inline(__always)
    private func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private static let spaces: StaticString = "                                                                "
    private static let hexDigits: StaticString = "0123456789abcdef"
    private static let keySeparator: StaticString = " : "

    // MARK: - Containers

    /// Opens an object or an array in the value slot just prepared.
    private func openFrame(keyed: Bool, creator: Int, nested: Bool) -> (id: Int, index: Int) {
        lastID += 1
        frames.append(Frame(id: lastID, creator: creator, keyed: keyed, nested: nested, firstEntry: entries.count))
        // JSONEncoder throws at this depth; let it, in `appendFoundationJSON`.
        if frames.count >= Self.maximumDepth { unsupported = true }
        if keyed { append("{\n") } else { append("[\n") }
        top = lastID
        return (lastID, frames.count - 1)
    }

    /// Makes the container `id` (at `index` in `frames`) the one written to, closing the
    /// containers opened inside it and writing `{}` into a value slot left unfilled (a
    /// `superEncoder()` that encoded nothing). False when that container is closed already.
    @inline(__always)
    private func prepare(_ id: Int, _ index: Int) -> Bool {
        if id == top && pending == 0 { return true }
        return prepareSlowly(id, index)
    }

    private func prepareSlowly(_ id: Int, _ index: Int) -> Bool {
        guard !unsupported, index >= 0, index < frames.count, frames[index].id == id else {
            unsupported = true
            return false
        }
        close(downTo: index + 1)
        fillPending()
        return true
    }

    /// Writes `{}` into a value slot nothing was encoded into, as `JSONEncoder` does for an
    /// unused `superEncoder()`.
    private func fillPending() {
        guard pending != 0 else { return }
        pending = 0
        writeEmptyObject(level: baseLevel + frames.count)
    }

    /// Closes the innermost containers until `count` are open.
    private func close(downTo count: Int) {
        while frames.count > count {
            fillPending()
            let index = frames.count - 1
            let frame = frames[index]
            if frame.keyed {
                sortEntries(of: frame)
                entries.removeSubrange(frame.firstEntry...)
            }
            frames.removeLast()
            bytes.append(UInt8(ascii: "\n"))
            writeIndent(baseLevel + index)
            bytes.append(UInt8(ascii: frame.keyed ? "}" : "]"))
        }
        top = frames.last?.id ?? 0
    }

    /// Forgets everything written from `mark` on, after a value failed to encode, as
    /// `JSONEncoder` keeps nothing of it, so that a caller that goes on (`try?`) goes on from
    /// where it was.
    private func rollBack(to mark: Int, frames count: Int, entries entryCount: Int, pending token: Int = 0) {
        bytes.removeSubrange(mark...)
        frames.removeSubrange(count...)
        entries.removeSubrange(entryCount...)
        top = frames.last?.id ?? 0
        pending = token
    }

    // MARK: Objects

    /// Starts the entry `key` of the object at `index`: the separator, the indent, the key and
    /// `" : "`; its value is written next.
    private func beginEntry(_ key: String, intValue: Int?, in index: Int, fromSuperEncoder: Bool = false) {
        if entries.count > frames[index].firstEntry { append(",\n") }
        let start = bytes.count
        writeIndent(baseLevel + index + 1)
        var keyIndex = -1
        if !writeString(key) {
            frames[index].plainKeys = false
            keyIndex = keys.count
            keys.append(key)
        }
        append(" : ")
        entries.append(Entry(start: start, valueStart: bytes.count, key: keyIndex, intValue: intValue, fromSuperEncoder: fromSuperEncoder))
    }

    /// The key of the entry at `index` in `entries`.
    private func key(ofEntry index: Int) -> String {
        let entry = entries[index]
        if entry.key >= 0 { return keys[entry.key] }
        // A plain key is the bytes between the quotes after the indent.
        var start = entry.start
        while bytes[start] == UInt8(ascii: " ") { start += 1 }
        return String(decoding: bytes[start + 1 ..< entry.valueStart - Self.keySeparator.utf8CodeUnitCount - 1], as: UTF8.self)
    }

    /// Puts the entries of a finished object in `JSONEncoder`'s order: sorted by the UTF-8 bytes
    /// of their keys, and one entry per key, as the dictionary `JSONEncoder` fills holds them.
    /// Its dictionary keeps the last value for a key, under the key first written: a
    /// different key only when the two are canonically equivalent (`é` and `e` + U+0301),
    /// which Swift's `String` counts as equal.
    private func sortEntries(of frame: Frame) {
        let first = frame.firstEntry
        let count = entries.count - first
        guard count > 1 else { return }
        if frame.plainKeys {
            var inOrder = true
            bytes.withUnsafeBufferPointer { buffer in
                for index in first + 1 ..< entries.count where !Self.precedes(entries[index - 1], entries[index], in: buffer) {
                    inOrder = false
                    break
                }
            }
            if inOrder { return }
        }

        // Each key once, sorted: the entry whose key is kept (the first written) and the one
        // whose value is (the last).
        var kept: [(key: Int, value: Int)] = []
        kept.reserveCapacity(count)
        if frame.plainKeys {
            // Plain keys are equal only when their bytes are, and then they sort together.
            var order = Array(first ..< entries.count)
            bytes.withUnsafeBufferPointer { buffer in
                order.sort { a, b in
                    let (x, y) = (entries[a], entries[b])
                    if Self.precedes(x, y, in: buffer) { return true }
                    if Self.precedes(y, x, in: buffer) { return false }
                    return a < b
                }
                for index in order {
                    if let last = kept.last, !Self.precedes(entries[last.key], entries[index], in: buffer) {
                        kept[kept.count - 1].value = index
                    } else {
                        kept.append((index, index))
                    }
                }
            }
        } else {
            var position: [String: Int] = [:]
            var names: [String] = []
            for index in first ..< entries.count {
                let name = key(ofEntry: index)
                if let existing = position[name] {
                    kept[existing].value = index
                } else {
                    position[name] = kept.count
                    kept.append((index, index))
                    names.append(name)
                }
            }
            let order = names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
            kept = order.map { kept[$0] }
            // (No two kept keys have the same bytes, so the order is total.)
        }
        if kept.count < count {
            // A key written twice, once through `superEncoder(forKey:)`: which value wins
            // depends on when JSONEncoder's super encoder is released.
            let names = (first ..< entries.count).map { key(ofEntry: $0) }
            for (offset, name) in names.enumerated() where entries[first + offset].fromSuperEncoder && names.filter({ $0 == name }).count > 1 {
                unsupported = true
                return
            }
        }

        // Where each entry's value ends: before the separator of the next, or at the end.
        func end(_ index: Int) -> Int {
            index + 1 < entries.count ? entries[index + 1].start - 2 : bytes.count
        }
        scratch.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { buffer in
            for (position, entry) in kept.enumerated() {
                if position > 0 { scratch.append(UInt8(ascii: ",")); scratch.append(UInt8(ascii: "\n")) }
                let (key, value) = (entries[entry.key], entries[entry.value])
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[key.start ..< key.valueStart]))
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[value.valueStart ..< end(entry.value)]))
            }
        }
        bytes.replaceSubrange(entries[first].start..., with: scratch)
    }

    /// Whether the key of `a` sorts before the key of `b`, compared as written (plain keys):
    /// the bytes from the start of the line to the closing quote, of which the indent and the
    /// opening quote are the same in both.
    private static func precedes(_ a: Entry, _ b: Entry, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let x = UnsafeBufferPointer(rebasing: buffer[a.start ..< a.valueStart - keySeparator.utf8CodeUnitCount - 1])
        let y = UnsafeBufferPointer(rebasing: buffer[b.start ..< b.valueStart - keySeparator.utf8CodeUnitCount - 1])
        let order = memcmp(x.baseAddress!, y.baseAddress!, min(x.count, y.count))
        return order < 0 || (order == 0 && x.count < y.count)
    }

    // MARK: Arrays

    /// Starts the next element of the array at `index`: the separator and the indent.
    private func beginElement(in index: Int) {
        if frames[index].count > 0 { append(",\n") }
        frames[index].count += 1
        writeIndent(baseLevel + index + 1)
    }

    // MARK: - Coding paths

    /// The key of the value being written in the container at `index`: its last entry's key,
    /// or its last element's index.
    private func slotKey(_ index: Int) -> any CodingKey {
        let frame = frames[index]
        if frame.keyed {
            let last = (index + 1 < frames.count ? frames[index + 1].firstEntry : entries.count) - 1
            guard last >= frame.firstEntry else { return PathKey(stringValue: "") }
            return PathKey(stringValue: key(ofEntry: last), intValue: entries[last].intValue)
        }
        return PathKey(index: frame.count - 1)
    }

    /// The coding path of the container at `index`, as its `codingPath` gives it: a key per
    /// container it is in.
    private func containerPath(_ index: Int) -> [any CodingKey] {
        (0 ..< min(index, frames.count)).map(slotKey)
    }

    /// The coding path of the encoder that made the container at `index`, which `JSONEncoder`
    /// gives its errors (and the values encoded in the container): without the keys of
    /// nested containers, which share their parent's encoder.
    private func encoderPath(_ index: Int) -> [any CodingKey] {
        var path: [any CodingKey] = []
        let last = min(index, frames.count - 1)
        guard last >= 1 else { return path }
        for depth in 1 ... last where !frames[depth].nested {
            path.append(slotKey(depth - 1))
        }
        return path
    }

    /// The coding path of an encoder of a value in the container at `index - 1`, or at the top.
    private func valuePath(_ depth: Int) -> [any CodingKey] {
        guard depth > 0, depth <= frames.count else { return [] }
        return encoderPath(depth - 1) + [slotKey(depth - 1)]
    }

    /// The coding path of the value being written in the innermost container.
    private func slotEncoderPath() -> [any CodingKey] {
        valuePath(frames.count)
    }

    /// A key of a coding path: the string and int values of the original key, or an array
    /// index as `JSONEncoder` names it.
    private struct PathKey: CodingKey {
        var stringValue: String
        var intValue: Int?

        init(stringValue: String, intValue: Int?) {
            self.stringValue = stringValue
            self.intValue = intValue
        }

        init(stringValue: String) {
            self.init(stringValue: stringValue, intValue: nil)
        }

        init(intValue: Int) {
            self.init(index: intValue)
        }

        init(index: Int) {
            stringValue = "Index \(index)"
            intValue = index
        }
    }

    // MARK: - When JSONEncoder must do it

    /// Appends `JSONEncoder`'s JSON of `value`, every line after the first indented by
    /// `baseLevel` levels (blank lines, the inside of an empty container, stay empty).
    private func appendFoundationJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let json = try encoder.encode(value)
        var lineStart = false
        for byte in json {
            if lineStart && byte != UInt8(ascii: "\n") { writeIndent(baseLevel) }
            bytes.append(byte)
            lineStart = byte == UInt8(ascii: "\n")
        }
    }

    /// Thrown into the value's own code when it does what only `JSONEncoder` can do; the
    /// value is then handed to `JSONEncoder`, whatever the code made of the error.
    private struct Unsupported: Error {}

    // MARK: - The encoder of one value

    /// The `Encoder` (and single value container) of one value slot; `token` tells whether the
    /// slot is still waiting for it.
    private struct ValueEncoder: Encoder, SingleValueEncodingContainer, PrimitiveWriting {
        let encoder: ExportJSONEncoder
        let token: Int
        /// How many containers were open around the slot.
        let depth: Int

        var codingPath: [any CodingKey] { encoder.valuePath(depth) }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let (id, index) = encoder.container(for: self, keyed: true)
            return KeyedEncodingContainer(KeyedContainer<Key>(encoder: encoder, id: id, index: index))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let (id, index) = encoder.container(for: self, keyed: false)
            return UnkeyedContainer(encoder: encoder, id: id, index: index)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { self }

        /// Checks that the slot still waits for this encoder's value, and fills it.
        fileprivate func begin() throws {
            guard encoder.pending == token else {
                // A second value, or one after a container: JSONEncoder stops (or replaces).
                encoder.unsupported = true
                throw Unsupported()
            }
            encoder.pending = 0
        }

        fileprivate func encodeFloat<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws {
            guard encoder.pending == token else { return try begin() }
            try encoder.writeFloat(value) { codingPath }
            encoder.pending = 0
        }

        func encode<T: Encodable>(_ value: T) throws {
            try begin()
            let (mark, frames, entries) = (encoder.bytes.count, encoder.frames.count, encoder.entries.count)
            do {
                try encoder.encodeValue(value)
            } catch {
                encoder.rollBack(to: mark, frames: frames, entries: entries, pending: token)
                throw error
            }
        }
    }

    /// The container the encoder of a slot asks for: a new one in the slot, or the one it made
    /// before (`JSONEncoder` gives the same one again, as a subclass calling `super.encode(to:)`
    /// with its own encoder expects).
    private func container(for slot: ValueEncoder, keyed: Bool) -> (id: Int, index: Int) {
        if pending == slot.token && frames.count == slot.depth {
            pending = 0
            return openFrame(keyed: keyed, creator: slot.token, nested: false)
        }
        if slot.depth < frames.count, frames[slot.depth].creator == slot.token, frames[slot.depth].keyed == keyed {
            let id = frames[slot.depth].id
            return prepare(id, slot.depth) ? (id, slot.depth) : (-1, -1)
        }
        unsupported = true
        return (-1, -1)
    }

    // MARK: - Keyed container

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: ExportJSONEncoder
        /// The container's frame id and index; -1 for one that cannot be written.
        let id: Int
        let index: Int

        var codingPath: [any CodingKey] { encoder.containerPath(index) }

        /// Readies the object for the entry `key`, or throws when it cannot take one.
        @inline(__always)
        private func begin(_ key: Key) throws {
            guard encoder.prepare(id, index) else { throw Unsupported() }
            encoder.beginEntry(key.stringValue, intValue: key.intValue, in: index)
        }

        func encodeNil(forKey key: Key) throws { try begin(key); encoder.writeNull() }
        func encode(_ value: Bool, forKey key: Key) throws { try begin(key); encoder.writeBool(value) }
        func encode(_ value: String, forKey key: Key) throws { try begin(key); encoder.writeString(value) }
        func encode(_ value: Double, forKey key: Key) throws { try encodeFloat(value, forKey: key) }
        func encode(_ value: Float, forKey key: Key) throws { try encodeFloat(value, forKey: key) }
        func encode(_ value: Int, forKey key: Key) throws { try begin(key); encoder.writeInteger(value) }
        func encode(_ value: Int8, forKey key: Key) throws { try begin(key); encoder.writeInteger(value) }
        func encode(_ value: Int16, forKey key: Key) throws { try begin(key); encoder.writeInteger(value) }
        func encode(_ value: Int32, forKey key: Key) throws { try begin(key); encoder.writeInteger(value) }
        func encode(_ value: Int64, forKey key: Key) throws { try begin(key); encoder.writeInteger(value) }
        func encode(_ value: Int128, forKey key: Key) throws { try begin(key); encoder.writeInteger(value) }
        func encode(_ value: UInt, forKey key: Key) throws { try begin(key); encoder.writeInteger(value) }
        func encode(_ value: UInt8, forKey key: Key) throws { try begin(key); encoder.writeInteger(value) }
        func encode(_ value: UInt16, forKey key: Key) throws { try begin(key); encoder.writeInteger(value) }
        func encode(_ value: UInt32, forKey key: Key) throws { try begin(key); encoder.writeInteger(value) }
        func encode(_ value: UInt64, forKey key: Key) throws { try begin(key); encoder.writeInteger(value) }
        func encode(_ value: UInt128, forKey key: Key) throws { try begin(key); encoder.writeInteger(value) }

        private func encodeFloat<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, forKey key: Key) throws {
            guard value.isFinite else {
                try encoder.writeFloat(value) { encoder.encoderPath(index) + [key] }
                return
            }
            try begin(key)
            try encoder.writeFloat(value) { [] }
        }

        func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            guard encoder.prepare(id, index) else { throw Unsupported() }
            let (mark, frames, entries) = (encoder.bytes.count, encoder.frames.count, encoder.entries.count)
            encoder.beginEntry(key.stringValue, intValue: key.intValue, in: index)
            do {
                try encoder.encodeValue(value)
            } catch {
                encoder.rollBack(to: mark, frames: frames, entries: entries)
                throw error
            }
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let (id, index) = nested(forKey: key, keyed: true)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, id: id, index: index))
        }

        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let (id, index) = nested(forKey: key, keyed: false)
            return UnkeyedContainer(encoder: encoder, id: id, index: index)
        }

        /// A container opened as the value of `key`. A second one under the same key is added
        /// to the first by `JSONEncoder` (or made of the value written there before).
        private func nested(forKey key: Key, keyed: Bool) -> (id: Int, index: Int) {
            guard encoder.prepare(id, index) else { return (-1, -1) }
            let name = key.stringValue
            if (encoder.frames[index].firstEntry ..< encoder.entries.count).contains(where: { encoder.key(ofEntry: $0) == name }) {
                encoder.unsupported = true
                return (-1, -1)
            }
            encoder.beginEntry(name, intValue: key.intValue, in: index)
            return encoder.openFrame(keyed: keyed, creator: 0, nested: true)
        }

        func superEncoder() -> any Encoder { superEncoder(named: "super", intValue: nil) }
        func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue, intValue: key.intValue) }

        /// An encoder for the value of `name`, written in place now; `{}` if it encodes nothing.
        private func superEncoder(named name: String, intValue: Int?) -> any Encoder {
            guard encoder.prepare(id, index) else { return ValueEncoder(encoder: encoder, token: -1, depth: index + 1) }
            encoder.beginEntry(name, intValue: intValue, in: index, fromSuperEncoder: true)
            encoder.lastID += 1
            encoder.pending = encoder.lastID
            return ValueEncoder(encoder: encoder, token: encoder.lastID, depth: index + 1)
        }
    }

    // MARK: - Unkeyed container

    private struct UnkeyedContainer: UnkeyedEncodingContainer, PrimitiveWriting {
        let encoder: ExportJSONEncoder
        /// The container's frame id and index; -1 for one that cannot be written.
        let id: Int
        let index: Int

        var codingPath: [any CodingKey] { encoder.containerPath(index) }

        var count: Int {
            index >= 0 && index < encoder.frames.count && encoder.frames[index].id == id ? encoder.frames[index].count : 0
        }

        @inline(__always)
        fileprivate func begin() throws {
            guard encoder.prepare(id, index) else { throw Unsupported() }
            encoder.beginElement(in: index)
        }

        fileprivate func encodeFloat<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws {
            guard value.isFinite else {
                try encoder.writeFloat(value) { encoder.encoderPath(index) + [PathKey(index: count)] }
                return
            }
            try begin()
            try encoder.writeFloat(value) { [] }
        }

        func encode<T: Encodable>(_ value: T) throws {
            guard encoder.prepare(id, index) else { throw Unsupported() }
            let (mark, frames, entries, count) = (encoder.bytes.count, encoder.frames.count, encoder.entries.count, encoder.frames[index].count)
            encoder.beginElement(in: index)
            do {
                try encoder.encodeValue(value)
            } catch {
                encoder.rollBack(to: mark, frames: frames, entries: entries)
                encoder.frames[index].count = count
                throw error
            }
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let (id, index) = nested(keyed: true)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, id: id, index: index))
        }

        func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let (id, index) = nested(keyed: false)
            return UnkeyedContainer(encoder: encoder, id: id, index: index)
        }

        private func nested(keyed: Bool) -> (id: Int, index: Int) {
            guard encoder.prepare(id, index) else { return (-1, -1) }
            encoder.beginElement(in: index)
            return encoder.openFrame(keyed: keyed, creator: 0, nested: true)
        }

        /// An encoder for the next element, written in place now; `{}` if it encodes nothing.
        func superEncoder() -> any Encoder {
            guard encoder.prepare(id, index) else { return ValueEncoder(encoder: encoder, token: -1, depth: index + 1) }
            encoder.beginElement(in: index)
            encoder.lastID += 1
            encoder.pending = encoder.lastID
            return ValueEncoder(encoder: encoder, token: encoder.lastID, depth: index + 1)
        }
    }
}

/// What the single-value and unkeyed containers share: each writes a value once `begin`
/// has claimed its place (they claim it differently), and floats their own way (a
/// non-finite one is an error at a path each works out).
private protocol PrimitiveWriting {
    var encoder: ExportJSONEncoder { get }
    func begin() throws
    func encodeFloat<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws
}

extension PrimitiveWriting {
    func encodeNil() throws { try begin(); encoder.writeNull() }
    func encode(_ value: Bool) throws { try begin(); encoder.writeBool(value) }
    func encode(_ value: String) throws { try begin(); encoder.writeString(value) }
    func encode(_ value: Double) throws { try encodeFloat(value) }
    func encode(_ value: Float) throws { try encodeFloat(value) }
    func encode(_ value: Int) throws { try begin(); encoder.writeInteger(value) }
    func encode(_ value: Int8) throws { try begin(); encoder.writeInteger(value) }
    func encode(_ value: Int16) throws { try begin(); encoder.writeInteger(value) }
    func encode(_ value: Int32) throws { try begin(); encoder.writeInteger(value) }
    func encode(_ value: Int64) throws { try begin(); encoder.writeInteger(value) }
    func encode(_ value: UInt) throws { try begin(); encoder.writeInteger(value) }
    func encode(_ value: UInt8) throws { try begin(); encoder.writeInteger(value) }
    func encode(_ value: UInt16) throws { try begin(); encoder.writeInteger(value) }
    func encode(_ value: UInt32) throws { try begin(); encoder.writeInteger(value) }
    func encode(_ value: UInt64) throws { try begin(); encoder.writeInteger(value) }
}

// The standard library gives both container protocols defaults for the 128-bit integers;
// an extension as constrained as theirs would be ambiguous with them, these are more so.
extension PrimitiveWriting where Self: SingleValueEncodingContainer {
    func encode(_ value: Int128) throws { try begin(); encoder.writeInteger(value) }
    func encode(_ value: UInt128) throws { try begin(); encoder.writeInteger(value) }
}

extension PrimitiveWriting where Self: UnkeyedEncodingContainer {
    func encode(_ value: Int128) throws { try begin(); encoder.writeInteger(value) }
    func encode(_ value: UInt128) throws { try begin(); encoder.writeInteger(value) }
}
