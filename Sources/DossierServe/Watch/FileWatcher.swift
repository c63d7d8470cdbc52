import Foundation

/// Reports changes to a handbook's sources, in batches.
protocol FileWatcher: Sendable {
    /// One batch per burst of changes. Ends after `stop()`, once the watcher has released
    /// what it held (inotify descriptors, its thread or task).
    var batches: AsyncStream<ChangeBatch> { get }
    /// Stops watching; safe to call more than once, from any thread.
    func stop()
}

/// What in a handbook folder makes the site, and so is watched: `content/`, `templates/`
/// and `dossier.yml`. Hidden files and folders are skipped, as the build skips them, so an
/// editor's swap files (`.profile.md.swp`) do not cause rebuilds.
enum WatchScope {
    static let folders = ["content", "templates"]
    static let files = ["dossier.yml"]

    /// Whether a change at `path` (relative to the root) can change the site.
    static func matters(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard let first = parts.first, !parts.contains(where: { $0.hasPrefix(".") }) else { return false }
        if parts.count == 1 { return folders.contains(String(first)) || files.contains(String(first)) }
        return folders.contains(String(first))
    }

    /// The watcher for this platform: inotify on Linux, polling elsewhere, and polling on
    /// Linux too when inotify cannot be set up (too many watches or instances); `fallback`
    /// then says why.
    static func makeWatcher(root: URL, quietPeriod: Duration) -> (watcher: any FileWatcher, fallback: String?) {
        #if os(Linux)
        do {
            return (try InotifyWatcher(root: root, quietPeriod: quietPeriod), nil)
        } catch {
            return (PollingWatcher(root: root), "inotify is not available (\(error)); polling for changes every \(PollingWatcher.defaultInterval)")
        }
        #else
        return (PollingWatcher(root: root), nil)
        #endif
    }
}
