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
    /// Where the build kept what its slim model leaves out: the export's elements, the
    /// tables' rows, and the rest of each document's model (whole patterns, knowledge).
    let spooled: SpooledSite
    /// Keys for the export's elements, to record where each was written.
    var exportKeys: SiteExport.Keys?

    /// Pages written here (guides count once, for their HTML page).
    var pageCount: Int { Self.pageCount(overview.model) }

    static func pageCount(_ model: SiteModel) -> Int { 6 + model.publishedPatterns.count }

    /// Up to this many profiles and patterns together, the pages that list them all are
    /// made side by side rather than one after the other (about ten megabytes each at a
    /// thousand profiles with three patterns each).
    static let listingsSideBySide = 10_000

    /// What writing the aggregate pages did: the files written, in a fixed order (a later
    /// build may keep them), the problems found while drawing, and write failures.
    struct Written: Sendable {
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        var failures: [Diagnostic] = []
        /// The guides now in the site, by pattern id, for the next build.
        var guides: [String: BuildCache.KeptGuide] = [:]
        /// Guides whose files were kept as the last build wrote them.
        var keptGuides = 0
        /// Where the export's elements were written.
        var exportLayout: SiteExport.Layout?
    }

    /// What lets a guide be kept: its key now (`CacheKeys.guides`), what the last build wrote
    /// (by pattern id), and the output's `keep`, which says whether a file is still there as
    /// it was written.
    struct GuideReuse: Sendable {
        var keys: [String: String] = [:]
        var previous: [String: BuildCache.KeptGuide] = [:]
        var keep: @Sendable (String) -> Bool = { _ in false }
    }

    /// Renders every aggregate page, guide and data file and writes each to `sink` as soon as
    /// it is made, so no more than `width` of them are in memory at once. The jobs run in
    /// parallel, the big ones (export, search index) first so they overlap with the guides;
    /// the result lists the files in job order, whatever order they finished in.
    func write(to sink: any SiteSink, assets: [String: [UInt8]], guides reuse: GuideReuse = GuideReuse(), width: Int) async -> Written {
        typealias Job = @Sendable () throws -> Written
        let overview = self.overview
        let site = self.site
        let links = self.links
        let spooled = self.spooled
        let export = spooled.data(config: overview.model.config, diagnostics: overview.model.diagnostics, keys: exportKeys)

        /// A job that makes files: they are written as soon as it returns.
        func made(_ body: @escaping @Sendable () throws -> (files: [(String, [UInt8])], diagnostics: [Diagnostic])) -> Job {
            {
                let (files, diagnostics) = try body()
                var written = Written(diagnostics: diagnostics)
                for (path, bytes) in files {
                    try sink.write(path, bytes)
                    written.paths.append(path)
                }
                return written
            }
        }

        var jobs: [Job] = [
            {
                // Written as it is made: the export of a large handbook is most of a gigabyte.
                var written = Written()
                let layout = try export.write { path, pieces in
                    try sink.write(path, pieces: pieces)
                    written.paths.append(path)
                }
                if export.keys != nil { written.exportLayout = layout }
                return written
            },
            {
                // Written as it is made, too: a hundred megabytes for ten thousand profiles.
                try sink.write("search-index.js") { emit in try SearchIndex(overview: overview).write(emit) }
                return Written(paths: ["search-index.js"])
            },
        ]
        // Each of these pages lists every profile or pattern: at ten thousand profiles its
        // context, its HTML and its bytes are a hundred megabytes, and two at once would be the
        // build's peak, so a large handbook's are made one after the other (the other cores
        // have the export, the search index and the guides meanwhile). A smaller handbook's
        // are a few megabytes each and are made side by side: after one profile changed they
        // are most of the build, and one after the other they were its longest job.
        typealias Listing = (path: String, render: @Sendable () -> (html: String, diagnostics: [Diagnostic]))
        let listings: [Listing] = [
            (SitePaths.file(forPage: ""), { (HomePage(overview: overview).render(site: site), []) }),
            (SitePaths.file(forPage: ProfilesIndexPage.page), { (ProfilesIndexPage(overview: overview).render(site: site), []) }),
            (SitePaths.file(forPage: MatrixPage.page), { (MatrixPage(overview: overview).render(site: site), []) }),
            (SitePaths.file(forPage: PatternLibraryPage.page), { (PatternLibraryPage(overview: overview).render(site: site), []) }),
            (SitePaths.file(forPage: GraphPage.page), { GraphPage(overview: overview).render(site: site) }),
            ("404.html", { (NotFoundPage().render(site: site), []) }),
        ]
        func listingJob(_ pages: ArraySlice<Listing>) -> Job {
            {
                var written = Written()
                for (path, render) in pages {
                    let (html, diagnostics) = render()
                    try sink.write(path, Array(html.utf8))
                    written.paths.append(path)
                    written.diagnostics += diagnostics
                }
                return written
            }
        }
        if overview.model.profiles.count + overview.model.patterns.count > Self.listingsSideBySide {
            jobs.append(listingJob(listings[...]))
        } else {
            jobs += listings.indices.map { listingJob(listings[$0 ... $0]) }
        }
        // A guide draws its pattern's diagram again: chains and trees with Dossier's own
        // layout, the rest from Graphviz's cache of what the profile page laid out.
        // Each job holds the shared array and its indices, not copies of its patterns: there
        // are thirty thousand of them for ten thousand profiles.
        let patterns = overview.model.patterns
        // One job per document's patterns (a profile's are consecutive): its guides share an
        // owner, whose knowledge comes back from the spool once for all of them.
        var runs: [Range<Int>] = []
        for index in patterns.indices {
            if let last = runs.last, patterns[last.lowerBound].source.path == patterns[index].source.path {
                runs[runs.count - 1] = last.lowerBound ..< index + 1
            } else {
                runs.append(index ..< index + 1)
            }
        }
        for run in runs {
            jobs.append {
                var written = Written()
                var reader = spooled.guideReader()
                for index in run where !patterns[index].template {
                    let pattern = patterns[index]
                    let key = reuse.keys[pattern.id]
                    let before = reuse.previous[pattern.id]
                    let files = [SitePaths.file(forPage: RenderSite.guidePage(pattern.id)), "guides/\(pattern.id).md"]
                    written.paths += files
                    if let key, let before, before.key == key, before.files == files, files.allSatisfy(reuse.keep) {
                        written.diagnostics += before.diagnostics
                        written.guides[pattern.id] = before
                        written.keptGuides += 1
                        continue
                    }
                    // The listings' model holds neither the whole pattern nor its owner's
                    // knowledge: both come back from the spool while the guide is made.
                    let whole = try reader.pattern(at: index)
                    let owner = try Guide.owner(of: whole, profiles: overview.profilesByID).map { try reader.owner($0) }
                    let guide = Guide(pattern: whole, owner: owner)
                    // A profile's page drew its patterns' figures for their guides too.
                    let figure = owner.map(\.id) == whole.profile ? try reader.guideFigure(at: index) : nil
                    let (html, diagnostics) = GuidePage(guide: guide, overview: overview, links: links, figureHTML: figure).render(site: site)
                    let markdown = GuideMarkdown(guide: guide, overview: overview, baseURL: site.config.baseURL, links: links).render()
                    try sink.write(files[0], Array(html.utf8))
                    try sink.write(files[1], Array(markdown.utf8))
                    written.diagnostics += diagnostics
                    if let key { written.guides[pattern.id] = BuildCache.KeptGuide(key: key, files: files, diagnostics: diagnostics) }
                }
                return written
            }
        }
        jobs.append(made { (assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, []) })
        if !site.config.baseURL.isEmpty {
            let pages = [""] + [ProfilesIndexPage.page, MatrixPage.page, PatternLibraryPage.page, GraphPage.page]
                + overview.model.publishedPatterns.map { RenderSite.guidePage($0.id) }
                + overview.records.filter { !$0.page.isEmpty }.map(\.page)
            jobs.append(made { ([("sitemap.xml", Array(Sitemap.xml(baseURL: site.config.baseURL, pages: Array(Set(pages))).utf8))], []) })
        }

        let results = await concurrentMap(jobs, width: width) { job -> Written in
            do {
                return try job()
            } catch {
                return Written(failures: [.error("output.write-failed", "\(error)", at: nil)])
            }
        }
        return results.reduce(into: Written()) { all, one in
            all.paths += one.paths
            all.diagnostics += one.diagnostics
            all.failures += one.failures
            all.guides.merge(one.guides) { a, _ in a }
            all.keptGuides += one.keptGuides
            all.exportLayout = all.exportLayout ?? one.exportLayout
        }
    }
}
