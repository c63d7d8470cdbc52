import DossierCore
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

        let (config, configDiagnostics) = ConfigLoader.load(root: root)
        report.diagnostics += configDiagnostics
        let (templates, templateDiagnostics) = TemplateSet.load(overrides: root.appendingPathComponent("templates"))
        report.diagnostics += templateDiagnostics

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            report.diagnostics.append(.error("content.missing", "no content/ folder in \(root.path): put the handbook's Markdown files there", at: nil))
            return finish()
        }
        let (files, statics) = ContentScanner.scan(root: root)

        let folder: OutputFolder
        do {
            folder = try OutputFolder.prepare(output)
        } catch {
            report.diagnostics.append(.error("output.refused", error.description, at: nil))
            return finish()
        }
        let sink = makeSink(folder.staging)

        // Read and identify every file.
        let identified = await concurrentMap(files, width: width) { Identified.read($0) }
        for item in identified { report.diagnostics += item.diagnostics }
        let (routes, routeDiagnostics) = Router.assign(identified.filter { $0.text != nil })
        report.diagnostics += routeDiagnostics
        report.documents = routes.count

        // Render and write every page.
        let links = LinkResolver(pages: Dictionary(uniqueKeysWithValues: routes.map { ($0.file.path, $0.page) }))
        let chrome = PageChrome(site: config, nav: Self.navigation(routes))
        let results = await concurrentMap(routes, width: width) { route in
            DocumentBuild.run(route, chrome: chrome, templates: templates, links: links, sink: sink)
        }
        var records: [DocumentRecord] = []
        var introHTML = ""
        var writeFailures: [Diagnostic] = []
        for result in results {
            report.diagnostics += result.diagnostics
            writeFailures += result.writeFailures
            if let record = result.record {
                records.append(record)
                if record.page.isEmpty { introHTML = result.introHTML } else { report.pagesWritten += 1 }
            }
        }

        // The pages that aggregate documents, the assets, the export.
        do {
            try sink.write("index.html", Array(HomePage(records: records, introHTML: introHTML).render(chrome: chrome, templates: templates).utf8))
            try sink.write("404.html", Array(NotFoundPage().render(chrome: chrome, templates: templates).utf8))
            report.pagesWritten += 2
            for (path, bytes) in templates.assets.sorted(by: { $0.key < $1.key }) {
                try sink.write(path, bytes)
            }
            for file in statics {
                guard let data = FileManager.default.contents(atPath: file.url.path) else { continue }
                try sink.write(file.sitePath, Array(data))
            }
            let exported = report.diagnostics.sorted()
            try sink.write("data/dossier.json", SiteExport(config: config, records: records, diagnostics: exported).json())
        } catch {
            writeFailures.append(.error("output.write-failed", "\(error)", at: nil))
        }

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

    /// Home, then each top-level plain page (`content/about.md`), by title.
    static func navigation(_ routes: [Route]) -> [NavLink] {
        let pages = routes.filter { $0.file.kind == .page && !$0.page.isEmpty && $0.page.split(separator: "/").count == 1 }
        return [NavLink(title: "Home", page: "")] + pages.map { NavLink(title: $0.title, page: $0.page) }.sorted { $0.title < $1.title }
    }
}
