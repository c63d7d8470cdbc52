import DossierCore
import DossierSite
import Foundation

/// Builds the handbook into a snapshot with the same `SiteBuilder` as `dossier build`.
///
/// The builder's output folder is inside the session's private workspace, never
/// `ROOT/site`: `serve` must not replace a site someone built on purpose. Pages go to
/// memory; the folder only receives the builder's marker and staging bookkeeping.
struct SnapshotBuilder: Sendable {
    /// One builder for the whole session, copied for each build, so its Graphviz renderer
    /// (and the layouts it caches by diagram source) carries over from one rebuild to the
    /// next: a diagram nobody edited is not laid out again.
    private let template: SiteBuilder
    let root: URL

    init(root: URL, output: URL) {
        self.root = root
        self.template = SiteBuilder(root: root, output: output)
    }

    /// Builds the site; files unchanged from `previous` (the site being served) are shared
    /// with it rather than hashed and copied again.
    func build(reusing previous: SiteSnapshot?) async -> (snapshot: SiteSnapshot, report: BuildReport) {
        let sink = MemorySink(previous: previous)
        var builder = template
        builder.makeSink = { _ in sink }
        let report = await builder.build()
        // The mount path comes from the same dossier.yml the build just read.
        let (config, _) = ConfigLoader.load(root: root)
        return (sink.snapshot(baseURL: config.baseURL), report)
    }
}
