import DossierCore
import Foundation

/// One `serve` run's building side: builds the handbook, works out what changed, and
/// hands the result to the live site.
struct Session: Sendable {
    let root: URL
    let live: LiveSite
    let builder: SnapshotBuilder

    init(root: URL, workspace: Workspace, live: LiveSite) {
        self.root = root
        self.live = live
        self.builder = SnapshotBuilder(root: root, output: workspace.output)
    }

    /// Builds once and publishes the result: a build without errors replaces the site; one
    /// with errors puts its overlay over the last good site.
    func rebuild(after trigger: ChangeBatch?) async -> Rebuild {
        let (snapshot, report) = await builder.build()
        let overlay = ErrorOverlay.html(for: report.diagnostics, root: root)
        let publication = live.publish(snapshot, overlay: overlay, sources: trigger)
        let latency = publication.notified ? trigger.map { ContinuousClock.now - $0.noticed } : nil
        return Rebuild(trigger: trigger, report: report, changes: publication.changes, keptPreviousSite: publication.keptPrevious,
                       notified: publication.notified, listeners: publication.listeners, latency: latency)
    }
}
