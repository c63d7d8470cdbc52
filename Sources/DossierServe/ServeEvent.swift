import DossierSite
import Foundation

/// What the server reports to whoever runs it (the command line prints these).
public enum ServeEvent: Sendable {
    /// The server listens and the first build starts (it can take a while on a large
    /// handbook; requests wait on a page that reloads when it is done).
    case building
    /// The first build is served and the server listens at this address (the site's root,
    /// under `base_url`'s path when it has one).
    case ready(url: URL)
    /// A build finished (the first one, then one per batch of changes).
    case built(Rebuild)
    /// Changes are noticed by polling rather than inotify; why.
    case polling(reason: String)
    /// The watcher stopped before the server did: changes are no longer picked up.
    case stoppedWatching
}

/// One build and what it did to the served site.
public struct Rebuild: Sendable {
    /// The changes that caused it; `nil` for the first build.
    public var trigger: ChangeBatch?
    public var report: BuildReport
    /// What changed in the served site.
    public var changes: SiteChanges
    /// The build had errors, so the last good site is still served, under the overlay.
    public var keptPreviousSite: Bool
    /// Open pages were sent an update (the site or its errors changed).
    public var notified: Bool
    /// How many pages were listening.
    public var listeners: Int
    /// From the first change being noticed to the update being sent to pages; `nil` for the
    /// first build or when nothing was sent.
    public var latency: Duration?
}
