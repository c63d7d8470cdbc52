import DossierCore
import DossierModel
import DossierRender
@testable import DossierSite
import Foundation
import Testing

/// The cache's real entries — the sample handbook's documents, the seed profile among them,
/// as a build stores them — read back exactly, and damaged entries never crash the reader.
@Suite("Cache entry coding")
struct CacheEntryCodingTests {
    /// The repository's sample handbook (`content/`, `dossier.yml`) built once with the
    /// cache: its entry files, and the entries as the build held them in memory.
    struct Built {
        let handbook: TemporaryHandbook
        let memory = DocumentMemory()
        let documents: Int

        init() async throws {
            var files: [String: String] = [:]
            let content = repositoryRoot.appendingPathComponent("content")
            let enumerator = FileManager.default.enumerator(atPath: content.path)
            while let path = enumerator?.nextObject() as? String {
                guard path.hasSuffix(".md") else { continue }
                files["content/" + path] = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
            }
            documents = files.count
            files["dossier.yml"] = try String(contentsOf: repositoryRoot.appendingPathComponent("dossier.yml"), encoding: .utf8)
            handbook = try TemporaryHandbook(files: files)
            let memory = memory
            let report = await handbook.build { $0.memory = memory }
            #expect(report.committed)
        }

        func files(_ folder: String) throws -> [(name: String, bytes: [UInt8])] {
            let url = handbook.root.appendingPathComponent(".dossier-cache/\(folder)")
            return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().map { name in
                (name, Array(try Data(contentsOf: url.appendingPathComponent(name))))
            }
        }

        /// The document entries in the cache's pack, by key, in the order they were stored.
        func documentEntries() -> [(key: String, bytes: [UInt8])] {
            let url = handbook.root.appendingPathComponent(".dossier-cache/\(DocumentPack.fileName)")
            let pack = DocumentPack(url: url)
            return DocumentPack.records(at: url.path).compactMap { record in pack.bytes(forKey: record.key).map { (record.key, $0) } }
        }

        /// The seed profile's entry as stored: its head (the `CachedDocument` in the binary
        /// coding) and the rest of its result.
        func seedRecord() throws -> [UInt8] {
            for (_, bytes) in documentEntries() {
                let entry = try CachedDocument.read(stored: bytes, keepingRest: false)
                if entry.result.record?.id == "aws-expert" { return bytes }
            }
            throw CocoaError(.fileNoSuchFile)
        }

        /// The seed profile's entry, the first of its record's two encodings.
        func seedEntry() throws -> [UInt8] {
            let record = try seedRecord()
            let count = Int(record[0]) | Int(record[1]) << 8 | Int(record[2]) << 16 | Int(record[3]) << 24
            return Array(record[4 ..< 4 + count])
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    @Test func documentEntriesReadBackExactly() async throws {
        let built = try await Built()
        let entries = built.documentEntries()
        #expect(entries.count == built.documents)
        #expect(Set(entries.map(\.key)).count == entries.count, "one record per document after one build")
        var sawSeed = false
        var sawFrontMatter = false
        for (name, bytes) in entries {
            let original = try #require(built.memory.entry(name))
            let decoded = try CachedDocument.read(stored: bytes, keepingRest: true)
            #expect(try original.stored() == bytes, "\(name)")
            #expect(try decoded.stored() == bytes, "\(name)")
            #expect(try Self.json(decoded) == Self.json(original), "\(name)")
            #expect(decoded.rest == original.rest, "\(name)")
            #expect(try CachedDocument.read(stored: bytes, keepingRest: false).rest == nil)
            let restBytes = try CachedDocument.rest(ofStored: bytes)
            #expect(decoded.rest == restBytes)
            let rest = try BinaryDecoder().decode(DocumentRest.self, from: restBytes)
            // What the guides decode of it is what it holds.
            let material = try BinaryDecoder().decode(GuideMaterial.self, from: restBytes)
            #expect(try Self.json(material.patterns) == Self.json(rest.patterns), "\(name)")
            #expect(try Self.json(material.profile?.knowledge) == Self.json(rest.profile?.knowledge), "\(name)")
            #expect(try Self.json(material.profile?.troubleshooting) == Self.json(rest.profile?.troubleshooting), "\(name)")
            if let profile = decoded.result.profile {
                sawFrontMatter = sawFrontMatter || !profile.frontMatter.isEmpty
                if profile.id == "aws-expert" {
                    sawSeed = true
                    #expect(!profile.capabilities.isEmpty && !decoded.result.patterns.isEmpty)
                    // The knowledge base, scores and implementation steps are in the rest only.
                    #expect(profile.knowledge.isEmpty && profile.scores.isEmpty)
                    #expect(decoded.result.patterns.allSatisfy { $0.implementation.isEmpty })
                    let whole = decoded.result.joined(with: rest)
                    #expect(!(whole.profile?.knowledge.isEmpty ?? true) && !(whole.profile?.scores.isEmpty ?? true))
                    #expect(whole.patterns.contains { !$0.implementation.isEmpty })
                    #expect(decoded.profileRows.count == CSVTables.tables.count && decoded.profileRows.contains { $0.contains("aws-expert") })
                }
            }
        }
        #expect(sawSeed && sawFrontMatter)
    }

    /// Splitting a document's result and joining the parts gives the result back, and
    /// splitting that gives the same parts: nothing is lost or duplicated between them.
    @Test func aResultSplitAndJoinedIsTheSame() async throws {
        let built = try await Built()
        var profiles = 0
        var patterns = 0
        var pages = 0
        for (name, bytes) in built.documentEntries() {
            let entry = try CachedDocument.read(stored: bytes, keepingRest: false)
            let rest = try BinaryDecoder().decode(DocumentRest.self, from: CachedDocument.rest(ofStored: bytes))
            let whole = entry.result.joined(with: rest)
            let (slim, restAgain) = whole.split()
            #expect(try BinaryEncoder().encode(slim) == BinaryEncoder().encode(entry.result), "\(name)")
            #expect(try BinaryEncoder().encode(restAgain) == BinaryEncoder().encode(rest), "\(name)")
            #expect(try BinaryEncoder().encode(slim.joined(with: restAgain)) == BinaryEncoder().encode(whole), "\(name)")
            if whole.profile != nil { profiles += 1 }
            patterns += whole.patterns.count
            if let page = whole.page {
                pages += 1
                #expect(entry.result.page?.sections.isEmpty == true)
                #expect(page.sections.count == rest.pageSections?.count)
            }
        }
        #expect(profiles > 0 && patterns > 0 && pages > 0, "\(profiles) profiles, \(patterns) patterns, \(pages) pages")
    }

    /// A record cut short or with a wrong length reads as an error, never a crash.
    @Test func aDamagedRecordThrows() async throws {
        let record = try await Built().seedRecord()
        for length in Self.positions(in: record.count) {
            let cut = Array(record[..<length])
            #expect(throws: (any Error).self, "cut at \(length)") { try CachedDocument.read(stored: cut, keepingRest: true).stored() }
            #expect(throws: (any Error).self, "cut at \(length)") { try BinaryDecoder().decode(DocumentRest.self, from: CachedDocument.rest(ofStored: cut)) }
        }
        for count: UInt32 in [0, 3, UInt32(record.count), .max] {
            var damaged = record
            withUnsafeBytes(of: count.littleEndian) { damaged.replaceSubrange(0..<4, with: $0) }
            #expect(throws: (any Error).self, "head of \(count) bytes") { try CachedDocument.read(stored: damaged, keepingRest: true) }
        }
    }

    @Test func outputStateReadsBackExactly() async throws {
        let built = try await Built()
        let states = try built.files("outputs")
        #expect(states.count == 1)
        for (_, bytes) in states {
            let decoded = try BinaryDecoder().decode(BuildCache.OutputState.self, from: bytes)
            #expect(!decoded.files.isEmpty && decoded.outcome != nil)
            #expect(try BinaryEncoder().encode(decoded) == bytes)
            #expect(try Self.json(BinaryDecoder().decode(BuildCache.OutputState.self, from: BinaryEncoder().encode(decoded))) == Self.json(decoded))
        }
    }

    /// Positions to damage: every byte of the header and the first and last 400, and a
    /// spread of the rest.
    static func positions(in count: Int) -> [Int] {
        let ends = Array(0..<min(400, count)) + Array(max(0, count - 400)..<count)
        return Array(Set(ends + Array(stride(from: 0, to: count, by: max(1, count / 700))))).sorted()
    }

    /// Decodes damaged bytes: a `DecodingError`, or (without the checksum) possibly a value;
    /// never a crash, a hang or another error.
    static func decodeDamaged(_ bytes: [UInt8], checksum: Bool) -> Bool {
        var decoder = BinaryDecoder()
        decoder.verifiesChecksum = checksum
        do {
            _ = try decoder.decode(CachedDocument.self, from: bytes)
            return true
        } catch is DecodingError {
            return false
        } catch {
            Issue.record("not a DecodingError: \(error)")
            return false
        }
    }

    @Test func aTruncatedEntryThrows() async throws {
        let bytes = try await Built().seedEntry()
        for length in Self.positions(in: bytes.count) {
            #expect(!Self.decodeDamaged(Array(bytes[..<length]), checksum: true), "cut at \(length)")
            #expect(!Self.decodeDamaged(Array(bytes[..<length]), checksum: false), "cut at \(length)")
        }
    }

    /// The value cut short with the key table kept (as if a writer had stopped half-way
    /// through it): the checks inside the value find it, not the header's.
    @Test func aTruncatedValueThrows() async throws {
        let bytes = try await Built().seedEntry()
        let table = Int(bytes[5]) | Int(bytes[6]) << 8 | Int(bytes[7]) << 16 | Int(bytes[8]) << 24
        let keys = bytes[table...]
        for length in Self.positions(in: table) where length > BinaryFormat.headerSize {
            var damaged = Array(bytes[..<length]) + keys
            withUnsafeBytes(of: UInt32(length).littleEndian) { damaged.replaceSubrange(5..<9, with: $0) }
            #expect(!Self.decodeDamaged(damaged, checksum: false), "value cut at \(length)")
        }
    }

    @Test func flippedBytesNeverCrash() async throws {
        let bytes = try await Built().seedEntry()
        var decodedWithoutChecksum = 0
        for position in Self.positions(in: bytes.count) {
            for mask: UInt8 in [0x01, 0x80, 0xFF, 0x3C] {
                var damaged = bytes
                damaged[position] ^= mask
                #expect(!Self.decodeDamaged(damaged, checksum: true), "byte \(position) ^ \(mask)")
                if Self.decodeDamaged(damaged, checksum: false) { decodedWithoutChecksum += 1 }
            }
        }
        // Without the checksum, a changed letter in a string still decodes; most damage does not.
        #expect(decodedWithoutChecksum > 0)
    }

    /// A file around `body`, with a right header (checksum included) and key table.
    static func file(_ body: [UInt8], keys: [String] = []) -> [UInt8] {
        var bytes = BinaryFormat.magic + [BinaryFormat.version]
        withUnsafeBytes(of: UInt32(BinaryFormat.headerSize + body.count).littleEndian) { bytes += $0 }
        var rest = body + [UInt8(keys.count)]
        for key in keys { rest += [UInt8(key.utf8.count)] + Array(key.utf8) }
        rest.withUnsafeBytes { raw in withUnsafeBytes(of: BinaryFormat.checksum(raw).littleEndian) { bytes += $0 } }
        return bytes + rest
    }

    /// Damage that a single flip does not reach: lengths at their extremes, a number that
    /// never ends, nesting deeper than the limit, a key index past the table.
    @Test func extremeDamageThrows() throws {
        #expect(try BinaryDecoder().decode([String: Int].self, from: Self.file([0x09, 2, 0, 0, 0, 0, 0x41], keys: ["a"])) == ["a": 1])
        let damaged: [(String, [UInt8], [String])] = [
            ("container longer than the file", [0x09, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0x41], ["a"]),
            ("container longer than its parent", [0x0A, 6, 0, 0, 0, 0x09, 2, 0, 0, 0, 0, 0x41], ["a"]),
            ("entry without a value", [0x09, 1, 0, 0, 0, 0], ["a"]),
            ("key index past the table", [0x09, 2, 0, 0, 0, 5, 0x41], ["a"]),
            ("string longer than the file", [0x0A, 3, 0, 0, 0, 0x08, 0xFF, 0x7F], []),
            ("number that never ends", [0x0A, 12, 0, 0, 0, 0x04] + [UInt8](repeating: 0xFF, count: 11), []),
            ("number too large", [0x0A, 11, 0, 0, 0, 0x05] + [UInt8](repeating: 0xFF, count: 9) + [0x02], []),
            ("unknown tag", [0x0A, 1, 0, 0, 0, 0x20], []),
            ("absent as an element", [0x0A, 1, 0, 0, 0, 0x0B], []),
            ("invalid UTF-8", [0x0A, 3, 0, 0, 0, 0x08, 1, 0xC3], []),
            ("bytes after the value", [0x09, 2, 0, 0, 0, 0, 0x41, 0x41], ["a"]),
            ("dictionary key longer than its entry", [0x0C, 3, 0, 0, 0, 5, 0x61, 0x41], []),
            ("dictionary key not UTF-8", [0x0C, 3, 0, 0, 0, 1, 0xFF, 0x41], []),
            ("dictionary entry without a value", [0x0C, 2, 0, 0, 0, 1, 0x61], []),
        ]
        for (what, body, keys) in damaged {
            #expect(throws: DecodingError.self, "\(what)") { try BinaryDecoder().decode([String: Int].self, from: Self.file(body, keys: keys)) }
            #expect(throws: DecodingError.self, "\(what)") { try BinaryDecoder().decode([String].self, from: Self.file(body, keys: keys)) }
            #expect(throws: DecodingError.self, "\(what)") { try BinaryDecoder().decode(JSONValue.self, from: Self.file(body, keys: keys)) }
        }
        let deep = (0..<(BinaryFormat.maximumDepth + 10)).reduce([0x01] as [UInt8]) { inner, _ in
            var bytes: [UInt8] = [0x0A]
            withUnsafeBytes(of: UInt32(inner.count).littleEndian) { bytes += $0 }
            return bytes + inner
        }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(JSONValue.self, from: Self.file(deep)) }
        // Not a file of this coding at all.
        let valid = Self.file([0x41])
        #expect(try BinaryDecoder().decode(Int.self, from: valid) == 1)
        for bytes in [[], Array(valid.prefix(BinaryFormat.headerSize)), Array("{\"a\": 1}".utf8),
                      [0x44, 0x53, 0x42, 0x43, 2] + valid.dropFirst(5)] {
            #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Int.self, from: bytes) }
        }
    }
}
