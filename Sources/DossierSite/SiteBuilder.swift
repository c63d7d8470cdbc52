import DossierCore
import DossierGraphviz
import DossierMarkdown
import DossierModel
import DossierRender
import Foundation

/// Builds a handbook: `dossier build`.
///
/// The pipeline, in order: read the configuration and templates; find the content; read
/// and identify every file (in parallel); give each document its page; render and write
/// every page (in parallel, results gathered in file order); write the pages that list
/// them, the assets and the export; swap the new site in.
public struct SiteBuilder: Sendable {
    public var root: URL
    public var output: URL
    /// How many files are processed at once; the number of cores by default.
    public var width: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Makes the sink pages are written to, given the staging folder. Tests substitute a
    /// failing sink to check that a broken build leaves the old site alone.
    public var makeSink: @Sendable (URL) -> any SiteSink = { FolderSink(root: $0) }
    /// Lays diagrams out. One per build: Graphviz is serial, and identical diagrams (a
    /// pattern's diagram on its profile and in its guide) are laid out once.
    public var graphviz = GraphvizRenderer()

    public init(root: URL, output: URL? = nil) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("site")).standardizedFileURL
    }

    public func build() async -> BuildReport {
        let start = ContinuousClock.now
        var report = BuildReport(documents: 0, pagesWritten: 0, filesWritten: 0, diagnostics: [], duration: .zero,
                                 committed: false, outputPath: output.path)
        defer { report.diagnostics.sort() }
        func finish() -> BuildReport {
            report.duration = ContinuousClock.now - start
            return report
        }

        let handbook = await HandbookLoader.load(root: root, width: width)
        report.diagnostics += handbook.diagnostics
        guard handbook.hasContent else { return finish() }
        let config = handbook.config
        let templates = handbook.templates

        let folder: OutputFolder
        do {
            folder = try OutputFolder.prepare(output)
        } catch {
            report.diagnostics.append(.error("output.refused", error.description, at: nil))
            return finish()
        }
        let sink = makeSink(folder.staging)
        let routes = handbook.routes
        report.documents = routes.count

        // Extract, render and write every document.
        let links = handbook.links
        let chrome = PageChrome(site: config, nav: Self.navigation(routes))
        let site = RenderSite(chrome: chrome, templates: templates, graphviz: graphviz,
                              profilePages: Dictionary(routes.filter { $0.file.kind == .profile }.map { ($0.id, $0.page) }, uniquingKeysWith: { a, _ in a }),
                              profileTitles: Dictionary(routes.filter { $0.file.kind == .profile }.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a }))
        let rendering = DocumentBuild.Output(site: site, sink: sink)
        let directory = handbook.directory
        let results = await concurrentMap(routes, width: width) { DocumentBuild.run($0, directory: directory, links: links, output: rendering) }
        var records: [DocumentRecord] = []
        var introHTML = ""
        var introUsesMermaidScript = false
        var writeFailures: [Diagnostic] = []
        var renderDiagnostics: [Diagnostic] = []
        for result in results {
            writeFailures += result.writeFailures
            renderDiagnostics += result.renderDiagnostics
            if let record = result.record {
                records.append(record)
                if record.page.isEmpty {
                    introHTML = result.introHTML
                    introUsesMermaidScript = result.introUsesMermaidScript
                } else {
                    report.pagesWritten += 1
                }
            }
        }
        let model = SiteModel.assemble(config: config, results: results, diagnostics: [])
        report.diagnostics += model.diagnostics

        // Pages with links into sections another document does not have are written again,
        // those links leading to the document's page: the site has no link to nowhere.
        let broken = Dictionary(grouping: SiteModel.brokenAnchorLinks(results)) { $0.location.path }
        for route in routes where broken[route.file.path] != nil {
            let strip = Set(broken[route.file.path]!.map(\.location))
            let rerun = DocumentBuild.run(route, directory: directory, links: links, output: rendering, stripFragments: strip)
            writeFailures += rerun.writeFailures
        }

        // The pages that aggregate documents, the guides, the assets, the export.
        do {
            var exported = model
            exported.diagnostics = report.diagnostics.sorted()
            let overview = SiteOverview(model: exported, records: records, introHTML: introHTML, introUsesMermaidScript: introUsesMermaidScript)
            let aggregate = AggregatePages(overview: overview, site: site)
            let (files, diagnostics) = await aggregate.files(width: width)
            renderDiagnostics += diagnostics
            for (path, bytes) in files { try sink.write(path, bytes) }
            report.pagesWritten += aggregate.pageCount
            for (path, bytes) in templates.assets.sorted(by: { $0.key < $1.key }) {
                try sink.write(path, bytes)
            }
            for file in handbook.statics {
                guard let data = FileManager.default.contents(atPath: file.url.path) else { continue }
                try sink.write(file.sitePath, Array(data))
            }
            for (path, bytes) in try DataExport(model: exported).files() {
                try sink.write(path, bytes)
            }
        } catch {
            writeFailures.append(.error("output.write-failed", "\(error)", at: nil))
        }
        report.diagnostics += renderDiagnostics

        guard writeFailures.isEmpty else {
            report.diagnostics += writeFailures
            report.diagnostics.append(.error("output.not-replaced", "the build failed while writing; the previous site in \(output.path) is unchanged", at: nil))
            folder.discard()
            return finish()
        }
        do {
            try folder.commit()
            report.committed = true
        } catch {
            report.diagnostics.append(.error("output.commit-failed", error.description, at: nil))
            folder.discard()
        }
        return finish()
    }

    /// The generated pages, then each top-level plain page (`content/about.md`), by title.
    static func navigation(_ routes: [Route]) -> [NavLink] {
        let pages = routes.filter { $0.file.kind == .page && !$0.page.isEmpty && $0.page.split(separator: "/").count == 1 }
        return PageChrome.standardNavigation + pages.map { NavLink(title: $0.title, page: $0.page) }.sorted { $0.title < $1.title }
    }
}
