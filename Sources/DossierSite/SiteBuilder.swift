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
/// them, the assets and the export; put the new site in place.
///
/// With the cache (`ROOT/.dossier-cache/`, see `BuildCache`), a document whose text and site
/// are unchanged is neither parsed nor rendered again: its model comes from the cache and its
/// page stays as the last build wrote it. The aggregate pages are rendered again when any
/// document changed, and only files whose bytes changed are written. The result is
/// byte-for-byte what a build without the cache writes.
public struct SiteBuilder: Sendable {
    public var root: URL
    public var output: URL
    /// How many files are processed at once; the number of cores by default.
    public var width: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Wraps the sink files are written to. Tests put a failing sink around it to check that
    /// a broken build leaves the old site alone.
    public var wrapSink: (@Sendable (any SiteSink) -> any SiteSink)?
    /// Whether to use and update `ROOT/.dossier-cache/`.
    public var useCache = true
    /// Ignores what the cache holds (`--clean`): everything is built again, and the cache
    /// is written afresh.
    public var clean = false
    /// Where the build's scratch file goes (`DataSpool`); the temporary folder (`TMPDIR`)
    /// by default.
    public var scratchFolder = NSTemporaryDirectory()
    /// Decoded cache entries shared by the builds of one process (`serve`).
    public var memory: DocumentMemory?
    /// Called once every document's own page is written, before the pages that list many
    /// documents, the guides and the export are made again, with the diagnostics so far.
    /// `serve` shows an edited page from here: on a large handbook the aggregate pages
    /// take most of a rebuild (Hugo's server, too, renders the page being looked at first).
    /// Not called when writing failed or the build was cancelled.
    public var documentsWritten: (@Sendable (_ diagnostics: [Diagnostic]) async -> Void)?

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

        var clock = ContinuousClock.now
        func phase(_ name: String) {
            let now = ContinuousClock.now
            report.phases.append((name, now - clock))
            clock = now
        }

        var handbook = await HandbookLoader.load(root: root, width: width, sources: memory?.sources)
        phase("read")
        report.diagnostics += handbook.diagnostics
        let readDiagnostics = report.diagnostics.count
        guard handbook.hasContent else { return finish() }
        let config = handbook.config
        let templates = handbook.templates
        var routes = handbook.routes
        report.documents = routes.count

        // What the last build left, when it can be built on.
        let cache = useCache ? BuildCache(root: root) : nil
        let siteKey = CacheKeys.site(config: config, templates: templates, routes: routes, statics: handbook.statics)
        let documentKeys = await concurrentMap(routes, width: width) { CacheKeys.document($0, siteKey: siteKey) }
        let previous = clean ? nil : cache?.state(for: output)
        cache?.prepare()

        // Into the existing site, file by file, or into a fresh folder swapped in at the end.
        let writer: OutputWriter
        let folder: OutputFolder?
        if let previous, OutputFolder.isBuilt(output), let pending = try? OutputFolder.pendingFolder(for: output) {
            writer = OutputWriter(.inPlace(output, previous: previous.files, pending: pending))
            folder = nil
        } else {
            do {
                folder = try OutputFolder.prepare(output)
            } catch {
                report.diagnostics.append(.error("output.refused", error.description, at: nil))
                return finish()
            }
            writer = OutputWriter(.staging(folder!.staging))
        }
        let sink = wrapSink?(writer) ?? writer
        let reusable = Set(previous?.documents ?? [])
        let aggregateKey = CacheKeys.aggregates(siteKey: siteKey, documentKeys: documentKeys, diagnostics: handbook.diagnostics)
        phase("keys")

        // Files copied from content/ are compared every time: they are few, and not keyed.
        func writeStatics() -> [Diagnostic] {
            var failures: [Diagnostic] = []
            for file in handbook.statics {
                guard let data = FileManager.default.contents(atPath: file.url.path) else { continue }
                do {
                    try sink.write(file.sitePath, Array(data))
                } catch {
                    failures.append(.error("output.write-failed", "\(error)", at: nil))
                }
            }
            return failures
        }

        // Nothing changed since the last build of this folder, and every file it wrote is
        // still there: report what it reported, without reading a single cache entry.
        if let previous, let outcome = previous.outcome, previous.documents == documentKeys,
           previous.aggregateKey == aggregateKey, previous.files.keys.allSatisfy(writer.keep) {
            report.diagnostics += outcome.diagnostics
            report.pagesWritten = outcome.pagesWritten
            let writeFailures = writeStatics()
            guard writeFailures.isEmpty else {
                report.diagnostics += writeFailures
                writer.discard()
                return finish()
            }
            do {
                report.changedPaths = try writer.commit()
                report.committed = true
            } catch {
                report.diagnostics.append(.error("output.commit-failed", error.description, at: nil))
                writer.discard()
            }
            report.diagnostics += cache?.notes ?? []
            phase("unchanged")
            return finish()
        }

        // What the aggregate stage needs and the listings' model leaves out waits on disk.
        let spool: DataSpool
        do {
            spool = try DataSpool(folder: scratchFolder)
        } catch {
            report.diagnostics.append(.error("output.spool-failed", "\(error)", at: nil))
            writer.discard()
            folder?.discard()
            return finish()
        }
        // The previous export, whose elements unchanged documents keep; in the output until commit.
        let previousExport = previous?.export.flatMap { layout in
            writer.previousFile("data/dossier.json").map { SpooledDocument.Previous(layout: layout, file: $0) }
        }

        // Extract, render and write every document, or keep what the last build made of it.
        let links = handbook.links
        let chrome = PageChrome(site: config, nav: Self.navigation(routes))
        let graphviz = GraphvizRenderer(store: cache?.layouts)
        let site = RenderSite(chrome: chrome, templates: templates, graphviz: graphviz,
                              profilePages: Dictionary(routes.filter { $0.file.kind == .profile }.map { ($0.id, $0.page) }, uniquingKeysWith: { a, _ in a }),
                              profileTitles: Dictionary(routes.filter { $0.file.kind == .profile }.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a }))
        let rendering = DocumentBuild.Output(site: site, sink: sink)
        let directory = handbook.directory
        // The texts leave the routes, and each goes once its document is done with it.
        let texts = DocumentTexts(routes)
        handbook.routes = []
        for index in routes.indices {
            routes[index].text = ""
            routes[index].frontMatter.body = ""
        }
        typealias Built = (entry: CachedDocument, rendered: Bool, spooled: SpooledDocument)
        /// The whole result of a document the cache gave: its slim result and its rest.
        @Sendable func whole(_ entry: CachedDocument) throws -> DocumentResult {
            guard let rest = entry.rest ?? cache?.rest(entry.key) else {
                throw DataSpool.Failure(description: "the cache entry of a document (\(entry.key.prefix(12))…) could not be read again")
            }
            return entry.result.joined(with: try BinaryDecoder().decode(DocumentRest.self, from: rest))
        }
        // Each document's share of data/ and the guides goes to the spool, and only what the
        // listings read stays; `serve` keeps the rest, encoded, for its next build.
        @Sendable func spooling(_ entry: CachedDocument, built: DocumentResult?) -> Built {
            var entry = entry
            var spooled = SpooledDocument()
            do {
                spooled = try SpooledDocument.spool(entry, restInSpool: built != nil, whole: { try built ?? whole(entry) },
                                                    into: spool, previous: previousExport)
            } catch {
                entry.result.writeFailures.append(.error("output.write-failed", "\(error)", at: entry.result.record.map { SourceLocation(path: $0.source.path, line: 1) }))
            }
            if memory == nil {
                entry.rest = nil
                entry.profileRows = []
                entry.patternRows = []
            }
            return (entry, built != nil, spooled)
        }
        let entries = await concurrentMap(Array(zip(routes.indices, documentKeys)), width: width) { [routes] index, key -> Built in
            var route = routes[index]
            let outputs = route.page.isEmpty ? [] : [SitePaths.file(forPage: route.page)]
            // A cancelled build (Ctrl-C in `serve`) skips the remaining documents.
            guard !Task.isCancelled else { return (CachedDocument(key: key, result: DocumentResult(), outputs: [], layouts: []), false, SpooledDocument()) }
            if reusable.contains(key), let entry = memory?.entry(key) ?? cache?.document(key, keepingRest: memory != nil), outputs.allSatisfy(writer.keep) {
                texts.done(index, linksIntoSections: !entry.result.anchorLinks.isEmpty)
                return spooling(entry, built: nil)
            }
            texts.restore(index, into: &route)
            let usage = LayoutUsage()
            let result = LayoutUsage.$current.withValue(usage) {
                DocumentBuild.run(route, directory: directory, links: links, output: rendering)
            }
            texts.done(index, linksIntoSections: !result.anchorLinks.isEmpty)
            let (slim, rest) = result.split()
            var entry = CachedDocument(key: key, result: slim, outputs: outputs, layouts: usage.recorded,
                                       rows: CSVTables.rows(profile: result.profile, patterns: result.patterns))
            do {
                entry.rest = try BinaryEncoder().encode(rest)
            } catch {
                entry.result.writeFailures.append(.error("output.write-failed", "\(error)", at: result.record.map { SourceLocation(path: $0.source.path, line: 1) }))
            }
            if entry.result.writeFailures.isEmpty { cache?.store(entry) }
            return spooling(entry, built: result)
        }
        phase("documents")
        guard !Task.isCancelled else {
            writer.discard()
            folder?.discard()
            report.diagnostics.append(.note("build.cancelled", "the build was stopped before it finished; the site is as it was", at: nil))
            return finish()
        }
        // Only now: a cancelled build's entries are placeholders.
        memory?.replace(with: entries.map(\.entry).filter { $0.result.writeFailures.isEmpty })
        let results = entries.map(\.entry.result)
        var records: [DocumentRecord] = []
        var introHTML = ""
        var introUsesMermaidScript = false
        var writeFailures: [Diagnostic] = []
        var renderDiagnostics: [Diagnostic] = []
        var layouts = Set(entries.flatMap(\.entry.layouts))
        for (entry, rendered, _) in entries {
            let result = entry.result
            writeFailures += result.writeFailures
            renderDiagnostics += result.renderDiagnostics
            if rendered { report.pagesRendered += entry.outputs.count }
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
        phase("model")

        // Pages with links into sections another document does not have are rendered again,
        // those links leading to the document's page: the site has no link to nowhere. A
        // kept page is rendered again when the set of such links it needs has changed.
        let broken = Dictionary(grouping: SiteModel.brokenAnchorLinks(results)) { $0.location.path }
        var stripped: [String: [SourceLocation]] = [:]
        for (index, route) in routes.enumerated() {
            let key = documentKeys[index]
            let needed = (broken[route.file.path] ?? []).map(\.location).sorted()
            if !needed.isEmpty { stripped[key] = needed }
            let renderedWith = entries[index].rendered ? [] : previous?.strippedFragments[key] ?? []
            // Only documents with links into sections can have broken ones: their texts stay.
            var route = route
            guard needed != renderedWith, texts.restore(index, into: &route) else { continue }
            let usage = LayoutUsage()
            let rerun = LayoutUsage.$current.withValue(usage) {
                DocumentBuild.run(route, directory: directory, links: links, output: rendering, stripFragments: Set(needed))
            }
            layouts.formUnion(usage.recorded)
            writeFailures += rerun.writeFailures
            if !entries[index].rendered { report.pagesRendered += entries[index].entry.outputs.count }
        }

        texts.releaseAll()
        phase("anchors")

        if let documentsWritten, writeFailures.isEmpty, !Task.isCancelled {
            await documentsWritten(report.diagnostics + renderDiagnostics)
        }

        // The pages that aggregate documents, the guides, the assets, the export: kept as
        // they are when no document and nothing about the site changed.
        var aggregateFiles: [String] = []
        var aggregateDiagnostics: [Diagnostic] = []
        var guides = previous?.guides ?? [:]
        var exportLayout: SiteExport.Layout?
        if let previous, previous.aggregateKey == aggregateKey, previous.aggregateFiles.allSatisfy(writer.keep) {
            aggregateFiles = previous.aggregateFiles
            aggregateDiagnostics = previous.aggregateDiagnostics
            exportLayout = previous.export
            layouts.formUnion(previous.layouts.filter { !$0.isEmpty })
            report.pagesWritten += AggregatePages.pageCount(model)
        } else {
            var exported = model
            exported.diagnostics = report.diagnostics.sorted()
            let overview = SiteOverview(model: exported, records: records, introHTML: introHTML, introUsesMermaidScript: introUsesMermaidScript)
            let spooled = SpooledSite(spool: spool, previous: previousExport?.file, documents: entries.map { ($0.entry.result, $0.spooled) }) { key in
                memory?.entry(key)?.rest ?? cache?.rest(key)
            }
            var aggregate = AggregatePages(overview: overview, site: site, links: links, spooled: spooled)
            // Where the export's elements go, by the document they come from, for the next
            // build to copy an unchanged document's.
            if cache != nil { aggregate.exportKeys = Self.exportKeys(results, documentKeys: documentKeys) }
            let usage = LayoutUsage()
            let assets = templates.assets
            let reuse = AggregatePages.GuideReuse(
                keys: CacheKeys.guides(siteKey: siteKey, routes: routes, documentKeys: documentKeys, patterns: exported.publishedPatterns),
                previous: previous?.guides ?? [:], keep: { writer.keep($0) })
            let written = await LayoutUsage.$current.withValue(usage) { await aggregate.write(to: sink, assets: assets, guides: reuse, width: width) }
            layouts.formUnion(usage.recorded)
            aggregateDiagnostics = written.diagnostics
            writeFailures += written.failures
            report.pagesWritten += aggregate.pageCount
            report.pagesRendered += aggregate.pageCount - written.keptGuides
            aggregateFiles = written.paths
            guides = written.guides
            exportLayout = written.exportLayout
        }
        renderDiagnostics += aggregateDiagnostics
        phase("aggregates")
        writeFailures += writeStatics()
        report.diagnostics += renderDiagnostics

        guard writeFailures.isEmpty else {
            report.diagnostics += writeFailures
            report.diagnostics.append(.error("output.not-replaced", "the build failed while writing; the previous site in \(output.path) is unchanged", at: nil))
            writer.discard()
            folder?.discard()
            return finish()
        }
        do {
            if let folder {
                try folder.commit()
            } else {
                report.changedPaths = try writer.commit()
            }
            report.committed = true
        } catch {
            report.diagnostics.append(.error("output.commit-failed", error.description, at: nil))
            writer.discard()
            folder?.discard()
            return finish()
        }

        phase("commit")
        if let cache {
            cache.prepare()
            let state = BuildCache.OutputState(
                tool: CacheKeys.toolIdentity, output: output.path, siteKey: siteKey, aggregateKey: aggregateKey,
                files: writer.files, aggregateFiles: aggregateFiles, documents: documentKeys, layouts: layouts.sorted(),
                strippedFragments: stripped, aggregateDiagnostics: aggregateDiagnostics, guides: guides, export: exportLayout,
                outcome: BuildCache.Outcome(diagnostics: Array(report.diagnostics[readDiagnostics...]), pagesWritten: report.pagesWritten))
            cache.save(state, for: output)
            cache.collectGarbage(current: state)
            report.diagnostics += cache.notes
            phase("cache")
        }
        return finish()
    }

    /// A key for each element of the export, in the order `SiteModel.assemble` gathers them:
    /// the key of the document it comes from (and the pattern's place in it). A document's
    /// key covers its text, its path and the whole site, so the same key means the same
    /// element.
    static func exportKeys(_ results: [DocumentResult], documentKeys: [String]) -> SiteExport.Keys {
        var keys = SiteExport.Keys(profiles: [], patterns: [], documents: [])
        for (result, key) in zip(results, documentKeys) {
            if result.profile != nil { keys.profiles.append(key) }
            for index in result.patterns.indices { keys.patterns.append(SpooledDocument.patternKey(key, index)) }
            if result.page != nil { keys.documents.append(key) }
        }
        return keys
    }

    /// The generated pages, then each top-level plain page (`content/about.md`), by title.
    static func navigation(_ routes: [Route]) -> [NavLink] {
        let pages = routes.filter { $0.file.kind == .page && !$0.page.isEmpty && $0.page.split(separator: "/").count == 1 }
        return PageChrome.standardNavigation + pages.map { NavLink(title: $0.title, page: $0.page) }.sorted { $0.title < $1.title }
    }
}

/// The documents' texts while their pages are made. Each is let go as soon as its document
/// is done with it, unless the document links into other documents' sections (only those
/// pages may be rendered again, once every document's anchors are known): ten thousand
/// profiles are 180 MB of Markdown, and the pages' models grow in the room they leave.
final class DocumentTexts: Sendable {
    /// A document's text, and the text after its front matter (the same storage when it
    /// has none).
    private let texts: Locked<[(text: String, body: String)?]>

    init(_ routes: [Route]) {
        texts = Locked(routes.map { ($0.text, $0.frontMatter.body) })
    }

    /// Puts the document's text back into its route; `false` once it is let go.
    @discardableResult
    func restore(_ index: Int, into route: inout Route) -> Bool {
        guard let texts = texts.withLock({ $0[index] }) else { return false }
        route.text = texts.text
        route.frontMatter.body = texts.body
        return true
    }

    func done(_ index: Int, linksIntoSections: Bool) {
        if !linksIntoSections { texts.withLock { $0[index] = nil } }
    }

    func releaseAll() {
        texts.withLock { $0 = [] }
    }
}
