import DossierCore
@testable import DossierSite
import Foundation
import Testing
import DossierTestSupport

/// Builds with the cache write exactly what a build without it writes, touch only the files
/// whose bytes change, and never trust a cache they cannot read.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    static func profile(_ title: String, role: String, worksWith: [String] = [], pattern: String? = nil) -> String {
        var text = """
        # \(title)

        ## Role & Expertise
        \(role)

        ## Capability Confidence Levels

        ### Primary Expertise (≥0.85)
        *Consistently excellent*
        - Pipeline design: 0.91 (ten projects)
        - Data modelling: 0.88

        ### Secondary Expertise (0.60-0.84)
        *Competent*
        - Streaming: 0.72

        ## Service Expertise Matrix

        ### Compute Services
        - **Lambda**: 0.90 - functions
        - **Fargate**: 0.70 - containers

        """
        if !worksWith.isEmpty {
            text += "\n## Collaboration\n- **Works best with**:\n"
            for other in worksWith { text += "  - \(other) (shared work)\n" }
        }
        if let pattern {
            text += """

            ## Proven Architecture Patterns

            ### Pattern 1: \(pattern)
            **Confidence**: 0.90 · **Cost**: $10-20/month

            ```mermaid
            flowchart LR
              client[Client] -->|HTTPS| fn[Lambda] --> task[Fargate]
            ```

            **Rollback**:
            - Redeploy the previous version

            """
        }
        return text
    }

    /// A handbook with profiles that link to each other, a pattern document, a page with a
    /// link into another document's section, `content/index.md` and an image. The pattern's
    /// diagram has an edge label, so Graphviz lays it out and the cache stores the layout (a
    /// plain chain would be laid out without Graphviz, and nothing stored).
    static func handbook() throws -> TemporaryHandbook {
        let handbook = try TemporaryHandbook(files: [
            "dossier.yml": "title: Team\nbase_url: https://example.org/\n",
            "content/index.md": "Welcome. Start with [Ada](profiles/ada.md#role--expertise).\n",
            "content/profiles/ada.md": profile("Ada", role: "Data pipelines.", worksWith: ["bob"], pattern: "Queue Fan-out"),
            "content/profiles/bob.md": profile("Bob", role: "Cloud platforms.", worksWith: ["ada", "carol"]),
            "content/patterns/review.md": "# Review\n\n**Confidence**: 0.80\n\n## When to use\nBefore launch.\n\nSee [Bob](../profiles/bob.md#deep-dive).\n",
            "content/about.md": "# About\n\n![logo](img/logo.png)\n\nRead [Ada](profiles/ada.md).\n",
        ])
        try handbook.write("content/img/logo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 1, 2, 3])
        return handbook
    }

    /// Builds `handbook` into its site with the cache, and into a fresh folder without it,
    /// and expects the same files with the same bytes.
    @discardableResult
    static func expectSameAsClean(_ handbook: TemporaryHandbook, _ step: String, memory: DocumentMemory? = nil,
                                  sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> BuildReport {
        let incremental = await handbook.build { $0.memory = memory }
        #expect(incremental.committed, "\(step): not committed", sourceLocation: sourceLocation)
        let clean = handbook.root.appendingPathComponent("clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clean) }
        let reference = await handbook.build(output: clean) { $0.useCache = false }
        let a = try snapshot(of: handbook.site)
        let b = try snapshot(of: clean)
        #expect(a.keys.sorted() == b.keys.sorted(), "\(step): different files", sourceLocation: sourceLocation)
        for (path, bytes) in b where a[path] != bytes {
            Issue.record("\(step): \(path) differs from a clean build", sourceLocation: sourceLocation)
        }
        #expect(incremental.diagnostics.filter { $0.code != "cache.discarded" } == reference.diagnostics,
                "\(step): different diagnostics", sourceLocation: sourceLocation)
        #expect(incremental.pagesWritten == reference.pagesWritten, sourceLocation: sourceLocation)
        // No empty folder is left behind by deleted pages.
        let folders = try FileManager.default.subpathsOfDirectory(atPath: handbook.site.path).filter { path in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: handbook.site.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return exists && isDirectory.boolValue && (try? FileManager.default.contentsOfDirectory(atPath: handbook.site.appendingPathComponent(path).path))?.isEmpty == true
        }
        #expect(folders.isEmpty, "\(step): empty folders \(folders)", sourceLocation: sourceLocation)
        return incremental
    }

    @Test func anEditSequenceBuildsWhatCleanBuildsBuild() async throws {
        let handbook = try Self.handbook()
        let first = try await Self.expectSameAsClean(handbook, "first build")
        #expect(first.changedPaths == nil)
        #expect(first.pagesRendered == first.pagesWritten)

        let noop = try await Self.expectSameAsClean(handbook, "no change")
        #expect(noop.pagesRendered == 0)
        #expect(noop.changedPaths == [])

        try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "Data pipelines and warehouses.", worksWith: ["bob"], pattern: "Queue Fan-out"))
        let edit = try await Self.expectSameAsClean(handbook, "body edit")
        #expect(edit.changedPaths?.contains("profiles/ada/index.html") == true)
        #expect(edit.changedPaths?.contains("profiles/bob/index.html") == false)
        #expect(edit.pagesRendered < edit.pagesWritten)

        // Bob gains the section the pattern document links to: its link works again.
        try handbook.write("content/profiles/bob.md", Self.profile("Bob", role: "Cloud platforms.", worksWith: ["ada", "carol"]) + "\n## Deep Dive\nMore.\n")
        let anchor = try await Self.expectSameAsClean(handbook, "anchor added")
        #expect(anchor.changedPaths?.contains("patterns/review/index.html") == true)
        try handbook.write("content/profiles/bob.md", Self.profile("Bob", role: "Cloud platforms.", worksWith: ["ada", "carol"]))
        try await Self.expectSameAsClean(handbook, "anchor removed")

        try handbook.write("content/profiles/carol.md", Self.profile("Carol", role: "Security.", worksWith: ["ada"], pattern: "Zero Trust Edge"))
        let added = try await Self.expectSameAsClean(handbook, "profile added")
        #expect(added.changedPaths?.contains("profiles/carol/index.html") == true)

        try handbook.write("content/profiles/ada.md", Self.profile("Ada Lovelace", role: "Data pipelines and warehouses.", worksWith: ["bob"], pattern: "Queue Fan-out"))
        try await Self.expectSameAsClean(handbook, "title changed")

        try FileManager.default.moveItem(at: handbook.root.appendingPathComponent("content/profiles/carol.md"),
                                         to: handbook.root.appendingPathComponent("content/profiles/carol-security.md"))
        let renamed = try await Self.expectSameAsClean(handbook, "profile renamed")
        #expect(renamed.changedPaths?.contains("profiles/carol/index.html") == true)
        #expect(!handbook.exists("profiles/carol/index.html"))

        try FileManager.default.removeItem(at: handbook.root.appendingPathComponent("content/profiles/carol-security.md"))
        try await Self.expectSameAsClean(handbook, "profile deleted")
        #expect(!handbook.exists("guides/carol-security-zero-trust-edge/index.html"))

        try handbook.write("content/img/logo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 9, 9])
        let image = try await Self.expectSameAsClean(handbook, "image changed")
        #expect(image.changedPaths == ["img/logo.png"])

        try handbook.write("templates/partials/footer.mustache", "<footer>Our own footer</footer>\n")
        try await Self.expectSameAsClean(handbook, "template override")
        #expect(try handbook.read("profiles/bob/index.html").contains("Our own footer"))

        try handbook.write("dossier.yml", "title: Another Team\n")
        try await Self.expectSameAsClean(handbook, "configuration changed")
        #expect(!handbook.exists("sitemap.xml"))

        try handbook.write("content/profiles/bob.md", bytes: Array("# Bob\n\nbroken: ".utf8) + [0xFF])
        let broken = try await Self.expectSameAsClean(handbook, "file broken")
        #expect(broken.diagnostics.contains { $0.code == "text.invalid-utf8" })

        try FileManager.default.removeItem(at: handbook.root.appendingPathComponent("content/index.md"))
        try await Self.expectSameAsClean(handbook, "index removed")
    }

    /// `serve` keeps decoded entries in memory between builds: the same sequence of edits
    /// gives the same sites, and the memory is used (an entry on disk may even be gone).
    @Test func entriesRememberedBetweenBuildsGiveTheSameSites() async throws {
        let handbook = try Self.handbook()
        let memory = DocumentMemory()
        try await Self.expectSameAsClean(handbook, "first build", memory: memory)
        try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "Warehouses.", worksWith: ["bob"], pattern: "Queue Fan-out"))
        try await Self.expectSameAsClean(handbook, "edit", memory: memory)
        // Bob's entry is remembered: deleting it from disk changes nothing.
        try FileManager.default.removeItem(at: handbook.root.appendingPathComponent(".dossier-cache/\(DocumentPack.fileName)"))
        try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "Lakes.", worksWith: ["bob"], pattern: "Queue Fan-out"))
        let edit = try await Self.expectSameAsClean(handbook, "edit with entries gone from disk", memory: memory)
        #expect(edit.changedPaths?.contains("profiles/bob/index.html") == false)
        #expect(!edit.diagnostics.contains { $0.code == "cache.discarded" })
        // Ada's page and the aggregate pages but the pattern document's guide; no other page.
        #expect(edit.pagesRendered == 1 + (edit.pagesWritten - 4) - 1, "\(edit.pagesRendered) of \(edit.pagesWritten)")
        try handbook.write("content/profiles/carol.md", Self.profile("Carol", role: "Security.", worksWith: ["ada"]))
        try await Self.expectSameAsClean(handbook, "profile added", memory: memory)
    }

    @Test func unchangedFilesKeepTheirModificationTime() async throws {
        let handbook = try Self.handbook()
        _ = await handbook.build()
        let bob = handbook.site.appendingPathComponent("profiles/bob/index.html").path
        let ada = handbook.site.appendingPathComponent("profiles/ada/index.html").path
        let before = try FileManager.default.attributesOfItem(atPath: bob)
        let adaBefore = try FileManager.default.attributesOfItem(atPath: ada)
        try await Task.sleep(for: .milliseconds(20))
        try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "Changed role.", worksWith: ["bob"], pattern: "Queue Fan-out"))
        let report = await handbook.build()
        #expect(report.pagesRendered < report.pagesWritten)
        let after = try FileManager.default.attributesOfItem(atPath: bob)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect(try FileManager.default.attributesOfItem(atPath: ada)[.modificationDate] as? Date != adaBefore[.modificationDate] as? Date)
        #expect(try handbook.read("profiles/ada/index.html").contains("Changed role."))
    }

    /// The export is written as it is made, into a pending file compared with the site's:
    /// a change that leaves it the same (a template) keeps the file; one that changes a
    /// profile replaces it.
    @Test func theExportIsReplacedOnlyWhenItsBytesChange() async throws {
        let handbook = try Self.handbook()
        _ = await handbook.build()
        let export = handbook.site.appendingPathComponent("data/dossier.json").path
        let before = try FileManager.default.attributesOfItem(atPath: export)
        try handbook.write("templates/partials/footer.mustache", "<footer>Our own footer</footer>\n")
        let restyled = try await Self.expectSameAsClean(handbook, "template override")
        #expect(restyled.changedPaths?.contains("profiles/bob/index.html") == true)
        #expect(restyled.changedPaths?.contains("data/dossier.json") == false)
        #expect(try FileManager.default.attributesOfItem(atPath: export)[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)

        try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "Streams.", worksWith: ["bob"], pattern: "Queue Fan-out"))
        let edit = try await Self.expectSameAsClean(handbook, "body edit")
        #expect(edit.changedPaths?.contains("data/dossier.json") == true)
        #expect(try handbook.read("data/dossier.json").contains("Streams."))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: handbook.root.path).filter { $0.contains("dossier-pending") }
        #expect(leftovers.isEmpty)
    }

    /// A guide is made from its pattern and its owner: editing one profile renders its own
    /// guides again and keeps every other guide's files as they were.
    /// After one profile changed, the other documents' parts of `data/dossier.json` are
    /// copied from the previous file rather than encoded again: a change made to the old
    /// file by hand (same size) shows through. A file of another size is not read at all.
    @Test func theExportCopiesWhatDidNotChange() async throws {
        let handbook = try Self.handbook()
        _ = await handbook.build()
        let export = handbook.site.appendingPathComponent("data/dossier.json")
        let old = try String(contentsOf: export, encoding: .utf8)
        #expect(old.contains("Cloud platforms."))
        try old.replacingOccurrences(of: "Cloud platforms.", with: "Cloud platformz.").write(to: export, atomically: true, encoding: .utf8)
        try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "Data pipelines and warehouses.", worksWith: ["bob"], pattern: "Queue Fan-out"))
        _ = await handbook.build()
        let copied = try String(contentsOf: export, encoding: .utf8)
        #expect(copied.contains("Cloud platformz.") && copied.contains("Data pipelines and warehouses."))

        // One byte longer: the build cannot trust it, and writes what a clean build writes.
        try (copied + " ").write(to: export, atomically: true, encoding: .utf8)
        try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "Warehouses.", worksWith: ["bob"], pattern: "Queue Fan-out"))
        try await Self.expectSameAsClean(handbook, "export of another size")
    }

    @Test func aChangedProfileRendersOnlyItsOwnGuides() async throws {
        let handbook = try Self.handbook()
        try handbook.write("content/profiles/carol.md", Self.profile("Carol", role: "Security.", worksWith: ["ada"], pattern: "Zero Trust Edge"))
        try await Self.expectSameAsClean(handbook, "first build")
        let carolGuide = handbook.site.appendingPathComponent("guides/carol-zero-trust-edge/index.html").path
        let adaGuide = handbook.site.appendingPathComponent("guides/ada-queue-fan-out.md").path
        let carolBefore = try FileManager.default.attributesOfItem(atPath: carolGuide)[.modificationDate] as? Date
        let adaBefore = try String(contentsOfFile: adaGuide, encoding: .utf8)
        try await Task.sleep(for: .milliseconds(20))

        // Ada's matrix changes: her guide shows the new confidence, Carol's is kept.
        try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "Data pipelines.", worksWith: ["bob"], pattern: "Queue Fan-out")
            .replacingOccurrences(of: "- **Lambda**: 0.90 - functions", with: "- **Lambda**: 0.55 - functions"))
        let edit = try await Self.expectSameAsClean(handbook, "owner edited")
        #expect(edit.changedPaths?.contains("guides/ada-queue-fan-out/index.html") == true)
        #expect(edit.changedPaths?.contains("guides/carol-zero-trust-edge/index.html") == false)
        #expect(try FileManager.default.attributesOfItem(atPath: carolGuide)[.modificationDate] as? Date == carolBefore)
        #expect(try String(contentsOfFile: adaGuide, encoding: .utf8) != adaBefore)
        #expect(try handbook.read("guides/ada-queue-fan-out/index.html").contains("0.55"))
        // Rendered: Ada's page, and the aggregate pages but the guides of Carol and of the
        // pattern document.
        #expect(edit.pagesRendered == 1 + (edit.pagesWritten - 5) - 2, "\(edit.pagesRendered) of \(edit.pagesWritten)")

        // A new pattern elsewhere changes the handbook's list of patterns: every guide is
        // made again (related patterns may link to it), and still matches a clean build.
        try handbook.write("content/profiles/bob.md", Self.profile("Bob", role: "Cloud platforms.", worksWith: ["ada", "carol"], pattern: "Blue Green"))
        let added = try await Self.expectSameAsClean(handbook, "pattern added")
        #expect(added.changedPaths?.contains("guides/bob-blue-green/index.html") == true)
    }

    @Test func aDeletedOutputFileIsWrittenAgain() async throws {
        let handbook = try Self.handbook()
        _ = await handbook.build()
        try FileManager.default.removeItem(at: handbook.site.appendingPathComponent("profiles/bob/index.html"))
        try FileManager.default.removeItem(at: handbook.site.appendingPathComponent("matrix/index.html"))
        let report = try await Self.expectSameAsClean(handbook, "outputs deleted by hand")
        #expect(report.pagesRendered > 0)
    }

    @Test func aCorruptCacheIsDiscardedWithANote() async throws {
        let handbook = try Self.handbook()
        _ = await handbook.build()
        // Every entry's bytes damaged in the pack, its records still whole.
        let pack = handbook.root.appendingPathComponent(".dossier-cache/\(DocumentPack.fileName)")
        let damage = try FileHandle(forWritingTo: pack)
        for record in DocumentPack.records(at: pack.path) {
            try damage.seek(toOffset: UInt64(record.offset + record.length / 2))
            try damage.write(contentsOf: Data("{ not json".utf8))
        }
        try damage.close()
        // With nothing changed, no entry is read at all: the site is as the last build left it.
        let untouched = try await Self.expectSameAsClean(handbook, "corrupt entries, nothing changed")
        #expect(untouched.pagesRendered == 0)
        // One page changes: the other documents' entries are read, found corrupt, discarded
        // with a note, and those documents rendered again.
        try handbook.write("content/about.md", "# About\n\n![logo](img/logo.png)\n\nRead [Ada](profiles/ada.md) today.\n")
        let report = try await Self.expectSameAsClean(handbook, "corrupt entries")
        #expect(report.diagnostics.contains { $0.code == "cache.discarded" && $0.severity == .note })
        #expect(report.pagesRendered >= 5, "\(report.pagesRendered)")

        let outputs = handbook.root.appendingPathComponent(".dossier-cache/outputs")
        for name in try FileManager.default.contentsOfDirectory(atPath: outputs.path) {
            try Data([0, 1, 2]).write(to: outputs.appendingPathComponent(name))
        }
        let second = try await Self.expectSameAsClean(handbook, "corrupt state")
        #expect(second.diagnostics.contains { $0.code == "cache.discarded" })
        #expect(second.changedPaths == nil)
        // The notes are the user's, not the handbook's: the export does not carry them.
        #expect(!(try handbook.read("data/dossier.json")).contains("cache.discarded"))
    }

    @Test func aCacheFromAnotherDossierIsNotTrusted() async throws {
        let handbook = try Self.handbook()
        _ = await handbook.build()
        let outputs = handbook.root.appendingPathComponent(".dossier-cache/outputs")
        for name in try FileManager.default.contentsOfDirectory(atPath: outputs.path) {
            let url = outputs.appendingPathComponent(name)
            var state = try BinaryDecoder().decode(BuildCache.OutputState.self, from: Data(contentsOf: url))
            state.tool = "an older dossier"
            try Data(BinaryEncoder().encode(state)).write(to: url)
        }
        try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "Edited under another version.", worksWith: ["bob"]))
        let report = try await Self.expectSameAsClean(handbook, "other version")
        #expect(report.diagnostics.contains { $0.code == "cache.discarded" && $0.message.contains("another build of Dossier") })
        #expect(report.pagesRendered == report.pagesWritten)
    }

    /// The cache of a Dossier that wrote JSON (format 4 and before: `documents/<key>.json`,
    /// `outputs/<digest>.json`) is discarded with the note, every file of it deleted; so is
    /// format 5's folder of entries (`documents/<key>.bin`).
    @Test func aCacheOfAnEarlierFormatIsDiscarded() async throws {
        let handbook = try Self.handbook()
        _ = await handbook.build()
        let cache = handbook.root.appendingPathComponent(".dossier-cache")
        let outputs = cache.appendingPathComponent("outputs")
        for name in try FileManager.default.contentsOfDirectory(atPath: outputs.path) {
            try FileManager.default.moveItem(at: outputs.appendingPathComponent(name),
                                             to: outputs.appendingPathComponent(name.replacingOccurrences(of: ".bin", with: ".json")))
        }
        let legacy = cache.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: legacy, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: legacy.appendingPathComponent(String(repeating: "a", count: 64) + ".json"))
        try Data([1, 2, 3]).write(to: legacy.appendingPathComponent(String(repeating: "b", count: 64) + ".bin"))
        try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "Edited after an upgrade.", worksWith: ["bob"]))
        let report = try await Self.expectSameAsClean(handbook, "JSON cache")
        #expect(report.diagnostics.contains { $0.code == "cache.discarded" && $0.message.contains("another build of Dossier") })
        #expect(report.pagesRendered == report.pagesWritten)
        #expect(!FileManager.default.fileExists(atPath: legacy.path))
        let names = try FileManager.default.contentsOfDirectory(atPath: outputs.path)
        #expect(!names.isEmpty && names.allSatisfy { $0.hasSuffix(".bin") }, "\(names)")
        #expect(!DocumentPack.records(at: cache.appendingPathComponent(DocumentPack.fileName).path).isEmpty)
        let next = await handbook.build()
        #expect(next.pagesRendered == 0)
        #expect(!next.diagnostics.contains { $0.code == "cache.discarded" })
    }

    @Test func cleanIgnoresTheCache() async throws {
        let handbook = try Self.handbook()
        _ = await handbook.build()
        let report = await handbook.build { $0.clean = true }
        #expect(report.committed)
        #expect(report.pagesRendered == report.pagesWritten)
        #expect(report.changedPaths == nil)
        // …and leaves a cache the next build uses.
        let next = await handbook.build()
        #expect(next.pagesRendered == 0)
    }

    @Test func unusedEntriesAndLayoutsAreDeleted() async throws {
        let handbook = try Self.handbook()
        // Chains are laid out without Graphviz and not stored; a cycle goes to Graphviz.
        try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "Data pipelines.", worksWith: ["bob"], pattern: "Queue Fan-out")
            + "\n## Retries\n\n```mermaid\ngraph LR\n  Queue --> Worker\n  Worker --> Queue\n```\n")
        _ = await handbook.build()
        let cache = handbook.root.appendingPathComponent(".dossier-cache")
        let layouts = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("layouts").path)
        #expect(!layouts.isEmpty)
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("CACHEDIR.TAG").path))
        try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "No pattern any more.", worksWith: ["bob"]))
        _ = await handbook.build()
        // Entries no build uses stay in the pack until they are half of it.
        let pack = cache.appendingPathComponent(DocumentPack.fileName).path
        #expect(DocumentPack.records(at: pack).count == 6)  // index, ada twice, bob, review, about
        var counts: [Int] = []
        for edit in 1...8 {
            try handbook.write("content/profiles/ada.md", Self.profile("Ada", role: "Edit \(edit).", worksWith: ["bob"]))
            _ = await handbook.build()
            counts.append(DocumentPack.records(at: pack).count)
        }
        // Without compaction the pack would hold 6 + 8 records; once the dead ones are half
        // of it, it is rewritten with the 5 live ones.
        #expect(counts.contains(5) && counts.max()! < 14, "\(counts)")
        #expect(try await Self.expectSameAsClean(handbook, "after compactions").pagesRendered == 0)
        let remaining = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("layouts").path)
        #expect(remaining.count < layouts.count)
    }
}
