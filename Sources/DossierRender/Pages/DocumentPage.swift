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

    /// A link into a section of a document (`#usage`, `other.md#usage`), checked once every
    /// document's anchors are known.
    public struct AnchorLink: Sendable, Hashable, Codable {
        /// The target document's source path.
        public var source: String
        public var fragment: String
        public var url: String
        public var location: SourceLocation
    }

    /// How a document's links and images are shown.
    public struct Links: Sendable {
        /// Destinations rewritten to built pages, by node.
        public var targets: [Int32: String] = [:]
        /// Links to nothing: shown as text.
        public var unlinked: Set<Int32> = []
        public var diagnostics: [Diagnostic] = []
        /// Links into sections of other documents, to check once every document is read.
        public var anchorLinks: [AnchorLink] = []
    }

    /// Resolves every link and image: source-relative paths become links between pages;
    /// links to files the handbook does not have, or to a section this document does not
    /// have, become text with a warning at their line. `stripFragments` lists links (by
    /// source location) into sections of other documents that turned out not to exist: they
    /// lead to the document's page instead.
    public func links(_ resolver: LinkResolver, ownAnchors: Set<String>, stripFragments: Set<SourceLocation> = []) -> Links {
        var result = Links()
        for (index, node) in extracted.markdown.nodes.enumerated() where node.kind == .link || node.kind == .image {
            guard case .link(let url, _) = node.detail else { continue }
            let location = SourceLocation(path: record.source.path, line: Int(node.range.start.line), column: Int(node.range.start.column))
            let isLink = node.kind == .link
            if isLink, let (source, fragment) = resolver.fragmentTarget(url, source: record.source.path) {
                if source == record.source.path {
                    if fragment != "top" && !ownAnchors.contains(fragment) {
                        result.unlinked.insert(Int32(index))
                        result.diagnostics.append(.warning("link.missing-anchor", "link to ‘\(url)’: this document has no section ‘\(fragment)’", at: location))
                        continue
                    }
                } else {
                    result.anchorLinks.append(AnchorLink(source: source, fragment: fragment, url: url, location: location))
                }
            }
            switch resolver.resolve(url, source: record.source.path, page: record.page) {
            case .unchanged: break
            case .rewritten(let target):
                result.targets[Int32(index)] = stripFragments.contains(location) ? URLParts(target).path : target
            case .missing(let path):
                let what = path.hasSuffix(".md") ? "there is no \(path) in this handbook" : "there is no file \(path) in the handbook’s content"
                result.diagnostics.append(.warning(path.hasSuffix(".md") ? "link.missing-document" : "link.missing-file",
                                                   "\(isLink ? "link" : "image") to ‘\(url)’: \(what)", at: location))
                if isLink { result.unlinked.insert(Int32(index)) }
            }
        }
        return result
    }

    /// The anchors this document's page has: its headings, and for a profile (given its
    /// `ProfileAnchors`) its capabilities and services.
    public static func anchors(_ extracted: ExtractedDocument, profileAnchors: ProfileAnchors?) -> Set<String> {
        var ids = Set(extracted.headings.map(\.anchor))
        if let anchors = profileAnchors {
            ids.formUnion(anchors.services.values)
            ids.formUnion(anchors.capabilities.values)
        }
        return ids
    }

    /// The document's Markdown as HTML without the page around it (the home page shows
    /// `content/index.md` this way).
    public func renderContent(site: RenderSite, links: Links) -> (html: String, diagnostics: [Diagnostic], usesMermaidScript: Bool) {
        let regions = RegionRenderer(extracted: extracted, site: site, page: record.page, profile: nil, patterns: pattern.map { [$0] } ?? [], links: links).render()
        var body = BodyRenderer(extracted: extracted, site: site, links: links)
        body.replacements = regions.replacements
        return (body.render(), regions.diagnostics, regions.usesMermaidScript)
    }

    public func render(site: RenderSite, links: Links) -> (html: String, diagnostics: [Diagnostic]) {
        let (content, diagnostics, usesMermaidScript) = renderContent(site: site, links: links)
        var context = site.chrome.context(page: record.page, title: record.title, description: record.summary, ogType: "article")
        if usesMermaidScript { context["mermaidJS"] = site.config.mermaidJS }
        context["title"] = record.title
        context["kind"] = record.kind.rawValue
        context["kindLabel"] = record.kind == .pattern ? "Pattern" : "Page"
        // The lead is the document's own description; the layout's `description` falls back
        // to the site's, which is right for <meta>, wrong under a page's title.
        if let description = extracted.description, !description.isEmpty { context["description"] = description; context["lead"] = description }
        context["hasLead"] = context["lead"] != nil
        context["source"] = record.source.path
        context["body"] = content
        context["facts"] = FrontMatterFacts.facts(extracted.frontMatter)
        if !extracted.frontMatter.isValid, let raw = extracted.frontMatter.text { context["frontMatterRaw"] = raw }
        // The facts strip stands where the document states its facts; a document that states
        // them elsewhere (confidence at the end, say) gets it in the header.
        let factsInBody = extracted.regions.contains { if case .patternFacts = $0.kind { true } else { false } }
        if let pattern, !factsInBody {
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
        view["users"] = pattern.relations.map { site.profileLink($0, from: record.page) }
        view["hasUsers"] = !pattern.relations.isEmpty
        if !pattern.template {
            view["guideHref"] = SitePaths.relative(from: record.page, to: RenderSite.guidePage(pattern.id))
        }
        return view
    }
}
