import Foundation
import Testing
@testable import DossierSite

@Suite("Document pack")
struct DocumentPackTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pack-\(UUID().uuidString)")
    var url: URL { folder.appendingPathComponent(DocumentPack.fileName) }

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    static func key(_ n: Int) -> String { String(repeating: String(n % 10), count: 64) }
    static func entry(_ n: Int, size: Int = 100) -> [UInt8] { (0..<size).map { UInt8(($0 + n) % 251) } }

    @Test func theLastRecordOfAKeyCounts() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = DocumentPack(url: url)
        pack.append(key: Self.key(1), bytes: Self.entry(1))
        pack.append(key: Self.key(2), bytes: Self.entry(2, size: 0))
        pack.append(key: Self.key(1), bytes: Self.entry(3, size: 7))
        pack.append(key: "short", bytes: Self.entry(4))  // not a key: not stored
        let reader = DocumentPack(url: url)
        #expect(reader.bytes(forKey: Self.key(1)) == Self.entry(3, size: 7))
        #expect(reader.bytes(forKey: Self.key(2)) == [])
        #expect(reader.bytes(forKey: Self.key(5)) == nil)
        #expect(DocumentPack.records(at: url.path).map(\.key) == [Self.key(1), Self.key(2), Self.key(1)])
    }

    @Test func aCutRecordEndsThePack() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = DocumentPack(url: url)
        pack.append(key: Self.key(1), bytes: Self.entry(1))
        pack.append(key: Self.key(2), bytes: Self.entry(2))
        let whole = try Data(contentsOf: url)
        for cut in [whole.count - 1, whole.count - 100, 172 + 3, 172 + 72 - 1] {
            try whole.prefix(cut).write(to: url)
            let records = DocumentPack.records(at: url.path)
            #expect(records.map(\.key) == [Self.key(1)], "cut at \(cut)")
            #expect(DocumentPack(url: url).bytes(forKey: Self.key(2)) == nil)
        }
        // Garbage where a header should be: nothing after it is read.
        try (whole.prefix(172) + Data("garbage that is not a record at all, long enough for a header ........".utf8)).write(to: url)
        #expect(DocumentPack.records(at: url.path).map(\.key) == [Self.key(1)])
        #expect(DocumentPack.records(at: folder.appendingPathComponent("missing").path).isEmpty)
    }

    @Test func appendsFromManyTasksStayWhole() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = DocumentPack(url: url)
        await withTaskGroup(of: Void.self) { group in
            for n in 0..<200 {
                group.addTask { pack.append(key: String(format: "%064d", n), bytes: Self.entry(n, size: 50 + n * 37)) }
            }
        }
        let records = DocumentPack.records(at: url.path)
        #expect(records.count == 200)
        let reader = DocumentPack(url: url)
        for n in 0..<200 {
            #expect(reader.bytes(forKey: String(format: "%064d", n)) == Self.entry(n, size: 50 + n * 37))
        }
    }

    @Test func compactionKeepsTheLiveEntriesOnceTheRestIsHalf() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = DocumentPack(url: url)
        for n in 1...4 { pack.append(key: Self.key(n), bytes: Self.entry(n)) }
        pack.compact(keeping: [Self.key(1), Self.key(2), Self.key(3)])  // one dead of four: kept as it is
        #expect(DocumentPack.records(at: url.path).count == 4)
        pack.append(key: Self.key(1), bytes: Self.entry(9))
        pack.compact(keeping: [Self.key(1)])  // four of five dead
        #expect(DocumentPack.records(at: url.path).map(\.key) == [Self.key(1)])
        #expect(pack.bytes(forKey: Self.key(1)) == Self.entry(9))
        #expect(pack.bytes(forKey: Self.key(2)) == nil)
        // The pack goes on being appended to after a compaction.
        pack.append(key: Self.key(2), bytes: Self.entry(2))
        #expect(DocumentPack(url: url).bytes(forKey: Self.key(2)) == Self.entry(2))
        #expect(DocumentPack(url: url).bytes(forKey: Self.key(1)) == Self.entry(9))
    }

    /// Another build compacts the pack (renames a new file over it) while this one reads.
    @Test func aReaderKeepsTheFileItIndexed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = DocumentPack(url: url)
        for n in 1...4 { writer.append(key: Self.key(n), bytes: Self.entry(n, size: 200 + n)) }
        let reader = DocumentPack(url: url)
        #expect(reader.bytes(forKey: Self.key(1)) == Self.entry(1, size: 201))
        DocumentPack(url: url).compact(keeping: [Self.key(4)])
        #expect(DocumentPack.records(at: url.path).map(\.key) == [Self.key(4)])
        for n in 1...4 { #expect(reader.bytes(forKey: Self.key(n)) == Self.entry(n, size: 200 + n)) }
    }
}
