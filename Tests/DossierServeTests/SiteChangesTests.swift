@testable import DossierServe
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

    @Test func batchesMergeKeepingTheEarliestNotice() {
        let early = ChangeBatch(paths: ["content/a.md"], noticed: .now)
        let late = ChangeBatch(paths: ["content/b.md"], overflowed: true, noticed: early.noticed + .milliseconds(5))
        let merged = late.merged(with: early)
        #expect(merged.paths == ["content/a.md", "content/b.md"])
        #expect(merged.overflowed)
        #expect(merged.noticed == early.noticed)
    }
}
