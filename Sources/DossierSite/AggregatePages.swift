import DossierCore
import DossierModel
import DossierRender

/// The pages that show many documents at once — home, profiles, matrix, pattern library,
/// collaboration graph, a deployment guide per pattern — and the search index, sitemap and
/// 404 page. Written after every document is read, from the site's model.
struct AggregatePages: Sendable {
    let overview: SiteOverview
    let site: RenderSite
    /// Resolves links written in patterns, for the guides.
    let links: LinkResolver

    /// Pages written here (guides count once, for their HTML page).
    var pageCount: Int { Self.pageCount(overview.model) }

    static func pageCount(_ model: SiteModel) -> Int { 6 + model.publishedPatterns.count }

    private static func page(_ folder: String, _ html: String) -> (String, [UInt8]) {
        (SitePaths.file(forPage: folder), Array(html.utf8))
    }

    /// What writing the aggregate pages did: the files written, in a fixed order (a later
    /// build may keep them), the problems found while drawing, and write failures.
    struct Written: Sendable {
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        var failures: [Diagnostic] = []
    }

    /// Renders every aggregate page, guide and data file and writes each to `sink` as soon as
    /// it is made, so no more than `width` of them are in memory at once. The jobs run in
    /// parallel, the big ones (export, search index) first so they overlap with the guides;
    /// the result lists the files in job order, whatever order they finished in.
    func write(to sink: any SiteSink, assets: [String: [UInt8]], width: Int) async -> Written {
        typealias Job = @Sendable () throws -> (files: [(String, [UInt8])], diagnostics: [Diagnostic])
        let overview = self.overview
        let site = self.site
        let links = self.links

        var jobs: [Job] = [
            { (try DataExport(model: overview.model).files().map { ($0.path, $0.bytes) }, []) },
            {
                do {
                    return ([("search-index.js", try SearchIndex(overview: overview).script())], [])
                } catch {
                    return ([], [.error("search.index-failed", "the search index could not be written: \(error)", at: nil)])
                }
            },
            { ([Self.page("", HomePage(overview: overview).render(site: site))], []) },
            { ([Self.page(ProfilesIndexPage.page, ProfilesIndexPage(overview: overview).render(site: site))], []) },
            { ([Self.page(MatrixPage.page, MatrixPage(overview: overview).render(site: site))], []) },
            { ([Self.page(PatternLibraryPage.page, PatternLibraryPage(overview: overview).render(site: site))], []) },
            {
                let (graph, diagnostics) = GraphPage(overview: overview).render(site: site)
                return ([Self.page(GraphPage.page, graph)], diagnostics)
            },
            { ([("404.html", Array(NotFoundPage().render(site: site).utf8))], []) },
        ]
        // A guide draws its pattern's diagram again; Graphviz's cache makes a diagram the
        // profile page already drew cheap.
        for pattern in overview.model.publishedPatterns {
            jobs.append {
                let guide = Guide(pattern: pattern, profiles: overview.profilesByID)
                let (html, diagnostics) = GuidePage(guide: guide, overview: overview, links: links).render(site: site)
                let markdown = GuideMarkdown(guide: guide, overview: overview, baseURL: site.config.baseURL, links: links).render()
                return ([Self.page(RenderSite.guidePage(pattern.id), html), ("guides/\(pattern.id).md", Array(markdown.utf8))], diagnostics)
            }
        }
        jobs.append { (assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, []) }
        if !site.config.baseURL.isEmpty {
            let pages = [""] + [ProfilesIndexPage.page, MatrixPage.page, PatternLibraryPage.page, GraphPage.page]
                + overview.model.publishedPatterns.map { RenderSite.guidePage($0.id) }
                + overview.records.filter { !$0.page.isEmpty }.map(\.page)
            jobs.append { ([("sitemap.xml", Array(Sitemap.xml(baseURL: site.config.baseURL, pages: Array(Set(pages))).utf8))], []) }
        }

        let results = await concurrentMap(jobs, width: width) { job -> Written in
            var written = Written()
            do {
                let (files, diagnostics) = try job()
                written.diagnostics = diagnostics
                for (path, bytes) in files {
                    try sink.write(path, bytes)
                    written.paths.append(path)
                }
            } catch {
                written.failures.append(.error("output.write-failed", "\(error)", at: nil))
            }
            return written
        }
        return results.reduce(into: Written()) { all, one in
            all.paths += one.paths
            all.diagnostics += one.diagnostics
            all.failures += one.failures
        }
    }
}
