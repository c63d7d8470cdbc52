import DossierCore
import DossierExtract
import DossierMarkdown
import DossierModel

/// The page of a pattern document or a plain page: a header, a table of contents, and the
/// whole document with highlighted code and drawn diagrams.
public struct DocumentPage {
    public var extracted: ExtractedDocument
    public var record: DocumentRecord
    /// For a pattern document: the pattern it was read into (relations resolved).
    public var pattern: Pattern?

    public init(extracted: ExtractedDocument, record: DocumentRecord, pattern: Pattern? = nil) {
        self.extracted = extracted
        self.record = record
        self.pattern = pattern
    }

    /// Link and image destinations rewritten to built pages, and a warning for each link to
    /// a Markdown file the handbook does not have.
    public func linkTargets(_ links: LinkResolver) -> ([Int32: String], [Diagnostic]) {
        var targets: [Int32: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (index, node) in extracted.markdown.nodes.enumerated() where node.kind == .link || node.kind == .image {
            guard case .link(let url, _) = node.detail else { continue }
            switch links.resolve(url, source: record.source.path, page: record.page) {
            case .unchanged: break
            case .rewritten(let target): targets[Int32(index)] = target
            case .missing(let path):
                diagnostics.append(.warning(
                    "link.missing-document", "link to ‘\(url)’: there is no \(path) in this handbook",
                    at: SourceLocation(path: record.source.path, line: Int(node.range.start.line), column: Int(node.range.start.column))))
            }
        }
        return (targets, diagnostics)
    }

    /// The document's Markdown as HTML without the page around it (the home page shows
    /// `content/index.md` this way).
    public func renderContent(site: RenderSite, linkTargets: [Int32: String]) -> (html: String, diagnostics: [Diagnostic]) {
        let regions = RegionRenderer(extracted: extracted, site: site, page: record.page, profile: nil, patterns: []).render()
        var body = BodyRenderer(extracted: extracted, site: site, linkTargets: linkTargets)
        body.replacements = regions.replacements
        return (body.render(), regions.diagnostics)
    }

    public func render(site: RenderSite, linkTargets: [Int32: String]) -> (html: String, diagnostics: [Diagnostic]) {
        let (content, diagnostics) = renderContent(site: site, linkTargets: linkTargets)
        var context = site.chrome.context(page: record.page, title: record.title, description: record.summary, ogType: "article")
        context["title"] = record.title
        context["kind"] = record.kind.rawValue
        context["kindLabel"] = record.kind == .pattern ? "Pattern" : "Page"
        if let description = extracted.description, !description.isEmpty { context["description"] = description }
        context["source"] = record.source.path
        context["body"] = content
        context["facts"] = FrontMatterFacts.facts(extracted.frontMatter)
        if !extracted.frontMatter.isValid, let raw = extracted.frontMatter.text { context["frontMatterRaw"] = raw }
        if let pattern {
            context["pattern"] = patternFacts(pattern, site: site)
        }
        TableOfContents.add(to: &context, headings: extracted.headings)
        return (site.templates.render(record.kind == .pattern ? "pattern" : "page", context), diagnostics)
    }

    func patternFacts(_ pattern: Pattern, site: RenderSite) -> [String: Any] {
        var view: [String: Any] = [:]
        if let confidence = pattern.confidence {
            view["confidence"] = Format.confidence(confidence)
            view["percent"] = Format.percent(confidence)
            view["level"] = Format.level(confidence).rawValue
            let text = [pattern.level, pattern.confidenceNote].compactMap { $0 }.joined(separator: " · ")
            if !text.isEmpty { view["confidenceText"] = text }
        }
        if let type = pattern.patternType { view["patternType"] = type }
        if !pattern.tools.isEmpty { view["tools"] = pattern.tools.joined(separator: ", ") }
        view["users"] = pattern.relations.map { relation -> [String: Any] in
            var item: [String: Any] = ["name": relation.target]
            if let id = relation.targetID, let page = site.profilePages[id] {
                item["name"] = site.profileTitles[id] ?? relation.target
                item["href"] = SitePaths.relative(from: record.page, to: page)
            }
            return item
        }
        view["hasUsers"] = !pattern.relations.isEmpty
        if !pattern.template {
            view["guideHref"] = SitePaths.relative(from: record.page, to: RenderSite.guidePage(pattern.id))
        }
        return view
    }
}
