@testable import DossierServe
import DossierSite
import Foundation
import Testing

/// `dossier serve` over real HTTP on loopback: what each kind of request gets.
@Suite struct ServerTests {
    /// A PNG's first bytes: enough to check binary files arrive unchanged.
    static let pngBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0x10]

    func withServer(_ files: [String: String] = TestHandbook.twoProfiles,
                    _ body: (TestServer, TestHandbook) async throws -> Void) async throws {
        let handbook = try TestHandbook(files: files)
        try handbook.write("content/images/logo.png", bytes: Self.pngBytes)
        try handbook.write("content/notes/readme.txt", "plain text\n")
        let server = try await TestServer.start(handbook)
        do {
            try await body(server, handbook)
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func servesPagesAndFilesWithTheirContentTypes() async throws {
        try await withServer { server, _ in
            let page = try await server.get("/profiles/data-expert/")
            #expect(page.status == 200)
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.text.contains("Specialist in data pipelines."))

            let expected = [
                "/assets/dossier.css": "text/css; charset=utf-8",
                "/assets/dossier.js": "text/javascript; charset=utf-8",
                "/assets/favicon.svg": "image/svg+xml",
                "/data/dossier.json": "application/json",
                "/data/capabilities.csv": "text/csv; charset=utf-8",
                "/notes/readme.txt": "text/plain; charset=utf-8",
                "/images/logo.png": "image/png",
            ]
            for (path, type) in expected {
                let response = try await server.get(path)
                #expect(response.status == 200, "\(path)")
                #expect(response.headers["content-type"] == type, "\(path)")
                #expect(response.headers["x-content-type-options"] == "nosniff", "\(path)")
            }
            #expect(try await server.get("/images/logo.png").body == Self.pngBytes)
            #expect(try await server.get("/notes/readme.txt").text == "plain text\n")
        }
    }

    @Test func foldersServeTheirIndex() async throws {
        try await withServer { server, _ in
            let home = try await server.get("/")
            #expect(home.status == 200)
            #expect(home.text.contains("Data Expert") && home.text.contains("Web Expert"))
            let explicit = try await server.get("/index.html")
            #expect(explicit.status == 200)
            let profiles = try await server.get("/profiles/")
            #expect(profiles.status == 200)
            #expect(profiles.text.contains("profiles/") || profiles.text.contains("data-expert/"))
            let about = try await server.get("/about/")
            #expect(about.text.contains("This handbook is for the tests."))
        }
    }

    @Test func aFolderWithoutItsSlashRedirectsKeepingTheQuery() async throws {
        try await withServer { server, _ in
            let response = try await server.get("/profiles/data-expert?tab=2")
            #expect(response.status == 302)
            #expect(response.headers["location"] == "/profiles/data-expert/?tab=2")
            #expect(try await server.get("/about").headers["location"] == "/about/")
        }
    }

    @Test func missesGetTheSites404PageWithStatus404() async throws {
        try await withServer { server, _ in
            for target in ["/nope/", "/nope", "/profiles/nobody/", "/assets/missing.css", "/profiles//data-expert/"] {
                let response = try await server.get(target)
                #expect(response.status == 404, "\(target)")
                #expect(response.headers["content-type"] == "text/html; charset=utf-8", "\(target)")
                #expect(response.text.contains("Page not found"), "\(target)")
                #expect(response.text.contains("/.dossier/events"), "\(target)")
            }
        }
    }

    @Test func entityTagsAnswerIfNoneMatchWith304() async throws {
        try await withServer { server, _ in
            for path in ["/assets/dossier.css", "/profiles/data-expert/", "/images/logo.png"] {
                let first = try await server.get(path)
                let tag = try #require(first.headers["etag"], "\(path)")
                #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""), "a strong tag: \(tag)")
                #expect(first.headers["cache-control"] == "no-cache")

                let again = try await server.get(path, headers: ["If-None-Match": tag])
                #expect(again.status == 304, "\(path)")
                #expect(again.body.isEmpty)
                #expect(again.headers["etag"] == tag)
                #expect(try await server.get(path, headers: ["If-None-Match": "\"other\", W/\(tag)"]).status == 304)
                #expect(try await server.get(path, headers: ["If-None-Match": "\"other\""]).status == 200)
            }
        }
    }

    @Test func headAnswersWithTheHeadersOnly() async throws {
        try await withServer { server, _ in
            for path in ["/profiles/data-expert/", "/assets/dossier.css", "/nope/"] {
                let get = try await server.get(path)
                let head = try await server.get(path, method: "HEAD")
                #expect(head.status == get.status, "\(path)")
                #expect(head.body.isEmpty, "\(path)")
                #expect(head.headers["content-length"] == String(get.body.count), "\(path)")
                #expect(head.headers["content-type"] == get.headers["content-type"], "\(path)")
            }
        }
    }

    /// Request targets that try to leave the site, sent byte for byte. `secret.txt` sits
    /// in the handbook root, beside content/, and must never be served.
    @Test func pathsOutsideTheSiteAreRefused() async throws {
        let targets = [
            "/../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/secret.txt",
            "/assets/..%2f..%2fsecret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/assets/..%5c..%5csecret.txt",
            "/a%00b", "/profiles/%00/", "/index.html%00.css", "/./secret.txt", "/profiles/./data-expert/",
            "/..\\secret.txt", "/assets\\..\\..\\secret.txt", "/%252e%252e/secret.txt", "/secret.txt",
            "/%zz/", "/%ff%fe/", "/%c0%ae%c0%ae/secret.txt",
        ]
        try await withServer { server, _ in
            for target in targets {
                let response = try await server.get(target)
                #expect([400, 404].contains(response.status), "\(target) → \(response.status)")
                #expect(!response.text.contains("TOP SECRET"), "\(target)")
                #expect(!response.text.contains("root:x:0"), "\(target)")
            }
            // The refusals that need no lookup are 400s, named as such.
            let dots = try await server.get("/%2e%2e/%2e%2e/etc/passwd")
            #expect(dots.status == 400)
            #expect(dots.text.contains(". or .. segment"))
            #expect(try await server.get("/assets/..%2f..%2fsecret.txt").status == 400)
            #expect(try await server.get("/a%00b").status == 400)
        }
    }

    /// On loopback, only names of this machine are answered: a site whose name resolves to
    /// 127.0.0.1 (DNS rebinding) cannot read the handbook through a visitor's browser.
    @Test func onLoopbackOnlyThisMachinesNamesAreAnswered() async throws {
        try await withServer { server, _ in
            for host in ["localhost:\(server.port)", "127.0.0.1", "[::1]:\(server.port)", "docs.localhost"] {
                #expect(try await server.get("/", headers: ["Host": host]).status == 200, "\(host)")
            }
            for host in ["attacker.example", "attacker.example:\(server.port)", "127.0.0.1.attacker.example", "192.168.1.20"] {
                let response = try await server.get("/", headers: ["Host": host])
                #expect(response.status == 403, "\(host)")
                #expect(!response.text.contains("Data Expert"))
            }
        }
    }

    @Test func theHostRule() {
        let loopback = HostCheck(configuration: ServeConfiguration(root: URL(fileURLWithPath: "/"), host: "127.0.0.2"))
        #expect(loopback.allows(nil))
        #expect(loopback.allows("127.0.0.2:4000"))
        #expect(loopback.allows("LOCALHOST"))
        #expect(!loopback.allows("localhost.attacker.example"))
        #expect(!loopback.allows(""))
        let network = HostCheck(configuration: ServeConfiguration(root: URL(fileURLWithPath: "/"), host: "0.0.0.0"))
        #expect(network.allows("my-laptop.lan:4000"))
        #expect(HostCheck.name(of: "[::1]:80") == "::1")
        #expect(!ServeConfiguration(root: URL(fileURLWithPath: "/"), host: "127.0.0.1.nip.io").isLoopbackOnly)
        #expect(ServeConfiguration(root: URL(fileURLWithPath: "/"), host: "127.1.2.3").isLoopbackOnly)
        #expect(HostCheck.name(of: "example.com") == "example.com")
    }

    @Test func onlyGetAndHeadAreServed() async throws {
        try await withServer { server, _ in
            let response = try await server.get("/", method: "POST")
            #expect(response.status == 405)
            #expect(response.headers["allow"] == "GET, HEAD")
        }
    }

    /// The event stream's folder starts with `.`, which no built site path can: the build
    /// skips hidden files and folders in content/ and templates/. A folder named like
    /// the stream's but without the dot is an ordinary part of the site.
    @Test func noSitePathCanTakeTheEventStreamsPath() async throws {
        var files = TestHandbook.twoProfiles
        files["content/.dossier/events.md"] = "# Hidden page\n"
        files["content/.dossier/events"] = "hidden file\n"
        files["content/team/.dossier/events.md"] = "# Hidden deeper\n"
        files["templates/.dossier/events"] = "hidden template asset\n"
        files["content/__dossier/events.md"] = "# Underscored\n\nAn ordinary page.\n"
        files["content/dossier/events.txt"] = "an ordinary file\n"
        let handbook = try TestHandbook(files: files)
        let built = await SnapshotBuilder(root: handbook.root, output: handbook.folder.appendingPathComponent("check")).build()
        let hidden = built.snapshot.files.keys.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }
        #expect(hidden.isEmpty, "\(hidden)")
        #expect(built.snapshot.files["__dossier/events/index.html"] != nil)

        let server = try await TestServer.start(handbook)
        let page = try await server.get("/__dossier/events/")
        let redirect = try await server.get("/__dossier/events")
        let file = try await server.get("/dossier/events.txt")
        try await server.stop()
        #expect(page.text.contains("An ordinary page."))
        #expect(redirect.status == 302)
        #expect(file.text == "an ordinary file\n")
    }

    @Test func theReservedPathIsNeverTheSite() async throws {
        try await withServer { server, _ in
            #expect(try await server.get("/.dossier/").status == 404)
            #expect(try await server.get("/.dossier/other").status == 404)
            let stream = try await EventStreamClient.connect(port: server.port)
            defer { stream.close() }
            #expect(stream.head.status == 200)
            #expect(stream.head.headers["content-type"] == "text/event-stream")
            #expect(stream.head.headers["cache-control"] == "no-cache")
        }
    }

    /// The script goes into HTML `serve` sends, before `</body>`, and nowhere else: not into
    /// other files, and never into what `dossier build` writes.
    @Test func theReloadScriptIsOnlyInServedHTML() async throws {
        try await withServer { server, handbook in
            let page = try await server.get("/profiles/web-expert/")
            let script = try #require(page.text.range(of: "<script>(function(c){"))
            let bodyEnd = try #require(page.text.range(of: "</body>", options: .backwards))
            #expect(script.upperBound <= bodyEnd.lowerBound)
            #expect(page.text.contains(#""watch":["profiles/web-expert/index.html"]"#))
            #expect(!(try await server.get("/assets/dossier.js").text.contains(".dossier/events")))
            #expect(!(try await server.get("/data/dossier.json").text.contains(".dossier/events")))

            let output = handbook.folder.appendingPathComponent("built")
            let report = await SiteBuilder(root: handbook.root, output: output).build()
            #expect(report.committed)
            let enumerator = try #require(FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil))
            var checked = 0
            for case let url as URL in enumerator where !url.hasDirectoryPath {
                let bytes = try Data(contentsOf: url)
                #expect(bytes.range(of: Data(".dossier/events".utf8)) == nil, "\(url.lastPathComponent)")
                checked += 1
            }
            #expect(checked > 5)
        }
    }

    @Test func rootSiteIsNeverWrittenAndThePrivateFolderIsRemoved() async throws {
        let handbook = try TestHandbook()
        let server = try await TestServer.start(handbook)
        let during = try FileManager.default.contentsOfDirectory(atPath: handbook.scratch.path)
        #expect(during.count == 1 && during[0].hasPrefix("dossier-serve-"), "\(during)")
        try await server.stop()
        #expect(!FileManager.default.fileExists(atPath: handbook.root.appendingPathComponent("site").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: handbook.scratch.path).isEmpty)
    }

    /// The path the command line takes on Ctrl-C: a signal the service group traps starts
    /// the graceful shutdown; open streams end, and the private folder is removed. (SIGUSR2
    /// here, so the test runner's own SIGINT and SIGTERM stay as they are.)
    @Test func aSignalShutsTheServerDownGracefully() async throws {
        let handbook = try TestHandbook()
        let server = try await TestServer.start(handbook, stopsOnSIGUSR2: true)
        let stream = try await EventStreamClient.connect(port: server.port)
        _ = try await stream.events.first("hello") { $0.name == "hello" }
        kill(getpid(), SIGUSR2)
        try await server.finished("the server to stop after the signal")
        try await withTimeout(.seconds(10), "the stream to end") {
            for await _ in stream.events.stream(from: 0) {}
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: handbook.scratch.path).isEmpty)
        await #expect(throws: (any Error).self) { try await server.get("/") }
    }

    @Test func aPortInUseIsAClearError() async throws {
        let handbook = try TestHandbook()
        let first = try await TestServer.start(handbook)
        let second = DevServer(configuration: ServeConfiguration(root: handbook.root, port: first.port, temporaryFolder: handbook.scratch))
        await #expect {
            try await withTimeout(.seconds(20), "the second server to fail") { try await second.run() }
        } throws: { error in
            guard case DevServer.Failure.cannotListen(_, let port, _) = error else { return false }
            return port == first.port && "\(error)".contains("--port")
        }
        try await first.stop()
        #expect(try FileManager.default.contentsOfDirectory(atPath: handbook.scratch.path).isEmpty)
    }

    @Test func aMissingRootIsAClearError() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-handbook-\(UUID().uuidString)")
        await #expect(throws: DevServer.Failure.self) {
            try await DevServer(configuration: ServeConfiguration(root: missing, port: 0)).run()
        }
    }

    /// A `base_url` with a path mounts the site there, as the real server would, so the 404
    /// page's links (which start from that path) work.
    @Test func aBaseURLPathMountsTheSiteThere() async throws {
        var files = TestHandbook.twoProfiles
        files["dossier.yml"] = "title: Mounted\nbase_url: https://handbook.example.com/team/handbook/\n"
        try await withServer(files) { server, _ in
            #expect(server.url.absoluteString.hasSuffix(":\(server.port)/team/handbook/"))
            let root = try await server.get("/?x=1")
            #expect(root.status == 302)
            #expect(root.headers["location"] == "/team/handbook/?x=1")
            #expect(try await server.get("/team/handbook").headers["location"] == "/team/handbook/")
            let home = try await server.get("/team/handbook/")
            #expect(home.status == 200 && home.text.contains("Mounted"))
            #expect(try await server.get("/team/handbook/profiles/data-expert/").status == 200)
            #expect(try await server.get("/profiles/data-expert/").status == 404)
        }
    }
}
