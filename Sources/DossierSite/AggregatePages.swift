import DossierCore
import DossierModel
import DossierRender

/// The pages that show many documents at once — home, profiles, matrix, pattern library,
/// collaboration graph, a deployment guide per pattern — and the search index, sitemap and
/// 404 page. Written after every document is read, from the site's model.
struct AggregatePages: Sendable {
    let overview: SiteOverview
    let site: RenderSite

    /// Pages written here (guides count once, for their HTML page).
    var pageCount: Int { Self.pageCount(overview.model) }

    static func pageCount(_ model: SiteModel) -> Int { 6 + model.publishedPatterns.count }

    func files(width: Int) async -> (files: [(String, [UInt8])], diagnostics: [Diagnostic]) {
        var files: [(String, [UInt8])] = []
        var diagnostics: [Diagnostic] = []
        func page(_ folder: String, _ html: String) { files.append((SitePaths.file(forPage: folder), Array(html.utf8))) }

        page("", HomePage(overview: overview).render(site: site))
        page(ProfilesIndexPage.page, ProfilesIndexPage(overview: overview).render(site: site))
        page(MatrixPage.page, MatrixPage(overview: overview).render(site: site))
        page(PatternLibraryPage.page, PatternLibraryPage(overview: overview).render(site: site))
        let (graph, graphDiagnostics) = GraphPage(overview: overview).render(site: site)
        page(GraphPage.page, graph)
        diagnostics += graphDiagnostics
        files.append(("404.html", Array(NotFoundPage().render(site: site).utf8)))

        // Guides, in parallel: each draws its diagram (Graphviz's cache makes a diagram the
        // profile page already drew cheap).
        let overview = self.overview
        let site = self.site
        let guides = await concurrentMap(overview.model.publishedPatterns, width: width) { pattern in
            let guide = Guide(pattern: pattern, profiles: overview.profilesByID)
            let (html, diagnostics) = GuidePage(guide: guide, overview: overview).render(site: site)
            let markdown = GuideMarkdown(guide: guide, overview: overview, baseURL: site.config.baseURL).render()
            return (pattern.id, html, markdown, diagnostics)
        }
        for (id, html, markdown, guideDiagnostics) in guides {
            page(RenderSite.guidePage(id), html)
            files.append(("guides/\(id).md", Array(markdown.utf8)))
            diagnostics += guideDiagnostics
        }

        do {
            files.append(("search-index.js", try SearchIndex(overview: overview).script()))
        } catch {
            diagnostics.append(.error("search.index-failed", "the search index could not be written: \(error)", at: nil))
        }
        if !site.config.baseURL.isEmpty {
            let pages = files.map(\.0).filter { $0.hasSuffix("index.html") }.map { String($0.dropLast("index.html".count)) }
                + overview.records.filter { !$0.page.isEmpty }.map(\.page)
            files.append(("sitemap.xml", Array(Sitemap.xml(baseURL: site.config.baseURL, pages: Array(Set(pages))).utf8)))
        }
        return (files, diagnostics)
    }
}

/// Passes files on to a sink and remembers their paths: the files the aggregate pages own,
/// which a later build may keep as they are.
struct AggregateRecorder {
    let sink: any SiteSink
    private(set) var paths: [String] = []

    init(sink: any SiteSink) {
        self.sink = sink
    }

    mutating func write(_ path: String, _ bytes: [UInt8]) throws {
        try sink.write(path, bytes)
        paths.append(path)
    }
}
