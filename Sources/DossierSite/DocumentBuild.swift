import DossierCore
import DossierExtract
import DossierMarkdown
import DossierModel
import DossierRender

/// What reading (and, when building, rendering) one document produced.
struct DocumentResult: Sendable, Codable {
    var record: DocumentRecord?
    var profile: Profile?
    var patterns: [Pattern] = []
    var page: Page?
    var diagnostics: [Diagnostic] = []
    /// Problems found while drawing the page (a diagram Graphviz could not lay out): reported
    /// by `build`, not part of the export, which `check` and `export` write without drawing.
    var renderDiagnostics: [Diagnostic] = []
    /// Failures to write output; any of them stops the site from being committed.
    var writeFailures: [Diagnostic] = []
    /// For `content/index.md`: its HTML, which the home page shows.
    var introHTML = ""
    var introUsesMermaidScript = false
    /// Links into sections, checked against every document's anchors once all are read.
    var anchorLinks: [DocumentPage.AnchorLink] = []
    /// The HTML of the diagram figures of a profile's patterns' guides, by pattern id, drawn
    /// with its page (``ProfilePage``).
    var guideFigures: [String: String] = [:]
}

/// Extracts, renders and writes one document. Runs on many documents at once: it touches
/// nothing but its arguments and the sink.
enum DocumentBuild {
    /// Where rendered pages go; `nil` for `check` and `export`, which render nothing.
    struct Output: Sendable {
        var site: RenderSite
        var sink: any SiteSink
    }

    /// - Parameter stripFragments: links (by source location) into sections of other
    ///   documents that do not exist; they lead to the document's page instead.
    static func run(_ route: Route, directory: ProfileDirectory, links: LinkResolver, output: Output?,
                    stripFragments: Set<SourceLocation> = []) -> DocumentResult {
        var result = DocumentResult()
        let extracted = Extractor.extract(text: route.text, path: route.file.path, kind: route.file.kind, id: route.id, frontMatter: route.frontMatter)
        result.diagnostics += extracted.diagnostics

        // Relations name agents as written; the handbook's directory says which are profiles here.
        if var profile = extracted.profile {
            let (relations, notes) = directory.resolve(profile.relations, path: route.file.path)
            profile.relations = relations
            result.diagnostics += notes
            result.profile = profile
        }
        result.patterns = extracted.patterns.map { pattern in
            var pattern = pattern
            if !pattern.relations.isEmpty {
                let (relations, notes) = directory.resolve(pattern.relations, path: route.file.path)
                pattern.relations = relations
                result.diagnostics += notes
            }
            return pattern
        }
        result.page = extracted.page

        let record = DocumentRecord(
            id: route.id, kind: route.file.kind, title: extracted.title,
            summary: summary(extracted.description ?? ""),
            source: SourceRef(path: route.file.path, line: 1),
            outline: extracted.headings.map { OutlineHeading(level: $0.level, text: $0.text, id: $0.anchor, line: $0.line) },
            page: route.page, template: extracted.template)
        result.record = record

        // Links are checked whether or not pages are rendered, so `check` and `export`
        // report what `build` reports.
        let page = DocumentPage(extracted: extracted, record: record, pattern: result.patterns.first)
        // Made once: the links check, the page's regions and its guide figures read them.
        let profileAnchors = result.profile.map(ProfileAnchors.init)
        let resolved = page.links(links, ownAnchors: DocumentPage.anchors(extracted, profileAnchors: profileAnchors), stripFragments: stripFragments)
        result.diagnostics += resolved.diagnostics
        result.anchorLinks = resolved.anchorLinks
        guard let output else { return result }

        if route.page.isEmpty {
            // content/index.md: shown on the home page, without its own layout.
            let (html, diagnostics, usesMermaidScript) = page.renderContent(site: output.site, links: resolved)
            result.introHTML = html
            result.introUsesMermaidScript = usesMermaidScript
            result.renderDiagnostics += diagnostics
            return result
        }
        let html: String
        let renderDiagnostics: [Diagnostic]
        if let profile = result.profile {
            let rendered = ProfilePage(extracted: extracted, profile: profile, patterns: result.patterns, record: record, links: resolved, anchors: profileAnchors)
                .render(site: output.site)
            (html, renderDiagnostics) = (rendered.html, rendered.diagnostics)
            result.guideFigures = rendered.guideFigures
        } else {
            (html, renderDiagnostics) = page.render(site: output.site, links: resolved)
        }
        result.renderDiagnostics += renderDiagnostics
        do {
            try output.sink.write(SitePaths.file(forPage: route.page), Array(html.utf8))
        } catch {
            result.writeFailures.append(.error("output.write-failed", "\(error)", at: SourceLocation(path: route.file.path, line: 1)))
        }
        return result
    }

    /// A description on one line, cut at a word near 200 characters.
    static func summary(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        var result = ""
        for word in words {
            if result.count + word.count > 200 { return result + "…" }
            result += result.isEmpty ? String(word) : " " + word
        }
        return result
    }
}
