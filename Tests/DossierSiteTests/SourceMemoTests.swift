import Foundation
import Testing
@testable import DossierSite

/// `serve` reads the handbook after every edit; files whose stamp has not changed come from
/// the memo, and every change to a file's bytes is seen.
@Suite("Source memo")
struct SourceMemoTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-memo-\(UUID().uuidString)")

    func file(_ text: String, named name: String = "a.md") throws -> ContentFile {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return ContentFile(path: "content/profiles/\(name)", kind: .profile, url: url)
    }

    @Test func anUnchangedFileIsNotReadAgain() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let memo = SourceMemo()
        let file = try file("# Alpha\n")
        let first = Identified.read(file, memo: memo)
        #expect(first.text == "# Alpha\n")
        #expect(first.digest == KeyHasher.digest("# Alpha\n"))
        // What the memo holds is what comes back while the stamp is the same.
        var remembered = first
        remembered.text = "# Remembered\n"
        memo.keep(remembered, stamp: try #require(FileStamp(path: file.url.path)))
        #expect(Identified.read(file, memo: memo).text == "# Remembered\n")
        #expect(Identified.read(file, memo: nil).text == "# Alpha\n")
    }

    @Test func everyKindOfSaveIsSeen() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let memo = SourceMemo()
        let file = try file("# Alpha\n")
        _ = Identified.read(file, memo: memo)

        // Written in place. (A write of the same size within the same clock tick keeps the
        // stamp: serve forgets the files the watcher saw change, see below.)
        let handle = try FileHandle(forWritingTo: file.url)
        try handle.write(contentsOf: Data("# Bravo!\n".utf8))
        try handle.close()
        let inPlace = Identified.read(file, memo: memo)
        #expect(inPlace.text == "# Bravo!\n")
        #expect(inPlace.digest == KeyHasher.digest("# Bravo!\n"))

        // Saved by rename, as many editors do.
        let other = folder.appendingPathComponent(".a.md.swp")
        try Data("# Charlie\n".utf8).write(to: other)
        #expect(rename(other.path, file.url.path) == 0)
        #expect(Identified.read(file, memo: memo).text == "# Charlie\n")

        // Deleted: unreadable, and nothing remembered is served for it.
        try FileManager.default.removeItem(at: file.url)
        #expect(Identified.read(file, memo: memo).text == nil)
    }

    @Test func filesTheWatcherSawChangeAreReadAgain() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let memo = SourceMemo()
        let file = try file("# Alpha\n")
        var fake = Identified.read(file, memo: memo)
        fake.text = "# Remembered\n"
        memo.keep(fake, stamp: try #require(FileStamp(path: file.url.path)))
        memo.forget([file.path])
        #expect(Identified.read(file, memo: memo).text == "# Alpha\n")
        memo.keep(fake, stamp: try #require(FileStamp(path: file.url.path)))
        memo.forgetAll()
        #expect(Identified.read(file, memo: memo).text == "# Alpha\n")
    }

    @Test func filesNoLongerInTheHandbookAreForgotten() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let memo = SourceMemo()
        let a = try file("# Alpha\n", named: "a.md")
        let b = try file("# Bravo\n", named: "b.md")
        var fake = Identified.read(a, memo: memo)
        fake.text = "# Remembered\n"
        memo.keep(fake, stamp: try #require(FileStamp(path: a.url.path)))
        _ = Identified.read(b, memo: memo)
        memo.keepOnly([b.path])
        #expect(Identified.read(a, memo: memo).text == "# Alpha\n")
    }
}
