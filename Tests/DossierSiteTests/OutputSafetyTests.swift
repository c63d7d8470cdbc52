import DossierCore
@testable import DossierSite
import Foundation
import Testing
import DossierTestSupport

/// The output folder is replaced only as a whole, only when the build finished, and only
/// when it is Dossier's to replace.
struct OutputSafetyTests {
    @Test func refusesAFolderItDidNotBuild() async throws {
        let handbook = try TemporaryHandbook(files: ["content/a.md": "# A\n", "notes/keep.txt": "precious"])
        let report = await handbook.build(output: handbook.root.appendingPathComponent("notes"))
        #expect(!report.committed)
        let refusal = try #require(report.diagnostics.first { $0.code == "output.refused" })
        #expect(refusal.message.contains("not built by Dossier"))
        #expect(try String(contentsOf: handbook.root.appendingPathComponent("notes/keep.txt"), encoding: .utf8) == "precious")
        #expect((try FileManager.default.contentsOfDirectory(atPath: handbook.root.path)).allSatisfy { !$0.contains("dossier-new") })
    }

    @Test func refusesAFile() async throws {
        let handbook = try TemporaryHandbook(files: ["content/a.md": "# A\n", "site": "a file"])
        let report = await handbook.build()
        #expect(report.diagnostics.map(\.code) == ["output.refused"])
    }

    @Test func usesAnEmptyFolderAndReplacesItsOwnSite() async throws {
        let handbook = try TemporaryHandbook(files: ["content/a.md": "# A\n"])
        try FileManager.default.createDirectory(at: handbook.site, withIntermediateDirectories: true)
        #expect(await handbook.build().committed)
        try handbook.write("content/b.md", "# B\n")
        try FileManager.default.removeItem(at: handbook.root.appendingPathComponent("content/a.md"))
        #expect(await handbook.build().committed)
        #expect(handbook.exists("b/index.html"))
        #expect(!handbook.exists("a/index.html"))  // the old site was replaced, not merged
        #expect(handbook.exists(OutputFolder.markerName))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: handbook.root.path).filter { $0.hasPrefix(".site.dossier-") }
        #expect(leftovers.isEmpty)
    }

    /// A sink that fails after a few writes, as a full disk would.
    struct FailingSink: SiteSink {
        let inner: any SiteSink
        let failAt: Int
        let counter = Counter()

        final class Counter: @unchecked Sendable {
            private var value = 0
            private let lock = NSLock()
            func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
        }

        struct DiskFull: Error, CustomStringConvertible { var description: String { "No space left on device" } }

        func write(_ path: String, _ bytes: [UInt8]) throws {
            if counter.next() >= failAt { throw DiskFull() }
            try inner.write(path, bytes)
        }

        /// Each piece of a file written piece by piece counts as a write: the failure can
        /// come in the middle of the file, after the sink has begun writing it.
        func write(_ path: String, pieces: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
            try inner.write(path) { emit in
                try withoutActuallyEscaping(emit) { emit in
                    try pieces { piece in
                        if counter.next() >= failAt { throw DiskFull() }
                        try emit(piece)
                    }
                }
            }
        }
    }

    /// Both ways of writing: into a staging folder (a clean build) and file by file into the
    /// existing site (a build that follows another).
    @Test(arguments: [true, false])
    func aBuildThatFailsMidwayLeavesTheOldSiteUntouched(clean: Bool) async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/a.md": "# A\n", "content/profiles/b.md": "# B\n", "content/profiles/c.md": "# C\n",
        ])
        #expect(await handbook.build().committed)
        let before = try snapshot(of: handbook.site)

        try handbook.write("content/profiles/a.md", "# A changed\n")
        let report = await handbook.build { builder in
            builder.wrapSink = { FailingSink(inner: $0, failAt: 3) }
            builder.clean = clean
        }
        #expect(!report.committed)
        #expect(report.diagnostics.contains { $0.code == "output.write-failed" && $0.message.contains("No space left") })
        #expect(report.diagnostics.contains { $0.code == "output.not-replaced" })
        #expect(try snapshot(of: handbook.site) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: handbook.root.path).filter { $0.hasPrefix(".site.dossier-") }
        #expect(leftovers.isEmpty)
        // The next build, without the failure, writes the change.
        #expect(await handbook.build().committed)
        #expect(try handbook.read("profiles/a/index.html").contains("A changed"))
    }

    /// Without a scratch file, nothing can be built: the build says why, and the site stays
    /// as it was, in both ways of writing.
    @Test(arguments: [true, false])
    func aBuildWithoutAScratchFileLeavesTheOldSiteUntouched(clean: Bool) async throws {
        let handbook = try TemporaryHandbook(files: ["content/profiles/a.md": "# A\n", "content/profiles/b.md": "# B\n"])
        #expect(await handbook.build().committed)
        let before = try snapshot(of: handbook.site)

        try handbook.write("content/profiles/a.md", "# A changed\n")
        let missing = handbook.root.appendingPathComponent("no-such-folder").path
        let report = await handbook.build { builder in
            builder.scratchFolder = missing
            builder.clean = clean
        }
        #expect(!report.committed)
        let failure = try #require(report.diagnostics.first { $0.code == "output.spool-failed" })
        #expect(failure.severity == .error && failure.message.contains(missing) && failure.message.contains("TMPDIR"))
        #expect(try snapshot(of: handbook.site) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: handbook.root.path).filter { $0.hasPrefix(".site.dossier-") }
        #expect(leftovers.isEmpty)
        #expect(await handbook.build().committed)
        #expect(try handbook.read("profiles/a/index.html").contains("A changed"))
    }

    /// The export is written piece by piece; a failure after its first pieces are on disk
    /// still leaves the old site as it was, in both ways of writing.
    @Test(arguments: [true, false])
    func aFailureInTheMiddleOfTheExportLeavesTheOldSiteUntouched(clean: Bool) async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/a.md": "# A\n", "content/profiles/b.md": "# B\n",
        ])
        #expect(await handbook.build().committed)
        let before = try snapshot(of: handbook.site)

        try handbook.write("content/profiles/a.md", "# A changed\n")
        // Pages are written whole and count once each; the export's `{` is one piece, its
        // diagnostics another: fail after the pages, inside the export.
        let report = await handbook.build { builder in
            builder.wrapSink = { StreamFailingSink(inner: $0) }
            builder.clean = clean
        }
        #expect(!report.committed)
        #expect(report.diagnostics.contains { $0.code == "output.write-failed" && $0.message.contains("No space left") })
        #expect(try snapshot(of: handbook.site) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: handbook.root.path).filter { $0.hasPrefix(".site.dossier-") }
        #expect(leftovers.isEmpty)
        #expect(await handbook.build().committed)
        #expect(try handbook.read("data/dossier.json").contains("A changed"))
    }

    /// Fails the third piece of any file written piece by piece.
    struct StreamFailingSink: SiteSink {
        let inner: any SiteSink

        func write(_ path: String, _ bytes: [UInt8]) throws {
            try inner.write(path, bytes)
        }

        func write(_ path: String, pieces: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
            var count = 0
            try inner.write(path) { emit in
                try withoutActuallyEscaping(emit) { emit in
                    try pieces { piece in
                        count += 1
                        if count == 3 { throw FailingSink.DiskFull() }
                        try emit(piece)
                    }
                }
            }
        }
    }

    @Test func leftoversOfAKilledBuildAreCleanedUp() async throws {
        let handbook = try TemporaryHandbook(files: ["content/a.md": "# A\n"])
        let stale = handbook.root.appendingPathComponent(".site.dossier-new-99999")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data().write(to: stale.appendingPathComponent(OutputFolder.markerName))
        let foreign = handbook.root.appendingPathComponent(".site.dossier-new-notours")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        #expect(await handbook.build().committed)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: foreign.path))  // no marker: not ours to delete
    }
}

/// `OutputWriter.holds` compares a file with new bytes a block at a time.
struct FileComparisonTests {
    @Test func comparesWholeFilesAcrossBlocks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-holds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("f").path
        let big = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(big).write(to: URL(fileURLWithPath: path))
        #expect(OutputWriter.holds(path, big))
        var changed = big
        changed[(2 << 20) + 5] ^= 1
        #expect(!OutputWriter.holds(path, changed))
        #expect(!OutputWriter.holds(path, Array(big.dropLast())))
        #expect(!OutputWriter.holds(path, big + [0]))
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(OutputWriter.holds(path, []))
        #expect(!OutputWriter.holds(path, [1]))
        #expect(!OutputWriter.holds(folder.appendingPathComponent("missing").path, []))
    }

    @Test func comparesTwoFilesAcrossBlocks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-same-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
        let big = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var changed = big
        changed[(2 << 20) + 5] ^= 1
        let a = try file("a", big)
        #expect(OutputWriter.sameContents(a, try file("b", big)))
        #expect(!OutputWriter.sameContents(a, try file("c", changed)))
        #expect(!OutputWriter.sameContents(a, try file("d", Array(big.dropLast()))))
        #expect(!OutputWriter.sameContents(a, try file("e", big + [0])))
        #expect(OutputWriter.sameContents(try file("f", []), try file("g", [])))
        #expect(!OutputWriter.sameContents(a, folder.appendingPathComponent("missing").path))
    }
}
