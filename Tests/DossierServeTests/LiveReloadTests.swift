import DossierServe
import Foundation
import Testing

/// Editing a running handbook: what the event stream says and what is served next.
@Suite struct LiveReloadTests {
    /// A server and a page listening to it (its `hello` already received).
    func withListeningPage(_ files: [String: String] = TestHandbook.twoProfiles,
                           _ body: (TestServer, TestHandbook, EventStreamClient) async throws -> Void) async throws {
        let handbook = try TestHandbook(files: files)
        let server = try await TestServer.start(handbook)
        let stream = try await EventStreamClient.connect(port: server.port)
        do {
            _ = try await stream.events.first("hello") { $0.name == "hello" }
            try await body(server, handbook, stream)
        } catch {
            stream.close()
            try? await server.stop()
            throw error
        }
        stream.close()
        try await server.stop()
    }

    static func isUpdate(_ event: EventStreamClient.Event) -> Bool { event.name == "update" }

    @Test func editingAProfileReloadsItsPageOnly() async throws {
        try await withListeningPage { server, handbook, stream in
            let before = try await server.get("/profiles/data-expert/")
            let tag = try #require(before.headers["etag"])
            try handbook.write("content/profiles/data-expert.md", TestHandbook.profile("Data Expert", "Now also streaming."))

            let update = try await stream.events.first("the update for data-expert", where: Self.isUpdate)
            #expect(update.paths.contains("profiles/data-expert/index.html"))
            #expect(!update.paths.contains("profiles/web-expert/index.html"))
            #expect(update.all == false)
            #expect(update.overlay == "")

            // The pages that list the profile follow in a second update. Asked for before it,
            // the page could carry either version; after it, the newest.
            let rest = try await stream.events.first("the update for the rest") { Self.isUpdate($0) && $0.version != update.version }
            let after = try await server.get("/profiles/data-expert/", headers: ["If-None-Match": tag])
            #expect(after.status == 200)
            #expect(after.text.contains("Now also streaming."))
            #expect(after.text.contains(#""version":"\#(rest.version)""#), "the page carries the version it shows")
        }
    }

    @Test func aSaveByRenameIsSeen() async throws {
        try await withListeningPage { server, handbook, stream in
            try handbook.saveByRename("content/profiles/web-expert.md", TestHandbook.profile("Web Expert", "Saved by rename."))
            let update = try await stream.events.first("the update after a rename", where: Self.isUpdate)
            #expect(update.paths.contains("profiles/web-expert/index.html"))
            #expect(try await server.get("/profiles/web-expert/").text.contains("Saved by rename."))
        }
    }

    @Test func aNewProfileIsPublishedAndItsMissingPageReloads() async throws {
        try await withListeningPage { server, handbook, stream in
            let missing = try await server.get("/profiles/new-expert/")
            #expect(missing.status == 404)
            #expect(missing.text.contains(#""profiles/new-expert/index.html""#), "the 404 page watches the address it was asked for")

            try handbook.write("content/profiles/team/new-expert.md", TestHandbook.profile("New Expert", "Arrived in a new folder."))
            let update = try await stream.events.first("the update for the new profile", where: Self.isUpdate)
            #expect(update.paths.contains("profiles/new-expert/index.html"))
            let page = try await server.get("/profiles/new-expert/")
            #expect(page.status == 200 && page.text.contains("Arrived in a new folder."))
            // The home page comes with the rest of the build, in the next update.
            let home = try await stream.events.first("the update for the home page") { Self.isUpdate($0) && $0.paths.contains("index.html") }
            #expect(home.version != update.version)
        }
    }

    @Test func anEditedPageIsShownBeforeThePagesThatListIt() async throws {
        try await withListeningPage { server, handbook, stream in
            try handbook.write("content/profiles/data-expert.md", TestHandbook.profile("Data Lake Expert", "Renamed."))
            let first = try await stream.events.first("the update for the edited page", where: Self.isUpdate)
            #expect(first.paths == ["profiles/data-expert/index.html"], "only the document's own page: \(first.paths)")
            let second = try await stream.events.first("the update for the rest") { Self.isUpdate($0) && $0.version != first.version }
            #expect(second.paths.contains("index.html"), "the home page lists the new title: \(second.paths)")
            #expect(second.paths.contains("data/dossier.json"))
            #expect(!second.paths.contains("profiles/data-expert/index.html"), "the page was already served")
            #expect(second.all == false)
            #expect(try await server.get("/").text.contains("Data Lake Expert"))
        }
    }

    @Test func aTemplateChangeReloadsEveryPage() async throws {
        try await withListeningPage { server, handbook, stream in
            try handbook.write("templates/404.mustache", "{{<base}}{{$content}}<h1>Lost here</h1>{{/content}}{{/base}}\n")
            let update = try await stream.events.first("the update after a template change", where: Self.isUpdate)
            #expect(update.all)
            #expect(update.paths == ["404.html"])
            #expect(try await server.get("/nope/").text.contains("Lost here"))
        }
    }

    @Test func aStylesheetChangeReloadsEveryPage() async throws {
        try await withListeningPage { _, handbook, stream in
            try handbook.write("content/extra.css", "body { color: red }\n")
            let update = try await stream.events.first("the update after a stylesheet change", where: Self.isUpdate)
            #expect(update.all)
            #expect(update.paths == ["extra.css"])
        }
    }

    /// A build with errors keeps the last good site and shows the errors over it; the next
    /// good build removes them. Neither makes the broken page reload.
    @Test func aBrokenBuildShowsTheOverlayOverTheLastGoodSite() async throws {
        try await withListeningPage { server, handbook, stream in
            try handbook.write("content/profiles/web-expert.md", bytes: Array("# Web Expert\n\n## Role ".utf8) + [0xFF, 0xFE] + Array(" broken\n".utf8))
            let broken = try await stream.events.first("the overlay", where: Self.isUpdate)
            #expect(broken.paths.isEmpty, "nothing reloads")
            #expect(broken.all == false)
            #expect(broken.overlay.contains(#"role="alertdialog""#))
            #expect(broken.overlay.contains("content/profiles/web-expert.md:3:9"))
            #expect(broken.overlay.contains("[text.invalid-utf8]"))
            #expect(broken.overlay.contains("## Role"), "the source line is shown")
            #expect(broken.overlay.contains("data-dossier-dismiss"))

            let kept = try await server.get("/profiles/web-expert/")
            #expect(kept.status == 200)
            #expect(kept.text.contains("Specialist in browsers."), "the last good page is still served")
            #expect(kept.text.contains(#"<div id="dossier-overlay""#), "with the overlay")
            #expect(try await server.get("/profiles/data-expert/").text.contains(#"<div id="dossier-overlay""#))

            try handbook.write("content/profiles/web-expert.md", TestHandbook.profile("Web Expert", "Fixed again."))
            let fixed = try await stream.events.first(from: stream.events.count, "the fix", where: Self.isUpdate)
            #expect(fixed.overlay == "")
            #expect(fixed.paths.contains("profiles/web-expert/index.html"))
            let page = try await server.get("/profiles/web-expert/")
            #expect(page.text.contains("Fixed again."))
            #expect(!page.text.contains(#"<div id="dossier-overlay""#))
        }
    }

    /// A rebuild that changes no file sends nothing: pages reload only for real changes.
    @Test func aRebuildWithoutChangesSendsNothing() async throws {
        try await withListeningPage { server, handbook, stream in
            let text = try String(contentsOf: handbook.root.appendingPathComponent("content/about.md"), encoding: .utf8)
            let builds = server.events.count
            try handbook.write("content/about.md", text)
            let unchanged = try await server.build(from: builds, "the rebuild after rewriting the same bytes")
            #expect(!unchanged.notified)
            #expect(unchanged.changes.isEmpty)

            try handbook.write("content/about.md", text + "\nOne more line.\n")
            let update = try await stream.events.first("the next real update", where: Self.isUpdate)
            #expect(update.paths.contains("about/index.html"))
            #expect(stream.events.all.filter(Self.isUpdate).count == 1, "no update came before the real one")
        }
    }

    /// Pages connect with the version they were served; `hello` tells them the current one.
    @Test func helloCarriesTheVersionPagesAreServedWith() async throws {
        try await withListeningPage { server, _, stream in
            let hello = try #require(stream.events.all.first { $0.name == "hello" })
            #expect(stream.events.all.first?.name == "retry")
            let page = try await server.get("/")
            #expect(page.text.contains(#""version":"\#(hello.version)""#))
        }
    }

    @Test func eventStreamsEndWhenTheServerStops() async throws {
        let handbook = try TestHandbook()
        let server = try await TestServer.start(handbook)
        let streams = [try await EventStreamClient.connect(port: server.port), try await EventStreamClient.connect(port: server.port)]
        for stream in streams { _ = try await stream.events.first("hello") { $0.name == "hello" } }
        try await server.stop()
        for stream in streams {
            try await withTimeout(.seconds(10), "the stream to end") {
                for await _ in stream.events.stream(from: 0) {}
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: handbook.scratch.path).isEmpty)
    }

    /// Edits made while a build runs are not lost: the last one is what ends up served
    /// (the merging itself is tested on `PendingChanges`).
    @Test func theLastOfManyQuickEditsIsServed() async throws {
        try await withListeningPage { server, handbook, stream in
            for n in 1...5 {
                try handbook.write("content/profiles/data-expert.md", TestHandbook.profile("Data Expert", "Revision \(n)."))
                try await Task.sleep(for: .milliseconds(60))  // past the quiet period: separate batches
            }
            // After each update, look at the page: the one after the last build shows revision 5.
            try await withTimeout(.seconds(60), "revision 5 to be served") {
                for await event in stream.events.stream(from: 0) where Self.isUpdate(event) {
                    if try await server.get("/profiles/data-expert/").text.contains("Revision 5.") { return }
                }
                throw WaitFailure(description: "the stream ended")
            }
        }
    }
}
