import DossierCore
import DossierModel
@testable import DossierRender
import DossierSite
import DossierTestSupport
import Foundation
import Testing

/// `ExportJSONEncoder` writes exactly the bytes of Foundation's `JSONEncoder` (pretty-printed,
/// sorted keys, slashes as they are), at any depth, for every shape a conformance can take, and
/// fails where it fails; and it writes them itself, without handing the value to `JSONEncoder`,
/// except for the shapes its documentation names.
@Suite("Export JSON encoder")
struct ExportJSONEncoderTests {
    // MARK: - Comparing with Foundation

    static func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Foundation's JSON as printed `level` containers deep: every line after the first
    /// indented by two spaces per level, blank lines left blank.
    static func foundation<T: Encodable>(_ value: T, level: Int) throws -> [UInt8] {
        let lines = String(decoding: try foundation(value), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let pad = String(repeating: "  ", count: level)
        return Array(lines.enumerated().map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : pad + $0.element }.joined(separator: "\n").utf8)
    }

    /// Expects `ExportJSONEncoder` to write Foundation's bytes for `value` at the top and two
    /// levels in (after what is already in the buffer), handing it to `JSONEncoder` only if
    /// `fallsBack`.
    static func expectSame<T: Encodable>(_ value: T, fallsBack: Bool = false, _ comment: Comment? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let encoder = ExportJSONEncoder()
        let top = try encoder.encode(value)
        let expected = try foundation(value)
        #expect(top == expected, "\(comment.map { "\($0): " } ?? "")\n\(String(decoding: top, as: UTF8.self))\n≠ Foundation's\n\(String(decoding: expected, as: UTF8.self))", sourceLocation: sourceLocation)
        for level in [1, 2, 5] {
            var buffer = Array("  \"key\" : ".utf8)
            try encoder.encode(value, level: level, into: &buffer)
            let deeper = Array("  \"key\" : ".utf8) + (try foundation(value, level: level))
            #expect(buffer == deeper, "\(comment.map { "\($0): " } ?? "")at level \(level):\n\(String(decoding: buffer, as: UTF8.self))", sourceLocation: sourceLocation)
        }
        #expect(encoder.fallbacks == (fallsBack ? 4 : 0), "handed to JSONEncoder \(encoder.fallbacks) times", sourceLocation: sourceLocation)
    }

    /// An `EncodingError` described with everything Foundation puts in it.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? EncodingError, case .invalidValue(let value, let context) = error else { return "not an EncodingError: \(error)" }
        let path = context.codingPath.map { "\($0.stringValue)|\($0.intValue.map(String.init) ?? "-")" }
        return "invalidValue(\(type(of: value)): \(value)) at \(path): \(context.debugDescription)"
    }

    /// Expects both encoders to throw the same `EncodingError` for `value`, and ours to leave
    /// the buffer as it was.
    static func expectSameError<T: Encodable>(_ value: T, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var theirs = "no error"
        var ours = "no error"
        do { _ = try foundation(value) } catch { theirs = describe(error) }
        var buffer = Array("[\n    ".utf8)
        do { try ExportJSONEncoder().encode(value, level: 2, into: &buffer) } catch { ours = describe(error) }
        #expect(theirs != "no error", sourceLocation: sourceLocation)
        #expect(ours == theirs, sourceLocation: sourceLocation)
        #expect(buffer == Array("[\n    ".utf8), sourceLocation: sourceLocation)
    }

    /// A coding key of any name, for conformances written out by hand.
    struct Key: CodingKey, ExpressibleByStringLiteral {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        init(stringLiteral value: String) { stringValue = value }
    }

    /// A value whose `encode(to:)` is the closure given.
    struct Custom: Encodable {
        let body: @Sendable (any Encoder) throws -> Void
        init(_ body: @escaping @Sendable (any Encoder) throws -> Void) { self.body = body }
        func encode(to encoder: any Encoder) throws { try body(encoder) }
    }

    // MARK: - Scalars

    struct Scalars: Encodable {
        var bools = [true, false]
        var flag = true
        var int = Int.min
        var ints: [Int] = [.min, .max, 0, -1, 1, 1 << 40]
        var int8: [Int8] = [.min, .max, 0]
        var int16: [Int16] = [.min, .max]
        var int32: [Int32] = [.min, .max]
        var int64: [Int64] = [.min, .max]
        var int128: [Int128] = [.min, .max]
        var uint: [UInt] = [.max, 0]
        var uint8: [UInt8] = [.max, 0]
        var uint16: [UInt16] = [.max]
        var uint32: [UInt32] = [.max]
        var uint64: [UInt64] = [.max, 1 << 63]
        var uint128: [UInt128] = [.max]
        var keyedInt8: Int8 = -128
        var keyedInt32: Int32 = .max
        var keyedUInt: UInt64 = .max
        var keyedInt128: Int128 = .min
        var double = 0.1
        var float: Float = 1.5
        var float16: Float16 = 0.333
        var date = Date(timeIntervalSinceReferenceDate: 123_456.789)
        var data = Data([0, 1, 2, 254, 255])
        var emptyData = Data()
        var url = URL(string: "https://example.org/a/b?c=d&e=f#g")!
        var fileURL = URL(fileURLWithPath: "/tmp/a b/c")
        var decimal = Decimal(string: "12.50")!
        var decimals = [Decimal(string: "-0.000001")!, Decimal(string: "123456789012345678901234567890")!, Decimal()]
    }

    static let doubles: [Double] = [
        0, -0.0, 1, -1, 0.5, 0.1, 1.0 / 3, 100, 1e15, 1e16, 1e17, 123_456_789_012_345_678, 1e-7, 2.5e-5, 1e-4, 0.001,
        1e300, -1e300, .pi, 9_007_199_254_740_993, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
        .ulpOfOne, 0.92, 0.85, 42.000001,
    ]
    static let floats: [Float] = [0, -0.0, 1, 0.1, 1e-7, 3.4e38, 16_777_216, 16_777_217, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.92, .pi]

    @Test func scalarsMatchFoundation() throws {
        try Self.expectSame(Scalars())
        try Self.expectSame(Self.doubles)
        try Self.expectSame(Self.floats)
        try Self.expectSame(Self.doubles.map { ["value": $0] })
        try Self.expectSame(Self.floats.map { [$0] })
        for double in Self.doubles { try Self.expectSame(double) }
        for float in Self.floats { try Self.expectSame(float) }
        try Self.expectSame(Float16(1.5))
        try Self.expectSame([Float16(-0.0), 65504, 0.1])
        try Self.expectSame(true)
        try Self.expectSame(Int.min)
        try Self.expectSame(UInt128.max)
        try Self.expectSame(Data([1, 2, 3]))
        try Self.expectSame(URL(string: "https://x.org/a%20b/")!)
        try Self.expectSame(Decimal(string: "3.14")!)
        try Self.expectSame(Date(timeIntervalSinceReferenceDate: -1.5))
    }

    /// Written through the single value and unkeyed containers' own methods, not the
    /// generic `encode<T>`: each width and float type once.
    @Test func everyContainerMethodMatchesFoundation() throws {
        try Self.expectSame(Custom { encoder in
            var keyed = encoder.container(keyedBy: Key.self)
            try keyed.encode(true, forKey: "bool")
            try keyed.encode("text", forKey: "string")
            try keyed.encode(1.5 as Double, forKey: "double")
            try keyed.encode(2.0 as Float, forKey: "float")
            try keyed.encode(-1 as Int, forKey: "int")
            try keyed.encode(-8 as Int8, forKey: "int8")
            try keyed.encode(-16 as Int16, forKey: "int16")
            try keyed.encode(-32 as Int32, forKey: "int32")
            try keyed.encode(-64 as Int64, forKey: "int64")
            try keyed.encode(-128 as Int128, forKey: "int128")
            try keyed.encode(1 as UInt, forKey: "uint")
            try keyed.encode(8 as UInt8, forKey: "uint8")
            try keyed.encode(16 as UInt16, forKey: "uint16")
            try keyed.encode(32 as UInt32, forKey: "uint32")
            try keyed.encode(64 as UInt64, forKey: "uint64")
            try keyed.encode(128 as UInt128, forKey: "uint128")
            try keyed.encodeNil(forKey: "nil")
            var unkeyed = keyed.nestedUnkeyedContainer(forKey: "unkeyed")
            try unkeyed.encode(true)
            try unkeyed.encode("text")
            try unkeyed.encode(1.5 as Double)
            try unkeyed.encode(2.0 as Float)
            try unkeyed.encode(-1 as Int)
            try unkeyed.encode(-8 as Int8)
            try unkeyed.encode(-16 as Int16)
            try unkeyed.encode(-32 as Int32)
            try unkeyed.encode(-64 as Int64)
            try unkeyed.encode(-128 as Int128)
            try unkeyed.encode(1 as UInt)
            try unkeyed.encode(8 as UInt8)
            try unkeyed.encode(16 as UInt16)
            try unkeyed.encode(32 as UInt32)
            try unkeyed.encode(64 as UInt64)
            try unkeyed.encode(128 as UInt128)
            try unkeyed.encodeNil()
            #expect(unkeyed.count == 17)
            let singles: [any Encodable & Sendable] = [
                true, "text", 1.5 as Double, 2.0 as Float, -1 as Int, -8 as Int8, -16 as Int16, -32 as Int32, -64 as Int64,
                -128 as Int128, 1 as UInt, 8 as UInt8, 16 as UInt16, 32 as UInt32, 64 as UInt64, 128 as UInt128,
            ]
            for single in singles {
                try unkeyed.encode(Custom { encoder in
                    var container = encoder.singleValueContainer()
                    switch single {
                    case let value as Bool: try container.encode(value)
                    case let value as String: try container.encode(value)
                    case let value as Double: try container.encode(value)
                    case let value as Float: try container.encode(value)
                    case let value as Int: try container.encode(value)
                    case let value as Int8: try container.encode(value)
                    case let value as Int16: try container.encode(value)
                    case let value as Int32: try container.encode(value)
                    case let value as Int64: try container.encode(value)
                    case let value as Int128: try container.encode(value)
                    case let value as UInt: try container.encode(value)
                    case let value as UInt8: try container.encode(value)
                    case let value as UInt16: try container.encode(value)
                    case let value as UInt32: try container.encode(value)
                    case let value as UInt64: try container.encode(value)
                    case let value as UInt128: try container.encode(value)
                    default: Issue.record("no case for \(single)")
                    }
                })
            }
            try unkeyed.encode(Custom { encoder in
                var container = encoder.singleValueContainer()
                try container.encodeNil()
            })
        })
    }

    @Test func stringsAreEscapedAsFoundationEscapesThem() throws {
        let controls = String(decoding: (0 ..< 0x20).map { UInt8($0) }, as: UTF8.self)
        let strings = [
            "", controls, "\"quoted\" and \\back\\slashed", "a/b//c </script>", "\u{7F} DEL", "héllo — 日本語 👩‍👩‍👧",
            "e\u{301} combining", "\u{2028}\u{2029} separators", "\u{FEFF}bom", "\u{FFFD}", "tab\tend\n",
            String(repeating: "long ünïcödé with \"escapes\"\n", count: 300),
        ]
        try Self.expectSame(strings)
        for string in strings {
            try Self.expectSame(string)
            try Self.expectSame([string: string])
            try Self.expectSame(JSONValue.array([.string(string)]))
        }
    }

    // MARK: - Keys

    /// Keys in JSONEncoder's order, which on Linux is the UTF-8 bytes' (not `<` on `String`,
    /// nor the numeric, case-insensitive order of Apple's Foundation).
    @Test func keysAreSortedByTheirUTF8Bytes() throws {
        let keys = ["a", "B", "a1", "a10", "a2", "é", "_x", "", "~", "\u{7F}", "a\"", "a\\", "a\n", "日本", "Z", "ab", "ä", "👩", "A", "a b", "a\u{0}"]
        let dictionary = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) })
        try Self.expectSame(dictionary)
        let sorted = String(decoding: try ExportJSONEncoder().encode(dictionary), as: UTF8.self)
        #expect(sorted.contains("\"B\" : 1,\n  \"Z\" : 14,\n  \"_x\" : 6,\n  \"a\" : 0,\n  \"a\\u0000\" : 20,\n  \"a\\n\" : 12,\n  \"a b\" : 19,\n  \"a\\\"\" : 10"))
        #expect(sorted.contains("\"a1\" : 2,\n  \"a10\" : 3,\n  \"a2\" : 4"))
        // The same keys written one by one in each order by a conformance of its own.
        for order in [keys, keys.reversed(), keys.sorted(), keys.shuffled()] {
            try Self.expectSame(Custom { encoder in
                var container = encoder.container(keyedBy: Key.self)
                for (index, key) in order.enumerated() { try container.encode(index, forKey: Key(stringValue: key)) }
            })
        }
        // Plain keys, all ASCII, already in order and not.
        try Self.expectSame(["b": 1, "a": 2, "c": 3, "aa": 4, "A": 5])
        try Self.expectSame(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            for key in ["a", "b", "c"] { try container.encode(key, forKey: Key(stringValue: key)) }
        })
    }

    @Test func dictionariesWithIntAndOtherKeys() throws {
        try Self.expectSame([1: "a", -2: "b", 10: "c", 100: "d", 0: "e", Int.min: "f"])
        try Self.expectSame([Int8(3): [1], -1: []])
        try Self.expectSame([["z": [Int: String]()], [:]])
        // Keys that are not String or Int are written as an array of keys and values.
        try Self.expectSame([DossierCore.SourceLocation(path: "a.md", line: 1): "one"])
        try Self.expectSame([true: 1])
        try Self.expectSame(Set(["x", "y", "z"]))
    }

    /// A key written twice: the last value, under the key written first (which differs only
    /// when the two are canonically equivalent, as Swift's `String` counts them equal).
    @Test func keysWrittenTwiceKeepTheLastValue() throws {
        // (The Kelvin sign, U+212A, is canonically equivalent to an ASCII K.)
        for keys in [["b", "a", "b"], ["a", "a"], ["a", "b", "a"], ["a", "b", "b"], ["c", "a", "c", "b", "c"], ["é", "e\u{301}"], ["e\u{301}", "x", "é"], ["ü", "u", "ü"], ["K", "\u{212A}"], ["\u{212A}", "J", "K"]] {
            try Self.expectSame(Custom { encoder in
                var container = encoder.container(keyedBy: Key.self)
                for (index, key) in keys.enumerated() { try container.encode(index, forKey: Key(stringValue: key)) }
            }, "\(keys)")
        }
        let bytes = try ExportJSONEncoder().encode(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: "e\u{301}")
            try container.encode(2, forKey: "é")
        })
        #expect(bytes == Array("{\n  \"e\u{301}\" : 2\n}".utf8))
        // A value, then a container, then a value again, under one key; and a nested container
        // after a value under another.
        try Self.expectSame(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(["x": [1, 2]], forKey: "a")
            try container.encode("first", forKey: "b")
            try container.encode([3], forKey: "a")
            try container.encodeNil(forKey: "b")
            try container.encode(DossierCore.SourceLocation(path: "p", line: 1), forKey: "a")
        })
    }

    // MARK: - Optionals and empty containers

    struct Optionals: Encodable {
        var none: Int?
        var some: String? = "x"
        var nestedNone: Int?? = .none
        var nestedSomeNone: Int?? = .some(nil)
        var nestedSome: Int?? = .some(3)
        var array: [Int?] = [nil, 1, nil]
        var arrays: [[Double?]] = [[], [nil], [nil, 2]]
        var location: DossierCore.SourceLocation? = DossierCore.SourceLocation(path: "a.md", line: 3, column: 4)
        var missingLocation: DossierCore.SourceLocation?
        var data: Data? = Data([9])
        var url: URL? = URL(string: "https://x.org")
    }

    @Test func optionalsAndNulls() throws {
        try Self.expectSame(Optionals())
        try Self.expectSame(Optional<Int>.none)
        try Self.expectSame([Optional<String>.none])
        try Self.expectSame(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try container.encodeIfPresent(Optional<Int>.none, forKey: "absent")
            try container.encodeIfPresent(Optional<Int>.some(1), forKey: "present")
            try container.encode(Optional<Int>.none, forKey: "null")
            try container.encodeNil(forKey: "nil")
            var unkeyed = container.nestedUnkeyedContainer(forKey: "list")
            try unkeyed.encodeNil()
            try unkeyed.encode(Optional<String>.none)
        })
    }

    struct Empty: Encodable {}

    /// Empty arrays and objects as JSONEncoder prints them: the bracket, a blank line, and the
    /// closing bracket indented.
    @Test func emptyContainers() throws {
        try Self.expectSame([String]())
        try Self.expectSame([Int]())
        try Self.expectSame([String: Int]())
        try Self.expectSame(Empty())
        try Self.expectSame([Empty(), Empty()])
        try Self.expectSame([[String]()])
        try Self.expectSame([[[String: [Int]]()]])
        try Self.expectSame(["a": [String](), "b": []])
        try Self.expectSame(JSONValue.object(["a": .array([]), "b": .object([:]), "c": .array([.object([:]), .array([])])]))
        #expect(try ExportJSONEncoder().encode([[String]()]) == Array("[\n  [\n\n  ]\n]".utf8))
        #expect(try ExportJSONEncoder().encode(Empty()) == Array("{\n\n}".utf8))
    }

    /// A value that encodes nothing is `{}` inside another, and an error at the top.
    @Test func valuesThatEncodeNothing() throws {
        let nothing = Custom { _ in }
        try Self.expectSame([nothing, nothing])
        try Self.expectSame(["a": nothing])
        try Self.expectSame(Custom { encoder in
            var container = encoder.singleValueContainer()
            try container.encode(nothing)
        })
        Self.expectSameError(nothing)
    }

    // MARK: - Containers

    @Test func nestedContainersOfEveryKind() throws {
        try Self.expectSame(Custom { encoder in
            var root = encoder.container(keyedBy: Key.self)
            try root.encode("last", forKey: "z")
            var object = root.nestedContainer(keyedBy: Key.self, forKey: "object")
            try object.encode(2, forKey: "b")
            var inner = object.nestedUnkeyedContainer(forKey: "a")
            try inner.encode(1)
            var deeper = inner.nestedContainer(keyedBy: Key.self)
            try deeper.encode(true, forKey: "y")
            try deeper.encode(false, forKey: "x")
            var deepest = inner.nestedUnkeyedContainer()
            try deepest.encode("d")
            _ = deepest.nestedUnkeyedContainer()
            _ = inner.nestedContainer(keyedBy: Key.self)
            try inner.encode([1.5])
            // Back to outer containers: the inner ones are finished.
            try object.encode(3, forKey: "c")
            var list = root.nestedUnkeyedContainer(forKey: "list")
            try list.encode(Empty())
            _ = root.nestedContainer(keyedBy: Key.self, forKey: "empty")
            try root.encode("first", forKey: "a")
        })
        try Self.expectSame(Custom { encoder in
            var root = encoder.unkeyedContainer()
            var a = root.nestedUnkeyedContainer()
            var b = a.nestedUnkeyedContainer()
            try b.encode(1)
            try a.encode(2)
            try root.encode(3)
        })
    }

    /// A second `container(keyedBy:)` on one encoder is the same object (a subclass calling
    /// `super.encode(to:)` with its own encoder); `superEncoder` values go in their key or
    /// their element.
    @Test func superEncodersAndSharedEncoders() throws {
        class Base: Encodable {
            var a = 1
            enum CodingKeys: CodingKey { case a, z }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(a, forKey: .a)
                try container.encode("zed", forKey: .z)
            }
        }
        final class SharedEncoder: Base {
            enum Keys: CodingKey { case b }
            override func encode(to encoder: any Encoder) throws {
                try super.encode(to: encoder)
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(2, forKey: .b)
            }
        }
        final class SuperEncoder: Base {
            enum Keys: CodingKey { case b, c }
            override func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(2, forKey: .b)
                try super.encode(to: container.superEncoder())
                try super.encode(to: container.superEncoder(forKey: .c))
            }
        }
        final class UnkeyedSuper: Base {
            override func encode(to encoder: any Encoder) throws {
                var container = encoder.unkeyedContainer()
                try container.encode(0)
                try super.encode(to: container.superEncoder())
                try container.encode(2)
            }
        }
        try Self.expectSame(SharedEncoder())
        try Self.expectSame(SuperEncoder())
        try Self.expectSame(UnkeyedSuper())
        try Self.expectSame([SharedEncoder(), SuperEncoder()])
        // Unused super encoders are `{}`; a super encoder's value may be of any kind.
        try Self.expectSame(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            _ = container.superEncoder()
            _ = container.superEncoder(forKey: "unused")
            try "text".encode(to: container.superEncoder(forKey: "text"))
            try [1, 2].encode(to: container.superEncoder(forKey: "list"))
            var unkeyed = container.nestedUnkeyedContainer(forKey: "u")
            _ = unkeyed.superEncoder()
            try Optional<Int>.none.encode(to: unkeyed.superEncoder())
            try unkeyed.encode(3)
        })
        // A second unkeyed container on one encoder goes on with the first.
        try Self.expectSame(Custom { encoder in
            var first = encoder.unkeyedContainer()
            try first.encode(1)
            var second = encoder.unkeyedContainer()
            try second.encode(2)
            try first.encode(3)
        })
    }

    /// Shapes a streaming writer cannot follow: the value goes to JSONEncoder, whole, and the
    /// bytes are still Foundation's.
    @Test func shapesLeftToFoundation() throws {
        // A nested container asked for twice under one key: JSONEncoder merges the two.
        try Self.expectSame(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            var first = container.nestedContainer(keyedBy: Key.self, forKey: "x")
            try first.encode(1, forKey: "p")
            try container.encode(5, forKey: "y")
            var second = container.nestedContainer(keyedBy: Key.self, forKey: "x")
            try second.encode(2, forKey: "q")
        }, fallsBack: true)
        // A container written to after a later one was made.
        try Self.expectSame(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            var first = container.nestedUnkeyedContainer(forKey: "a")
            var second = container.nestedUnkeyedContainer(forKey: "b")
            try second.encode(2)
            try first.encode(1)
        }, fallsBack: true)
        // A value written into a keyed container under a key, then a nested container there.
        try Self.expectSame(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(["p": 1], forKey: "x")
            var nested = container.nestedContainer(keyedBy: Key.self, forKey: "x")
            try nested.encode(2, forKey: "q")
        }, fallsBack: true)
        // Nested deeper than JSONEncoder goes: it throws, and so do we.
        try Self.expectSame(Nest(depth: 511))
        Self.expectSameError(Nest(depth: 512))
        // Within an array the limit counts from the value encoded, as JSONEncoder's does.
        try Self.expectSame([Nest(depth: 510)])
        Self.expectSameError([Nest(depth: 511)])
    }

    /// `depth` arrays, one inside the other.
    struct Nest: Encodable {
        var depth: Int
        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            if depth > 1 { try container.encode(Nest(depth: depth - 1)) }
        }
    }

    // MARK: - Errors

    @Test func invalidFloatsThrowAsFoundationThrows() throws {
        struct InArray: Encodable { var a = [1.0, -Double.infinity]; var b = 2 }
        struct InFloatArray: Encodable { var a: [Float] = [1, .nan] }
        struct InDictionary: Encodable { var a = ["x": [1.0, .nan]] }
        struct InSingleValue: Encodable { var a = [Custom { encoder in var c = encoder.singleValueContainer(); try c.encode(-Double.nan) }] }
        struct Keyed: Encodable { var ok = 1.0; var bad = Float.infinity }
        for value in [Double.nan, .infinity, -.infinity] {
            Self.expectSameError(value)
            Self.expectSameError([value])
            Self.expectSameError(["k": value])
            Self.expectSameError(JSONValue.object(["a": .array([.number(1), .number(value)])]))
        }
        Self.expectSameError(Float.nan)
        // Under an Int key the path's key has the Int too.
        Self.expectSameError([7: [1: Double.nan]])
        Self.expectSameError(InArray())
        Self.expectSameError(InFloatArray())
        Self.expectSameError(InDictionary())
        Self.expectSameError(InSingleValue())
        Self.expectSameError(Keyed())
        // In nested containers, JSONEncoder's path leaves out their keys: it is the path of
        // the encoder that made them.
        Self.expectSameError(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            var list = container.nestedUnkeyedContainer(forKey: "u")
            try list.encode(1)
            var object = list.nestedContainer(keyedBy: Key.self)
            try object.encode(Double.infinity, forKey: "inf")
        })
        Self.expectSameError(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            var object = container.nestedContainer(keyedBy: Key.self, forKey: "o")
            try object.encode([[1.0], [Double.nan]], forKey: "deep")
        })
        Self.expectSameError(Custom { encoder in
            var container = encoder.unkeyedContainer()
            var list = container.nestedUnkeyedContainer()
            try list.encode(Float.nan)
        })
        Self.expectSameError(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try Double.nan.encode(to: container.superEncoder(forKey: "s"))
        })
    }

    /// A value that fails, caught by its container's owner, leaves nothing behind.
    @Test func failedValuesLeaveNothingBehind() throws {
        try Self.expectSame(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try? container.encode(Double.nan, forKey: "n")
            try? container.encode([1.0, .nan], forKey: "m")
            try container.encode(1, forKey: "z")
            var list = container.nestedUnkeyedContainer(forKey: "u")
            try? list.encode([[1.0], [.nan]])
            try? list.encode(Float.infinity)
            try list.encode(3)
        })
        // The first entry fails: the next is still the first.
        try Self.expectSame(Custom { encoder in
            var container = encoder.unkeyedContainer()
            try? container.encode([Double.nan])
            try container.encode(1)
        })
        try Self.expectSame(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try? container.encode([Double.nan], forKey: "a")
            try container.encode(1, forKey: "b")
        })
        // Not compared with JSONEncoder, which goes wrong here: it keeps the encoder of a
        // failed value for the next value with what it held, and writes `"q" : {}` for
        // `"q" : 1`, or stops on a precondition (the failure in the list).
        let afterFailure = Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try? container.encode(["a": ["b": Double.infinity]], forKey: "j")
            try container.encode(1, forKey: "z")
            try container.encode(["q": 1], forKey: "y")
            var list = container.nestedUnkeyedContainer(forKey: "u")
            try? list.encode(["x": Double.nan])
            try list.encode([2])
        }
        let expected = "{\n  \"u\" : [\n    [\n      2\n    ]\n  ],\n  \"y\" : {\n    \"q\" : 1\n  },\n  \"z\" : 1\n}"
        #expect(String(decoding: try ExportJSONEncoder().encode(afterFailure), as: UTF8.self) == expected)
    }

    // MARK: - The model

    @Test func modelValuesWithCustomConformances() throws {
        let inline = InlineText([.text("a \"quoted\" "), .link(url: "https://x.org/a/b", [.strong([.code("b\\c")])]), .emphasis([]), .code("")])
        try Self.expectSame(inline)
        try Self.expectSame([inline, InlineText([])])
        let json = JSONValue.object([
            "null": .null, "bool": .bool(true), "number": .number(-1.5e300), "integral": .number(3), "text": .string("1"),
            "list": .array([.null, .array([]), .object([:]), .number(0), .number(-0.0)]),
            "nested": .object(["é": .string("accent"), "e": .array([.bool(false)])]),
        ])
        try Self.expectSame(json)
        try Self.expectSame(["frontMatter": json])
    }

    /// Random JSON values (a fixed seed, so a failure repeats) with keys from a small set, so
    /// that objects mix ASCII, escaped and non-ASCII keys.
    @Test func randomValuesMatchFoundation() throws {
        var random = SeededGenerator(seed: 0x0D05_51E2)
        let keys = ["a", "b", "B", "a1", "a10", "é", "e\u{301}x", "_", "", "with space", "q\"", "tab\t", "日本", "z"]
        func value(_ depth: Int) -> JSONValue {
            switch random.next() % (depth > 4 ? 4 : 6) {
            case 0: return .null
            case 1: return .bool(random.next() % 2 == 0)
            case 2:
                let bits = random.next()
                let double = bits % 3 == 0 ? Double(Int64(bitPattern: bits) >> 20) / 1000 : Double(bitPattern: bits)
                return .number(double.isFinite ? double : 1)
            case 3: return .string(keys[Int(random.next() % UInt64(keys.count))] + "/\\\u{1}")
            case 4: return .array((0 ..< random.next() % 4).map { _ in value(depth + 1) })
            default:
                var object: [String: JSONValue] = [:]
                for _ in 0 ..< random.next() % 6 { object[keys[Int(random.next() % UInt64(keys.count))]] = value(depth + 1) }
                return .object(object)
            }
        }
        for _ in 0 ..< 300 { try Self.expectSame(value(0)) }
    }

    /// Every profile, pattern and document of the sample handbook (the seed profile among
    /// them), each at the depth the export writes it, and the export's other members.
    @Test func sampleHandbookMatchesFoundation() async throws {
        try await Self.expectModelMatches(root: repositoryRoot, profiles: "aws-expert")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SharedCorpus.source.path), "../shared/corpus is absent"))
    func sharedCorpusMatchesFoundation() async throws {
        let corpus = try #require(SharedCorpus.handbook())
        try await Self.expectModelMatches(root: corpus.root, profiles: nil)
    }

    static func expectModelMatches(root: URL, profiles expected: String?) async throws {
        let model = await SiteReader(root: root).read()
        #expect(!model.profiles.isEmpty && !model.patterns.isEmpty)
        if let expected { #expect(model.profiles.contains { $0.id == expected }) }
        let encoder = ExportJSONEncoder()
        func check(_ value: some Encodable, _ name: String) throws {
            #expect(try encoder.encode(value) == foundation(value), "\(name)")
            var buffer = Array("    ".utf8)
            try encoder.encode(value, level: 2, into: &buffer)
            #expect(buffer == Array("    ".utf8) + (try foundation(value, level: 2)), "\(name)")
        }
        for profile in model.profiles { try check(profile, profile.id) }
        for pattern in model.patterns { try check(pattern, pattern.id) }
        for page in model.pages { try check(page, page.id) }
        for diagnostic in model.diagnostics { try check(SiteExport.Problem(diagnostic), diagnostic.code) }
        try check(SiteExport(model: model), "the whole export")
        #expect(encoder.fallbacks == 0)
    }
}
