@testable import DossierServe
import Testing

/// Parsing raw request targets, and finding what they name in a snapshot.
@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/", [], true, ""),
        ("/index.html", ["index.html"], false, ""),
        ("/profiles/aws-expert/", ["profiles", "aws-expert"], true, ""),
        ("/profiles/aws-expert?tab=2#x", ["profiles", "aws-expert"], false, "?tab=2"),
        ("/caf%C3%A9/", ["café"], true, ""),
        ("/a%20b.txt", ["a b.txt"], false, ""),
        ("/a//b", ["a", "", "b"], false, ""),
        ("/%252e%252e/", ["%2e%2e"], true, ""),
        ("/...", ["..."], false, ""),
    ] as [(String, [String], Bool, String)])
    func acceptedTargets(raw: String, segments: [String], isFolder: Bool, query: String) throws {
        let target = try RequestTarget.parse(raw).get()
        #expect(target.segments == segments)
        #expect(target.isFolder == isFolder)
        #expect(target.query == query)
    }

    @Test(arguments: [
        ("*", RequestTarget.Refusal.notAPath),
        ("http://example.com/", .notAPath),
        ("", .notAPath),
        ("/../etc/passwd", .dotSegment),
        ("/a/./b", .dotSegment),
        ("/a/..", .dotSegment),
        ("/%2e%2e/%2e%2e/etc/passwd", .dotSegment),
        ("/%2E/", .dotSegment),
        ("/assets/..%2f..%2fsecret", .forbiddenCharacter),
        ("/assets/%2F", .forbiddenCharacter),
        ("/a%5cb", .forbiddenCharacter),
        ("/a\\b", .forbiddenCharacter),
        ("/a%00b", .forbiddenCharacter),
        ("/a%0d%0aSet-Cookie:x", .forbiddenCharacter),
        ("/a%7f", .forbiddenCharacter),
        ("/%zz", .badEncoding),
        ("/%4", .badEncoding),
        ("/%ff", .badEncoding),
        ("/%c0%ae%c0%ae/", .badEncoding),
    ] as [(String, RequestTarget.Refusal)])
    func refusedTargets(raw: String, refusal: RequestTarget.Refusal) {
        #expect(throws: refusal) { try RequestTarget.parse(raw).get() }
    }

    static let snapshot = SiteSnapshot(files: [
        "index.html": SiteFile(bytes: Array("home".utf8), path: "index.html"),
        "about/index.html": SiteFile(bytes: Array("about".utf8), path: "about/index.html"),
        "assets/site.css": SiteFile(bytes: Array("css".utf8), path: "assets/site.css"),
        "404.html": SiteFile(bytes: Array("missing".utf8), path: "404.html"),
    ])

    func resolve(_ raw: String, in snapshot: SiteSnapshot = snapshot) throws -> SiteSnapshot.Resolution {
        snapshot.resolve(try RequestTarget.parse(raw).get())
    }

    @Test func foldersFilesAndRedirects() throws {
        #expect(try resolve("/") == .file("index.html"))
        #expect(try resolve("/index.html") == .file("index.html"))
        #expect(try resolve("/about/") == .file("about/index.html"))
        #expect(try resolve("/about") == .redirect("/about/"))
        #expect(try resolve("/about?x=1") == .redirect("/about/?x=1"))
        #expect(try resolve("/assets/site.css") == .file("assets/site.css"))
        #expect(try resolve("/assets/site.css/") == .notFound)
        #expect(try resolve("/assets/") == .notFound)
        #expect(try resolve("/missing") == .notFound)
        #expect(try resolve("//about/") == .notFound)
    }

    @Test func aMountedSiteAnswersUnderItsPathOnly() throws {
        var mounted = Self.snapshot
        mounted.mount = SiteSnapshot.mount(forBaseURL: "https://example.com/docs/handbook/")
        #expect(mounted.mount == ["docs", "handbook"])
        #expect(mounted.rootPath == "/docs/handbook/")
        #expect(try resolve("/", in: mounted) == .redirect("/docs/handbook/"))
        #expect(try resolve("/?a=b", in: mounted) == .redirect("/docs/handbook/?a=b"))
        #expect(try resolve("/docs/handbook", in: mounted) == .redirect("/docs/handbook/"))
        #expect(try resolve("/docs/handbook/", in: mounted) == .file("index.html"))
        #expect(try resolve("/docs/handbook/about", in: mounted) == .redirect("/docs/handbook/about/"))
        #expect(try resolve("/docs/handbook/assets/site.css", in: mounted) == .file("assets/site.css"))
        #expect(try resolve("/about/", in: mounted) == .notFound)
        #expect(try resolve("/docs/", in: mounted) == .notFound)
        var spaced = Self.snapshot
        spaced.mount = SiteSnapshot.mount(forBaseURL: "https://example.com/my%20handbook/")
        #expect(spaced.mount == ["my handbook"])
        #expect(try resolve("/", in: spaced) == .redirect("/my%20handbook/"))
        #expect(try resolve("/my%20handbook/", in: spaced) == .file("index.html"))
        #expect(SiteSnapshot.mount(forBaseURL: "") == [])
        #expect(SiteSnapshot.mount(forBaseURL: "https://example.com") == [])
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("a/b/page.HTM", "text/html; charset=utf-8"),
        ("assets/dossier.css", "text/css; charset=utf-8"),
        ("search-index.js", "text/javascript; charset=utf-8"),
        ("data/dossier.json", "application/json"),
        ("data/scores.csv", "text/csv; charset=utf-8"),
        ("guides/x.md", "text/markdown; charset=utf-8"),
        ("sitemap.xml", "application/xml"),
        ("notes.txt", "text/plain; charset=utf-8"),
        ("assets/favicon.svg", "image/svg+xml"),
        ("favicon.ico", "image/x-icon"),
        ("images/a.png", "image/png"),
        ("images/a.JPG", "image/jpeg"),
        ("fonts/a.woff2", "font/woff2"),
        ("archive.tar.unknown", "application/octet-stream"),
        ("Makefile", "application/octet-stream"),
        ("folder.d/file", "application/octet-stream"),
    ])
    func contentTypes(path: String, type: String) {
        #expect(ContentType.forPath(path) == type)
    }
}
