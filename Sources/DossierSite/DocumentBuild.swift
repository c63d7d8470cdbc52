import DossierCore
import DossierMarkdown
import DossierModel
import DossierRender

/// What building one document produced.
struct DocumentResult: Sendable {
    var record: DocumentRecord?
    var diagnostics: [Diagnostic] = []
    /// Failures to write output; any of them stops the site from being committed.
    var writeFailures: [Diagnostic] = []
    /// For `content/index.md`: its HTML, which the home page shows.
    var introHTML = ""
}

/// Parses, renders and writes one document. Runs on many documents at once: it touches
/// nothing but its arguments and the sink.
enum DocumentBuild {
    static func run(_ route: Route, chrome: PageChrome, templates: TemplateSet, links: LinkResolver, sink: any SiteSink) -> DocumentResult {
        var result = DocumentResult()
        let markdown = MarkdownParser.parse(route.text)
        let headings = markdown.headings(reserving: ["main", "toc-title", "contents"])
        let record = DocumentRecord(
            id: route.id, kind: route.file.kind,
            title: headings.first { $0.level == 1 }?.text ?? route.title,
            summary: summary(of: markdown),
            source: SourceRef(path: route.file.path, line: 1),
            outline: headings.map { OutlineHeading(level: $0.level, text: $0.text, id: $0.anchor, line: $0.line) },
            page: route.page)
        result.record = record

        let page = DocumentPage(record: record, markdown: markdown, headings: headings)
        if route.page.isEmpty {
            // content/index.md: shown on the home page, without its own layout.
            let (html, diagnostics) = page.renderContent(site: chrome.site, links: links)
            result.diagnostics += diagnostics
            result.introHTML = html
            return result
        }
        let (html, diagnostics) = page.render(chrome: chrome, templates: templates, links: links)
        result.diagnostics += diagnostics
        do {
            try sink.write(SitePaths.file(forPage: route.page), Array(html.utf8))
        } catch {
            result.writeFailures.append(.error("output.write-failed", "\(error)", at: SourceLocation(path: route.file.path, line: 1)))
        }
        return result
    }

    /// The first paragraph of the document, on one line, cut at a word near 200 characters.
    static func summary(of markdown: MarkdownDocument) -> String {
        guard let paragraph = markdown.children(of: markdown.root).first(where: { markdown[$0].kind == .paragraph }) else { return "" }
        let words = markdown.plainText(of: paragraph).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        var text = ""
        for word in words {
            if text.count + word.count > 200 { return text + "…" }
            text += text.isEmpty ? String(word) : " " + word
        }
        return text
    }
}
