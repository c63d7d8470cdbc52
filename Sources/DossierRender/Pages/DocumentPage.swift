import DossierCore
import DossierMarkdown
import DossierModel

/// Renders the page of one content file: the whole Markdown document (nothing in the file
/// is left out), with anchored headings, a table of contents and resolved links.
public struct DocumentPage {
    public var record: DocumentRecord
    public var markdown: MarkdownDocument
    public var headings: [MarkdownHeading]

    public init(record: DocumentRecord, markdown: MarkdownDocument, headings: [MarkdownHeading]) {
        self.record = record
        self.markdown = markdown
        self.headings = headings
    }

    /// The page's HTML and the problems found while rendering it (links to Markdown files
    /// that are not in the handbook).
    public func render(chrome: PageChrome, templates: TemplateSet, linkTargets: [Int32: String]) -> String {
        let content = renderContent(site: chrome.site, linkTargets: linkTargets)
        var context = chrome.context(page: record.page, title: record.title, description: record.summary)
        context["title"] = record.title
        context["kind"] = record.kind.rawValue
        context["kindLabel"] = Self.label(record.kind)
        context["source"] = record.source.path
        context["content"] = content
        let toc = headings.filter { $0.level == 2 || $0.level == 3 }.map { heading -> [String: Any] in
            ["text": heading.text, "id": heading.anchor, "level": heading.level]
        }
        context["toc"] = toc
        context["hasToc"] = !toc.isEmpty
        return templates.render(record.kind.rawValue, context)
    }

    /// The document's Markdown as HTML, without the page around it (the home page shows
    /// `content/index.md` this way).
    public func renderContent(site: SiteConfig, linkTargets: [Int32: String]) -> String {
        var renderer = HTMLRenderer(document: markdown)
        renderer.unsafeHTML = site.unsafeHTML
        renderer.headingAnchors = true
        for heading in headings { renderer.headingIDs[heading.node] = heading.anchor }
        renderer.linkTargets = linkTargets
        return renderer.render()
    }

    static func label(_ kind: DocumentKind) -> String {
        switch kind {
        case .profile: "Profile"
        case .pattern: "Pattern"
        case .page: "Page"
        }
    }

    /// Link and image destinations rewritten to built pages, and a warning for each link to
    /// a Markdown file the handbook does not have.
    public func linkTargets(_ links: LinkResolver) -> ([Int32: String], [Diagnostic]) {
        var targets: [Int32: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (index, node) in markdown.nodes.enumerated() where node.kind == .link || node.kind == .image {
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
}
