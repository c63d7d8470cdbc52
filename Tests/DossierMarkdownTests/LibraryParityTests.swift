import Foundation
import Testing
@testable import DossierMarkdown

/// Dossier's renderer against libcmark-gfm's own, on real files: the seed profile and the
/// shared corpus, parsed the way the build parses them.
@Suite(.enabled(if: SharedFixtures.exists("corpus/adlc"), "../shared/corpus is absent: library parity tests skipped"))
struct LibraryParityTests {
    static var files: [URL] {
        var urls = [SharedFixtures.url("seed/aws-expert.md")]
        for folder in ["corpus/adlc/profiles", "corpus/adlc/patterns"] {
            let dir = SharedFixtures.url(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            urls += names.filter { $0.hasSuffix(".md") }.sorted().map { dir.appendingPathComponent($0) }
        }
        return urls
    }

    @Test func everyFileRendersLikeTheLibrary() throws {
        let files = Self.files
        #expect(files.count >= 44)
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            var renderer = HTMLRenderer(document: MarkdownParser.parse(text))
            renderer.urlPolicy = .cmarkSafe
            let ours = renderer.render()
            let library = MarkdownParser.referenceHTML(text)
            #expect(ours == library, "\(url.lastPathComponent) differs from libcmark-gfm")
        }
    }
}
