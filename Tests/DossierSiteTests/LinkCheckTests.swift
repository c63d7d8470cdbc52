import DossierCore
import DossierSite
import Foundation
import Testing

/// `dossier check --links`: every link and anchor of a built site resolves, on the sample
/// handbook and the real-world corpus; and the checker finds what is broken.
@Suite("Link check")
struct LinkCheckTests {
    @Test func theSampleHandbookHasNoBrokenLink() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var builder = SiteBuilder(root: repositoryRoot, output: output)
        builder.useCache = false
        #expect(await builder.build().committed)
        let broken = SiteLinkChecker(folder: output).check()
        #expect(broken.isEmpty, "\(broken.map(\.description).joined(separator: "\n"))")
    }

    @Test func theCorpusHasNoBrokenLink() async throws {
        guard let handbook = SharedCorpus.handbook() else {
            print("corpus link check skipped: \(SharedCorpus.source.path) is absent")
            return
        }
        #expect(await handbook.build().committed)
        let broken = SiteLinkChecker(folder: handbook.site).check()
        #expect(broken.isEmpty, "\(broken.map(\.description).joined(separator: "\n"))")
    }

    @Test func brokenLinksAndAnchorsAreFoundAtTheirLine() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let pages = [
            "index.html": """
            <a href="a/">ok</a> <a href="a/#part">ok</a>
            <a href="missing/">gone</a>
            <a href="a/#nowhere">no anchor</a> <img src="img/x.png"> <a href="https://example.org/">out</a>
            <a href="#top-of-page">own</a><span id="top-of-page"></span>
            """,
            "a/index.html": "<h2 id=\"part\">Part</h2><a href=\"../\">home</a> <a href=\"../data/x.json\">data</a>",
            "data/x.json": "{}",
        ]
        for (path, text) in pages {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let broken = SiteLinkChecker(folder: site).check()
        #expect(broken.count == 3)
        #expect(broken.allSatisfy { $0.location?.path == "index.html" })
        #expect(broken.map { $0.location?.line } == [2, 3, 3])
        #expect(broken.contains { $0.message.contains("missing/") })
        #expect(broken.contains { $0.message.contains("nowhere") })
        #expect(broken.contains { $0.message.contains("img/x.png") })
    }
}
