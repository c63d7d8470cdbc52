@testable import DossierServe
import Hummingbird
import Testing

/// Which pages a rebuild reloads.
@Suite struct SiteChangesTests {
    static func snapshot(_ files: [String: String], baseURL: String = "") -> SiteSnapshot {
        SiteSnapshot(bytes: files.mapValues { Array($0.utf8) }, baseURL: baseURL)
    }

    static let before = snapshot([
        "index.html": "home", "profiles/a/index.html": "a", "profiles/b/index.html": "b",
        "assets/site.css": "css", "data/dossier.json": "{}", "search-index.js": "x=1",
    ])

    @Test func onlyThePagesWhoseBytesChanged() {
        var files = ["index.html": "home", "profiles/a/index.html": "a2", "profiles/b/index.html": "b",
                     "assets/site.css": "css", "data/dossier.json": "{\"a\":2}", "search-index.js": "x=2"]
        let changes = SiteChanges.between(Self.before, Self.snapshot(files), sources: ChangeBatch(paths: ["content/profiles/a.md"]))
        #expect(changes.paths == ["data/dossier.json", "profiles/a/index.html", "search-index.js"])
        #expect(!changes.reloadsEveryPage, "the export and the search index are not embedded in pages")
        #expect(changes.pages == ["profiles/a/"])

        files["profiles/c/index.html"] = "c"
        files["profiles/b/index.html"] = nil
        let added = SiteChanges.between(Self.before, Self.snapshot(files), sources: nil)
        #expect(added.paths.contains("profiles/c/index.html") && added.paths.contains("profiles/b/index.html"))
    }

    @Test func identicalBuildsChangeNothing() {
        let changes = SiteChanges.between(Self.before, Self.before, sources: ChangeBatch(paths: ["templates/base.mustache"]))
        #expect(changes.isEmpty)
        #expect(changes == .none)
    }

    @Test(arguments: ["assets/site.css", "assets/app.js", "images/logo.png", "favicon.svg", "fonts/a.woff2"])
    func whatPagesEmbedReloadsEveryPage(path: String) {
        var files = ["index.html": "home", "profiles/a/index.html": "a", "profiles/b/index.html": "b",
                     "assets/site.css": "css", "data/dossier.json": "{}", "search-index.js": "x=1"]
        files[path] = "changed"
        let changes = SiteChanges.between(Self.before, Self.snapshot(files), sources: nil)
        #expect(changes.reloadsEveryPage)
    }

    @Test(arguments: ["templates/base.mustache", "templates", "dossier.yml"])
    func sharedSourcesReloadEveryPage(source: String) {
        let after = Self.snapshot(["index.html": "home2", "profiles/a/index.html": "a", "profiles/b/index.html": "b",
                                   "assets/site.css": "css", "data/dossier.json": "{}", "search-index.js": "x=1"])
        #expect(SiteChanges.between(Self.before, after, sources: ChangeBatch(paths: [source])).reloadsEveryPage)
        #expect(!SiteChanges.between(Self.before, after, sources: ChangeBatch(paths: ["content/index.md"])).reloadsEveryPage)
    }

    @Test func lostEventsReloadEveryPage() {
        let after = Self.snapshot(["index.html": "home2", "profiles/a/index.html": "a", "profiles/b/index.html": "b",
                                   "assets/site.css": "css", "data/dossier.json": "{}", "search-index.js": "x=1"])
        #expect(SiteChanges.between(Self.before, after, sources: ChangeBatch(paths: [], overflowed: true)).reloadsEveryPage)
    }

    @Test func aNewMountReloadsEveryPage() {
        let moved = Self.snapshot(["index.html": "home", "profiles/a/index.html": "a", "profiles/b/index.html": "b",
                                   "assets/site.css": "css", "data/dossier.json": "{}", "search-index.js": "x=1"],
                                  baseURL: "https://example.com/handbook/")
        let changes = SiteChanges.between(Self.before, moved, sources: nil)
        #expect(changes.reloadsEveryPage)
        #expect(!changes.isEmpty)
    }

    /// Unchanged files are taken over from the served snapshot; a changed one never is,
    /// even when only one byte of the same length differs.
    @Test func rebuiltSnapshotsReuseOnlyIdenticalFiles() {
        let served = Self.snapshot(["a.html": "same", "b.css": "abcd", "c.txt": "", "d.js": "gone"])
        let next = SiteSnapshot(bytes: ["a.html": Array("same".utf8), "b.css": Array("abce".utf8), "c.txt": [], "e.md": Array("new".utf8)],
                                baseURL: "", reusing: served)
        #expect(next.files["a.html"]?.body == ByteBuffer(string: "same"))
        #expect(next.files["b.css"]?.body == ByteBuffer(string: "abce"))
        #expect(next.files["b.css"]?.hash != served.files["b.css"]?.hash)
        #expect(next.files["c.txt"]?.hash == served.files["c.txt"]?.hash)
        #expect(next.files["d.js"] == nil)
        #expect(SiteChanges.between(served, next, sources: nil).paths == ["b.css", "d.js", "e.md"])
        #expect(served.files["b.css"]?.hasBytes(Array("abcd".utf8)) == true)
        #expect(served.files["b.css"]?.hasBytes(Array("abcde".utf8)) == false)
    }

    @Test func batchesMergeKeepingTheEarliestNotice() {
        let early = ChangeBatch(paths: ["content/a.md"], noticed: .now)
        let late = ChangeBatch(paths: ["content/b.md"], overflowed: true, noticed: early.noticed + .milliseconds(5))
        let merged = late.merged(with: early)
        #expect(merged.paths == ["content/a.md", "content/b.md"])
        #expect(merged.overflowed)
        #expect(merged.noticed == early.noticed)
    }
}
