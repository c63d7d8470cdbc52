import DossierSite
import Foundation
import Testing

/// Whole pages of the sample handbook (`content/`), compared byte for byte with the files in
/// `Golden/`. A change to a template, a view or the sample shows up here as a diff to look
/// at; re-record on purpose with `DOSSIER_RECORD=1 swift test --filter GoldenPageTests`.
///
/// Diagram SVGs are cut out (`<svg …>…</svg>` → `<svg/>`): Graphviz measures text with the
/// fonts installed, so their coordinates differ between machines. Their structure and
/// content are tested in DossierGraphvizTests.
@Suite("Golden pages", .serialized)
struct GoldenPageTests {
    static let pages = [
        "index.html", "profiles/index.html", "profiles/aws-expert/index.html", "profiles/documentation-expert/index.html",
        "matrix/index.html", "patterns/index.html", "graph/index.html", "patterns/data-pipeline-handoff/index.html",
        "about/index.html", "guides/aws-expert-serverless-api-with-python/index.html",
        "guides/aws-expert-serverless-api-with-python.md", "404.html",
    ]

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The sample handbook, built once for every test of the suite, into `.build/golden-site`
    /// (made again by each run: a folder in the temporary directory would be left behind by
    /// every run, since the suite has no end to clean up at).
    actor SampleSite {
        static let shared = SampleSite()
        private var output: URL?

        func folder() async throws -> URL {
            if let output { return output }
            let folder = repositoryRoot.appendingPathComponent(".build/golden-site")
            try? FileManager.default.removeItem(at: folder)
            var builder = SiteBuilder(root: repositoryRoot, output: folder)
            builder.useCache = false
            let report = await builder.build()
            try #require(report.committed, "the sample handbook did not build: \(report.summary)")
            output = folder
            return folder
        }
    }

    /// `<svg …>…</svg>` elements replaced by `<svg/>`, which no machine's fonts change.
    static func withoutDrawings(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<svg") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "</svg>") else {
                rest = rest[open.lowerBound...]
                break
            }
            result += "<svg/>"
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    @Test(arguments: pages)
    func pageMatchesItsGolden(_ page: String) async throws {
        let output = try await SampleSite.shared.folder()
        let text = Self.withoutDrawings(try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8))
        let file = Self.golden.appendingPathComponent(page.replacingOccurrences(of: "/", with: "__"))
        let existing = try? String(contentsOf: file, encoding: .utf8)
        if existing == nil || ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded Golden/\(file.lastPathComponent); look at it and run again")
            return
        }
        guard existing != text else { return }
        let old = existing!.split(separator: "\n", omittingEmptySubsequences: false)
        let new = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        Issue.record("""
            \(page) differs from Golden/\(file.lastPathComponent) from line \(first + 1):
            golden: \(first < old.count ? String(old[first]) : "(end of file)")
            now:    \(first < new.count ? String(new[first]) : "(end of file)")
            """)
    }

    @Test func drawingsAreCutOutWhole() {
        #expect(Self.withoutDrawings("a<svg x=\"1\"><g><text>t</text></g></svg>b<svg></svg>c") == "a<svg/>b<svg/>c")
        #expect(Self.withoutDrawings("no drawing") == "no drawing")
    }
}
