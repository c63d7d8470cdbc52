import DossierCore

/// The site being served, its errors, and the pages listening for changes: the one piece
/// of state that request handlers and the rebuild loop share.
///
/// Every change goes through `publish`, which swaps the snapshot and notifies listeners
/// under one lock, so a page can never be served a version newer than the events its
/// stream will receive.
final class LiveSite: Sendable {
    struct State {
        /// `nil` until the first build finishes.
        var snapshot: SiteSnapshot?
        /// The error overlay's HTML while the last build had errors.
        var overlay: String?
        /// Counts published versions.
        var generation = 0
        /// Whether a build without errors has been served yet: until then, a build with
        /// errors is served anyway (its pages without errors are better than nothing).
        var hasGoodBuild = false
        var listeners: [Int: AsyncStream<String>.Continuation] = [:]
        var nextListener = 0
        var closed = false
    }

    /// Distinguishes this server run's versions from an earlier run's, so a page left open
    /// across a restart reloads when its stream reconnects.
    let instance: String
    private let state = Locked(State())

    init(instance: String? = nil) {
        self.instance = instance ?? String(UInt32.random(in: .min ... .max), radix: 16)
    }

    /// What a request sees: the current snapshot, overlay and version, read together.
    struct View: Sendable {
        var snapshot: SiteSnapshot?
        var overlay: String?
        var version: String
    }

    var view: View {
        state.withLock { View(snapshot: $0.snapshot, overlay: $0.overlay, version: version(of: $0)) }
    }

    private func version(of state: State) -> String { "\(instance)-\(state.generation)" }

    /// What publishing a build did.
    struct Publication: Sendable {
        /// What changed in the served site (nothing when the build was not served).
        var changes: SiteChanges
        /// The build had errors and the previous site is still served.
        var keptPrevious: Bool
        /// An update event went to the listening pages.
        var notified: Bool
        var listeners: Int
    }

    /// Takes a finished build. A build without errors replaces the site and clears the
    /// overlay; a build with errors only shows its overlay over the last good site. Pages
    /// are told when the site or the overlay changed.
    func publish(_ snapshot: SiteSnapshot, overlay: String?, sources: ChangeBatch?) -> Publication {
        state.withLock { state in
            let serve = overlay == nil || !state.hasGoodBuild
            let first = state.snapshot == nil
            var changes = SiteChanges.none
            if serve {
                changes = SiteChanges.between(state.snapshot ?? SiteSnapshot(), snapshot, sources: sources)
                state.snapshot = snapshot
            }
            if overlay == nil { state.hasGoodBuild = true }
            let overlayChanged = overlay != state.overlay
            state.overlay = overlay
            guard first || !changes.isEmpty || overlayChanged else {
                return Publication(changes: changes, keptPrevious: !serve, notified: false, listeners: state.listeners.count)
            }
            state.generation += 1
            let update = LiveEvents.Update(version: version(of: state), paths: changes.paths,
                                           all: changes.reloadsEveryPage, overlay: overlay ?? "")
            let frame = LiveEvents.frame("update", update)
            for listener in state.listeners.values { listener.yield(frame) }
            return Publication(changes: changes, keptPrevious: !serve, notified: true, listeners: state.listeners.count)
        }
    }

    /// A new listening page's stream of event frames, starting with `hello`. It ends when
    /// the server closes.
    func listen() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let open = state.withLock { state in
            guard !state.closed else { return false }
            let id = state.nextListener
            state.nextListener += 1
            state.listeners[id] = continuation
            // Set before anyone can end the stream; it runs when the page goes away.
            continuation.onTermination = { [weak self] _ in
                self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
            }
            continuation.yield(LiveEvents.opening(version: version(of: state)))
            return true
        }
        if !open { continuation.finish() }
        return stream
    }

    /// Sends a heartbeat to every listening page.
    func heartbeat() {
        state.withLock { state in
            for listener in state.listeners.values { listener.yield(LiveEvents.heartbeat) }
        }
    }

    var listenerCount: Int { state.withLock { $0.listeners.count } }

    /// Whether the server is shutting down.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Ends every stream and refuses new ones, so that open pages do not hold the server's
    /// graceful shutdown open.
    func close() {
        let listeners = state.withLock { state in
            state.closed = true
            defer { state.listeners = [:] }
            return Array(state.listeners.values)
        }
        // Outside the lock: finishing runs `onTermination`, which takes it.
        for listener in listeners { listener.finish() }
    }
}
