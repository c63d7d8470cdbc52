import Foundation
import Testing
@testable import DossierSite

@Suite("Content scanner")
struct ContentScannerTests {
    @Test func findsVisibleRegularFilesSortedAndSkipsHiddenOnesAndLinks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-scan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "content/profiles/b.md", "content/profiles/a.md", "content/profiles/team/deep/c.md",
            "content/patterns/p.md", "content/about.md", "content/images/x.png", "content/profiles/notes.txt",
            "content/.git/config", "content/profiles/.draft.md", "content/.hidden/d.md", "outside/linked.md",
            "outside/folder/e.md",
        ]
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("# \(file)\n".utf8).write(to: url)
        }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/profiles/linked.md").path,
                                                   withDestinationPath: root.appendingPathComponent("outside/linked.md").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/linked-folder").path,
                                                   withDestinationPath: root.appendingPathComponent("outside/folder").path)

        let (markdown, statics) = ContentScanner.scan(root: root)
        #expect(markdown.map(\.path) == [
            "content/about.md", "content/patterns/p.md", "content/profiles/a.md", "content/profiles/b.md",
            "content/profiles/team/deep/c.md",
        ])
        #expect(markdown.map(\.kind) == [.page, .pattern, .profile, .profile, .profile])
        #expect(markdown[2].url.path == root.appendingPathComponent("content/profiles/a.md").standardizedFileURL.path)
        #expect(statics.map(\.sitePath) == ["images/x.png", "profiles/notes.txt"])
        #expect(try String(contentsOf: statics[0].url, encoding: .utf8) == "# content/images/x.png\n")
    }

    @Test func noContentFolderIsEmpty() {
        let (markdown, statics) = ContentScanner.scan(root: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"))
        #expect(markdown.isEmpty && statics.isEmpty)
    }
}
