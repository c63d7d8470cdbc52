import DossierCore
import DossierExtract
import DossierGraphviz
import DossierModel
import DossierRender
import Foundation

/// Inputs the benchmarks share: the seed profile of the repository, a site to render it
/// with, and handbook models of N profiles for the search index and the export.
public enum Fixtures {
    /// The repository root: four folders above this file
    /// (`Benchmarks/Sources/DossierBenchSupport/Fixtures.swift`).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    /// The seed profile, relative to the repository root (and to a handbook root).
    public static let seedPath = "content/profiles/aws-expert.md"
    public static let seedID = "aws-expert"
    public static let seedPage = "profiles/aws-expert/"

    /// The seed profile's text, read once.
    public static let seedText: String = {
        let url = repositoryRoot.appendingPathComponent(seedPath)
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else {
            fatalError("cannot read the seed profile at \(url.path); run the benchmarks from a Dossier checkout")
        }
        return text
    }()

    /// The seed profile extracted, as `dossier build` extracts it.
    public static func extractSeed() -> ExtractedDocument {
        Extractor.extract(text: seedText, path: seedPath, kind: .profile, id: seedID)
    }

    /// The record `dossier build` makes for a document (summary simplified to a prefix).
    public static func record(_ extracted: ExtractedDocument, page: String, path: String) -> DocumentRecord {
        DocumentRecord(
            id: extracted.id, kind: extracted.kind, title: extracted.title,
            summary: String((extracted.description ?? "").prefix(200)),
            source: SourceRef(path: path, line: 1),
            outline: extracted.headings.map { OutlineHeading(level: $0.level, text: $0.text, id: $0.anchor, line: $0.line) },
            page: page, template: extracted.template)
    }

    /// The built-in templates, loaded once.
    public static let templates: TemplateSet = TemplateSet.load(overrides: nil).0

    /// A site to render the seed profile with: built-in templates, the standard navigation,
    /// and the given Graphviz renderer (its layout cache lives as long as it does).
    public static func site(graphviz: GraphvizRenderer = GraphvizRenderer()) -> RenderSite {
        let config = SiteConfig(title: "Benchmark Handbook", description: "Benchmarks of the Dossier pipeline.")
        return RenderSite(chrome: PageChrome(site: config, nav: PageChrome.standardNavigation), templates: templates,
                          graphviz: graphviz, profilePages: [seedID: seedPage], profileTitles: [seedID: "AWS Expert"])
    }

    /// The seed's links resolved against a handbook holding only the seed.
    public static func links(_ extracted: ExtractedDocument, record: DocumentRecord) -> DocumentPage.Links {
        let resolver = LinkResolver(pages: [seedPath: seedPage])
        return DocumentPage(extracted: extracted, record: record)
            .links(resolver, ownAnchors: DocumentPage.anchors(extracted, profile: extracted.profile))
    }
}
