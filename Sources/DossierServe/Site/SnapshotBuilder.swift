import DossierCore
import DossierSite
import Foundation

/// Builds the handbook into a snapshot with the same `SiteBuilder` as `dossier build`.
///
/// The builder's output folder is inside the session's private workspace, never
/// `ROOT/site`: `serve` must not replace a site someone built on purpose. The builder
/// writes the site there as `dossier build` would (with the handbook's cache, so a rebuild
/// renders only what changed), and every file it writes is also kept in memory, where
/// `serve` answers from.
final class SnapshotBuilder: Sendable {
    /// One builder for the whole session, copied for each build, so its Graphviz renderer
    /// (and the layouts it caches by diagram source) carries over from one rebuild to the
    /// next: a diagram nobody edited is not laid out again.
    private let template: SiteBuilder
    let root: URL
    /// The site as the last build left the folder, errors or not: a build that updates the
    /// folder in place writes only what changed since then.
    private let lastBuilt = Locked<SiteSnapshot?>(nil)

    init(root: URL, output: URL) {
        self.root = root
        var template = SiteBuilder(root: root, output: output)
        template.memory = DocumentMemory()
        self.template = template
    }

    /// Builds the site; files unchanged since the last build are shared with it rather than
    /// hashed and copied again. Builds run one at a time (the rebuild loop sees to it).
    ///
    /// - Parameter early: called, when there is a last build and no error so far, with
    ///   that build's site and the documents' new pages, before the pages that list many
    ///   documents, the guides and the export are made again.
    /// - Parameter changes: what the watcher saw change since the last build; those files
    ///   are read again whatever their stamps say.
    func build(after changes: ChangeBatch? = nil, early: (@Sendable (SiteSnapshot) async -> Void)? = nil) async -> (snapshot: SiteSnapshot, report: BuildReport) {
        if let changes, let sources = template.memory?.sources {
            if changes.overflowed { sources.forgetAll() } else { sources.forget(changes.paths) }
        }
        let previous = lastBuilt.withLock { $0 }
        let sink = MemorySink(previous: previous)
        var builder = template
        builder.wrapSink = { TeeSink(first: $0, second: sink) }
        if let early, let previous {
            builder.documentsWritten = { diagnostics in
                guard !diagnostics.hasErrors else { return }
                await early(SiteSnapshot(files: previous.files.merging(sink.files) { _, new in new }, mount: previous.mount))
            }
        }
        let report = await builder.build()
        // The mount path comes from the same dossier.yml the build just read.
        let (config, _) = ConfigLoader.load(root: root)
        var snapshot = sink.snapshot(baseURL: config.baseURL)
        // A build that updated the folder in place wrote only what it rendered: the other
        // files are the served ones, less those it deleted.
        if let changed = report.changedPaths, report.committed, let previous {
            var files = previous.files
            for path in changed where snapshot.files[path] == nil { files.removeValue(forKey: path) }
            files.merge(snapshot.files) { _, new in new }
            snapshot = SiteSnapshot(files: files, mount: snapshot.mount)
        }
        if report.committed {
            lastBuilt.withLock { $0 = snapshot }
        }
        return (snapshot, report)
    }
}
