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
    ///
    /// After an edit, the pages of the edited documents are published as soon as they are
    /// written, and the rest when the build ends: on a large handbook the home page, the
    /// guides and the export take most of a rebuild, and the page being edited need not
    /// wait for them. Not when the change reloads every page anyway (a template,
    /// `dossier.yml`): pages would reload twice.
    func rebuild(after trigger: ChangeBatch?) async -> Rebuild {
        let first = Locked<(publication: LiveSite.Publication, at: ContinuousClock.Instant)?>(nil)
        var early: (@Sendable (SiteSnapshot) async -> Void)?
        if let trigger, !trigger.touchesEveryPage {
            early = { [live] pages in
                let publication = live.publish(pages, overlay: nil, sources: trigger)
                first.withLock { $0 = (publication, ContinuousClock.now) }
            }
        }
        let (snapshot, report) = await builder.build(after: trigger, early: early)
        let overlay = ErrorOverlay.html(for: report.diagnostics, root: root)
        var publication = live.publish(snapshot, overlay: overlay, sources: trigger)
        var notifiedAt = ContinuousClock.now
        if let (earlier, at) = first.withLock({ $0 }) {
            publication.changes = SiteChanges(paths: Array(Set(earlier.changes.paths + publication.changes.paths)).sorted(),
                                              reloadsEveryPage: earlier.changes.reloadsEveryPage || publication.changes.reloadsEveryPage)
            if earlier.notified { notifiedAt = at }
            publication.notified = publication.notified || earlier.notified
        }
        let latency = publication.notified ? trigger.map { notifiedAt - $0.noticed } : nil
        return Rebuild(trigger: trigger, report: report, changes: publication.changes, keptPreviousSite: publication.keptPrevious,
                       notified: publication.notified, listeners: publication.listeners, latency: latency)
    }
}
