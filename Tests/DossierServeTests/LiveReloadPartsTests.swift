import DossierCore
@testable import DossierServe
import Foundation
import Hummingbird
import Testing

/// The script, the overlay and the shared live state, on their own.
@Suite struct LiveReloadPartsTests {
    func inject(_ html: String, overlay: String? = nil) -> String {
        let result = LiveReloadScript.inject(into: ByteBuffer(string: html), overlay: overlay, version: "v-1", watch: .paths(["index.html"]))
        return String(buffer: result)
    }

    @Test func theScriptGoesBeforeTheLastBodyClose() {
        let page = inject("<html><body><p>x</p><!-- </body> in a comment --></BODY>\n</html>")
        let script = page.range(of: "<script>")!
        #expect(page.hasSuffix("</script></BODY>\n</html>"))
        #expect(page.range(of: "</BODY>")!.lowerBound > script.lowerBound)
        #expect(page.hasPrefix("<html><body><p>x</p><!-- </body> in a comment -->"))
    }

    @Test func aPageWithoutBodyCloseGetsItAtTheEnd() {
        let page = inject("<p>fragment</p>")
        #expect(page.hasPrefix("<p>fragment</p><script>"))
        #expect(page.hasSuffix("</script>"))
        #expect(inject("").hasPrefix("<script>"))
    }

    @Test func theOverlayComesBeforeTheScript() {
        let page = inject("<body></body>", overlay: "<div id=\"dossier-overlay\">x</div>")
        #expect(page.hasPrefix("<body><div id=\"dossier-overlay\">x</div><script>"))
    }

    /// Settings are JSON inside the script: a path that contains `</script>` cannot end it.
    @Test func settingsCannotCloseTheScript() {
        let tag = LiveReloadScript.tag(version: "v</script><script>alert(1)", watch: .paths(["a</script>.html"]))
        #expect(tag.components(separatedBy: "</script>").count == 2, "\(tag)")
        #expect(tag.contains("\\u003c/script>"))
        #expect(LiveReloadScript.tag(version: "v", watch: .anyUpdate).contains(#""any":true"#))
    }

    @Test func theOverlayListsEachErrorWithItsSourceLine() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("first\n\tcafé <b>x</b> here\r\nthird\n".utf8).write(to: root.appendingPathComponent("content/a.md"))
        let diagnostics: [Diagnostic] = [
            .warning("some.warning", "only a warning", at: SourceLocation(path: "content/a.md", line: 1)),
            .error("some.error", "a <bad> thing", at: SourceLocation(path: "content/a.md", line: 2, column: 8), notes: ["look here"]),
            .error("output.refused", "no place", at: nil),
            .error("gone.file", "file vanished", at: SourceLocation(path: "content/missing.md", line: 4)),
        ]
        let html = try #require(ErrorOverlay.html(for: diagnostics, root: root))
        #expect(html.hasPrefix(#"<div id="dossier-overlay" role="alertdialog""#))
        #expect(html.contains("The build has 3 errors"))
        #expect(!html.contains("only a warning"), "warnings go to the terminal, not the overlay")
        #expect(html.contains("content/a.md:2:8"))
        #expect(html.contains("a &lt;bad&gt; thing"))
        #expect(html.contains("[some.error]"))
        #expect(html.contains("note: look here"))
        // The line, escaped, without its CR; the caret under byte column 8 (`é` is two bytes).
        #expect(html.contains("2 | </span>\tcafé &lt;b&gt;x&lt;/b&gt; here\n"))
        #expect(html.contains(">\t     ^</span>"))
        #expect(html.contains("no place"))
        #expect(html.contains("content/missing.md:4:1"))
        #expect(html.contains("<button type=\"button\" data-dossier-dismiss"))
        #expect(ErrorOverlay.html(for: [diagnostics[0]], root: root) == nil)
    }

    @Test func theOverlayListsAtMostFiftyErrors() {
        let errors = (1...60).map { Diagnostic.error("e", "error \($0)", at: nil) }
        let html = ErrorOverlay.html(for: errors, root: URL(fileURLWithPath: "/nonexistent"))!
        #expect(html.contains("The build has 60 errors"))
        #expect(html.contains("and 10 more"))
        #expect(html.components(separatedBy: "<li ").count == 51)
    }

    static func snapshot(_ text: String) -> SiteSnapshot {
        SiteSnapshot(bytes: ["index.html": Array(text.utf8)], baseURL: "")
    }

    /// Good builds replace the site; a build with errors only shows its overlay; pages are
    /// told exactly when something they show changed.
    @Test func publishingBuilds() async throws {
        let live = LiveSite(instance: "test")
        let frames = live.listen()
        var iterator = frames.makeAsyncIterator()
        #expect(await iterator.next() == "retry: 500\n\nevent: hello\ndata: {\"version\":\"test-0\"}\n\n")

        let first = live.publish(Self.snapshot("one"), overlay: nil, sources: nil)
        #expect(first.notified && !first.keptPrevious)
        #expect(await iterator.next()?.contains(#""version":"test-1""#) == true)

        let same = live.publish(Self.snapshot("one"), overlay: nil, sources: ChangeBatch(paths: ["content/a.md"]))
        #expect(!same.notified)
        #expect(live.view.version == "test-1")

        let broken = live.publish(Self.snapshot("broken"), overlay: "<div>errors</div>", sources: nil)
        #expect(broken.notified && broken.keptPrevious)
        #expect(live.view.snapshot?.files["index.html"]?.body == ByteBuffer(string: "one"))
        #expect(live.view.overlay == "<div>errors</div>")
        let overlayFrame = try #require(await iterator.next())
        #expect(overlayFrame.contains(#""overlay":"<div>errors</div>""#) && overlayFrame.contains(#""paths":[]"#))

        let stillBroken = live.publish(Self.snapshot("broken"), overlay: "<div>errors</div>", sources: nil)
        #expect(!stillBroken.notified, "the same errors again send nothing")

        let fixed = live.publish(Self.snapshot("two"), overlay: nil, sources: nil)
        #expect(fixed.notified && fixed.changes.paths == ["index.html"])
        #expect(live.view.overlay == nil)
        let fixedFrame = try #require(await iterator.next())
        #expect(fixedFrame.contains(#""overlay":"""#) && fixedFrame.contains(#""paths":["index.html"]"#))

        live.close()
        #expect(await iterator.next() == nil)
        var late = live.listen().makeAsyncIterator()
        #expect(await late.next() == nil, "no new streams once closed")
    }

    /// Until a build succeeds, a build with errors is served: its pages are better than none.
    @Test func aBrokenFirstBuildIsServed() {
        let live = LiveSite(instance: "test")
        let first = live.publish(Self.snapshot("partial"), overlay: "<div>errors</div>", sources: nil)
        #expect(!first.keptPrevious)
        let second = live.publish(Self.snapshot("partial 2"), overlay: "<div>errors</div>", sources: nil)
        #expect(!second.keptPrevious && second.notified)
        _ = live.publish(Self.snapshot("good"), overlay: nil, sources: nil)
        let third = live.publish(Self.snapshot("broken"), overlay: "<div>errors</div>", sources: nil)
        #expect(third.keptPrevious)
        #expect(live.view.snapshot?.files["index.html"]?.body == ByteBuffer(string: "good"))
    }

    @Test func listenersThatGoAwayAreForgotten() async {
        let live = LiveSite()
        do {
            let stream = live.listen()
            #expect(live.listenerCount == 1)
            _ = stream
        }
        // The stream was dropped: its termination handler removed it.
        #expect(live.listenerCount == 0)
    }

    /// Changes that arrive while a build runs are merged into one batch: one more build,
    /// never two at once.
    @Test func pendingChangesMergeWhileABuildRuns() async throws {
        let pending = PendingChanges()
        let seen = Recording<ChangeBatch>()
        let active = Locked(0), mostAtOnce = Locked(0)
        let loop = Task {
            await pending.forEach { batch in
                let now = active.withLock { $0 += 1; return $0 }
                mostAtOnce.withLock { $0 = max($0, now) }
                seen.append(batch)
                if batch.paths.contains("content/1.md") {
                    // A slow build: three more batches arrive meanwhile.
                    for n in 2...4 { pending.add(ChangeBatch(paths: ["content/\(n).md"])) }
                    try? await Task.sleep(for: .milliseconds(50))
                }
                active.withLock { $0 -= 1 }
            }
        }
        pending.add(ChangeBatch(paths: ["content/1.md"]))
        let second = try await seen.first(from: 1, "the build after the slow one") { _ in true }
        #expect(second.paths == ["content/2.md", "content/3.md", "content/4.md"])
        pending.finish()
        await loop.value
        #expect(seen.count == 2)
        #expect(mostAtOnce.withLock { $0 } == 1)
    }
}
