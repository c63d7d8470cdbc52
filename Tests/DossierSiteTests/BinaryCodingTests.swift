import DossierCore
import DossierModel
@testable import DossierSite
import Foundation
import Testing

/// The binary coding of the build cache gives back exactly what was encoded, for the shapes
/// `Codable` conformances take, and fails the way JSON fails where they go wrong.
@Suite("Binary coding")
struct BinaryCodingTests {
    struct Scalars: Codable, Equatable {
        var empty = ""
        var unicode = "héllo — 日本語 👩‍👩‍👧 \u{0} \u{FFFD} e\u{301}"
        var long = String(repeating: "ünïcödé ", count: 500)
        var bools = [true, false]
        var ints: [Int] = [.min, .max, 0, -1, 1, 63, 64, -63, -64, 127, 128, 1 << 40]
        var int8: [Int8] = [.min, .max, 0]
        var int16: [Int16] = [.min, .max]
        var int32: [Int32] = [.min, .max]
        var int64: [Int64] = [.min, .max]
        var uint: [UInt] = [.max, 0, 64]
        var uint8: [UInt8] = [.max, 0]
        var uint16: [UInt16] = [.max]
        var uint32: [UInt32] = [.max]
        var uint64: [UInt64] = [.max, 1 << 63]
        var keyedInt: Int8 = -128
        var keyedUInt: UInt64 = .max
        var double = 0.1
        var float: Float = 1.5
        var date = Date(timeIntervalSinceReferenceDate: 123_456.789)
        var data = Data([0, 1, 2, 255])
        var url = URL(string: "https://example.org/a?b=c")!
    }

    struct Optionals: Codable, Equatable {
        var none: Int?
        var some: String? = "x"
        var nestedNone: Int?? = .none
        var nestedSomeNone: Int?? = .some(nil)
        var nestedSome: Int?? = .some(3)
        var array: [Int?] = [nil, 1, nil]
        var arrays: [[Int?]] = [[], [nil], [nil, 2]]
        var optionalStruct: DossierCore.SourceLocation? = DossierCore.SourceLocation(path: "a.md", line: 3, column: 4)
        var missingStruct: DossierCore.SourceLocation?
    }

    struct Collections: Codable, Equatable {
        var emptyArray: [String] = []
        var emptyDictionary: [String: Int] = [:]
        var emptyNested: [[String: [Int]]] = [[:], ["a": []]]
        var stringKeys = ["b": 2, "a": 1, "": 0, "ü": 3]
        var intKeys = [5: "five", -1: "minus one", 100: "hundred"]
        var structKeys = [DossierCore.SourceLocation(path: "a.md", line: 1): "one"]
        var set: Set<String> = ["x"]
        var json: JSONValue = .object([
            "null": .null, "bool": .bool(true), "number": .number(-1.5e300), "text": .string("1"),
            "list": .array([.null, .array([]), .object([:]), .number(0)]),
        ])
        var inline = InlineText([.text("a "), .link(url: "https://x", [.strong([.code("b")])]), .emphasis([])])
        var shapes: [Shape] = [.circle(radius: 1), .rectangle(2, 3), .point, .labelled(name: "p", .point)]
    }

    /// An enum with associated values and synthesized `Codable`: `allKeys` and nested
    /// containers.
    indirect enum Shape: Codable, Equatable {
        case circle(radius: Double)
        case rectangle(Double, Double)
        case point
        case labelled(name: String, Shape)
    }

    static func roundTrip<T: Codable>(_ value: T) throws -> T {
        try BinaryDecoder().decode(T.self, from: try BinaryEncoder().encode(value))
    }

    @Test func scalarsRoundTrip() throws {
        #expect(try Self.roundTrip(Scalars()) == Scalars())
        #expect(try Self.roundTrip("") == "")
        #expect(try Self.roundTrip(Int.min) == Int.min)
        #expect(try Self.roundTrip(UInt64.max) == UInt64.max)
    }

    @Test(arguments: [Double.nan, -.nan, .signalingNaN, .infinity, -.infinity, -0.0, 0.0, .leastNonzeroMagnitude,
                      .greatestFiniteMagnitude, -.pi, Double(bitPattern: 0x7FF8_0000_DEAD_BEEF)])
    func doublesKeepTheirBits(_ value: Double) throws {
        #expect(try Self.roundTrip(value).bitPattern == value.bitPattern)
        #expect(try Self.roundTrip([value]).map(\.bitPattern) == [value.bitPattern])
        let float = Float(value)
        #expect(try Self.roundTrip(float).bitPattern == float.bitPattern)
    }

    /// Optionals decode as they decode from JSON: a nil inside an optional is nil.
    @Test func optionalsRoundTripAsThroughJSON() throws {
        let value = Optionals()
        let throughJSON = try JSONDecoder().decode(Optionals.self, from: JSONEncoder().encode(value))
        #expect(try Self.roundTrip(value) == throughJSON)
        #expect(throughJSON.nestedSomeNone == .none)
        #expect(try Self.roundTrip(Int??.some(nil)) == .none)
        #expect(try Self.roundTrip(Int?.none) == nil)
    }

    @Test func collectionsRoundTrip() throws {
        #expect(try Self.roundTrip(Collections()) == Collections())
    }

    /// Dictionaries keyed by strings or integers encode in key order: equal values, equal bytes.
    @Test func dictionariesEncodeTheSameBytesWhateverTheirOrder() throws {
        var forward: [String: Int] = [:]
        var backward: [String: Int] = [:]
        for index in 0..<200 { forward["key \(index)"] = index }
        for index in (0..<200).reversed() { backward["key \(index)"] = index }
        let nested = ["outer": forward]
        #expect(try BinaryEncoder().encode(forward) == BinaryEncoder().encode(backward))
        #expect(try BinaryEncoder().encode(nested) == BinaryEncoder().encode(["outer": backward]))
        #expect(try Self.roundTrip(nested) == nested)
        let numbers = Dictionary(uniqueKeysWithValues: (0..<50).map { ($0 * 7 - 100, "\($0)") })
        #expect(try BinaryEncoder().encode(numbers) == BinaryEncoder().encode(Dictionary(uniqueKeysWithValues: numbers.reversed())))
    }

    // MARK: - Hand-written conformances

    /// Keys read in another order than written, keys the decoder does not know, keys it asks
    /// for that are not there.
    struct Written: Encodable {
        var a = 1, b = "two", c: [Int] = [3], d: Int? = nil, e = 5.5
    }

    struct ReadBackwards: Decodable, Equatable {
        var e: Double, c: [Int], a: Int, missing: Int?, d: Int?
        enum CodingKeys: CodingKey { case a, c, d, e, missing }

        init(e: Double, c: [Int], a: Int, missing: Int?, d: Int?) {
            (self.e, self.c, self.a, self.missing, self.d) = (e, c, a, missing, d)
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            e = try container.decode(Double.self, forKey: .e)
            c = try container.decode([Int].self, forKey: .c)
            a = try container.decode(Int.self, forKey: .a)
            missing = try container.decodeIfPresent(Int.self, forKey: .missing)
            d = try container.decodeIfPresent(Int.self, forKey: .d)
            #expect(!container.contains(.d))
            #expect(!container.contains(.missing))
            #expect(container.contains(.a))
            #expect(Set(container.allKeys.map(\.stringValue)) == ["a", "c", "e"])
        }
    }

    @Test func keysAreFoundInAnyOrder() throws {
        let bytes = try BinaryEncoder().encode(Written())
        #expect(try BinaryDecoder().decode(ReadBackwards.self, from: bytes) == ReadBackwards(e: 5.5, c: [3], a: 1, missing: nil, d: nil))
    }

    struct NeedsMissing: Decodable {
        var zzz: Int
    }

    @Test func aMissingKeyThrowsKeyNotFound() throws {
        let bytes = try BinaryEncoder().encode(Written())
        #expect {
            try BinaryDecoder().decode(NeedsMissing.self, from: bytes)
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "zzz"
        }
        // A nil given to encodeIfPresent is as missing as a key never written.
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Int.self, from: BinaryEncoder().encode(Int?.none)) }
    }

    @Test func aValueOfAnotherTypeThrowsTypeMismatch() throws {
        #expect {
            try BinaryDecoder().decode([String].self, from: BinaryEncoder().encode([1, 2]))
        } throws: { error in
            guard case DecodingError.typeMismatch = error else { return false }
            return true
        }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Int8.self, from: BinaryEncoder().encode(300)) }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(UInt.self, from: BinaryEncoder().encode(-1)) }
        // Integers of any width read back as any width they fit.
        #expect(try BinaryDecoder().decode(Int8.self, from: BinaryEncoder().encode(UInt64(100))) == 100)
    }

    /// A class hierarchy that shares its encoder with its superclass, and one that gives the
    /// superclass a `superEncoder`.
    class Base: Codable {
        var name: String
        init(name: String) { self.name = name }
    }

    final class SharedContainer: Base {
        var extra: Int
        enum CodingKeys: CodingKey { case extra }

        init(name: String, extra: Int) {
            self.extra = extra
            super.init(name: name)
        }

        required init(from decoder: any Decoder) throws {
            extra = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .extra)
            try super.init(from: decoder)
        }

        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(extra, forKey: .extra)
            try super.encode(to: encoder)
        }
    }

    final class SuperEncoded: Base {
        var extra: [Int]
        enum CodingKeys: CodingKey { case extra, base }

        init(name: String, extra: [Int]) {
            self.extra = extra
            super.init(name: name)
        }

        required init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            extra = try container.decode([Int].self, forKey: .extra)
            try super.init(from: container.superDecoder(forKey: .base))
            var unkeyed = try container.superDecoder().unkeyedContainer()
            #expect(try unkeyed.decode(String.self) == "unkeyed super")
        }

        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(extra, forKey: .extra)
            try super.encode(to: container.superEncoder(forKey: .base))
            var unkeyed = container.superEncoder().unkeyedContainer()
            try unkeyed.encode("unkeyed super")
        }
    }

    @Test func superclassesRoundTrip() throws {
        let shared = try Self.roundTrip(SharedContainer(name: "shared", extra: 7))
        #expect(shared.name == "shared" && shared.extra == 7)
        let superEncoded = try Self.roundTrip(SuperEncoded(name: "super", extra: [1, 2]))
        #expect(superEncoded.name == "super" && superEncoded.extra == [1, 2])
    }

    /// A value that encodes nothing reads back as an empty keyed container, as from JSON.
    struct Nothing: Codable, Equatable {
        init() {}
        init(from decoder: any Decoder) throws {}
        func encode(to encoder: any Encoder) throws {}
    }

    @Test func aValueThatEncodesNothingRoundTrips() throws {
        #expect(try Self.roundTrip([Nothing(), Nothing()]) == [Nothing(), Nothing()])
    }

    /// Writing to a container after a later one was finished throws; nothing is corrupted.
    struct OutOfOrder: Encodable {
        enum CodingKeys: CodingKey { case first, second }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            var first = container.nestedUnkeyedContainer(forKey: .first)
            try container.encode(2, forKey: .second)
            try first.encode(1)
        }
    }

    @Test func containersWrittenOutOfOrderThrow() {
        #expect(throws: EncodingError.self) { try BinaryEncoder().encode(OutOfOrder()) }
    }

    /// A value that fails half-way leaves nothing behind for a caller that goes on.
    struct Failing: Encodable {
        struct Failure: Error {}
        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode("half")
            throw Failure()
        }
    }

    struct Tolerant: Encodable {
        enum CodingKeys: CodingKey { case failing, kept }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try? container.encode(Failing(), forKey: .failing)
            try container.encode("kept", forKey: .kept)
        }
    }

    struct Kept: Decodable {
        var kept: String
        var failing: [String]?
    }

    @Test func aFailedValueIsRolledBack() throws {
        let kept = try BinaryDecoder().decode(Kept.self, from: BinaryEncoder().encode(Tolerant()))
        #expect(kept.kept == "kept" && kept.failing == nil)
    }
}
