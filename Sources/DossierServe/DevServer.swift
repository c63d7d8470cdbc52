import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `dossier serve`: builds the handbook into memory, serves it over HTTP, rebuilds when
/// its sources change and tells open pages to reload.
///
/// A `Service`, so whoever runs it decides how it stops: the command line runs it in a
/// `ServiceGroup` that turns SIGINT and SIGTERM into a graceful shutdown, tests trigger
/// one directly. On graceful shutdown the event streams end (open pages would otherwise
/// keep the server waiting), the watcher stops, the current build (if any) finishes, the
/// HTTP server closes its connections, and the private build folder is removed.
///
/// The pieces, in the order `run()` starts them: the workspace (a private temporary
/// folder), the watcher, the HTTP server (bound before the first build, so a port in use
/// fails at once), the first build, then three loops side by side: watcher → pending
/// changes, pending changes → one rebuild at a time, heartbeats.
public struct DevServer: Service {
    public let configuration: ServeConfiguration
    /// What happens, for the caller to print; finishes when `run()` returns.
    public let events: AsyncStream<ServeEvent>
    private let reporter: AsyncStream<ServeEvent>.Continuation
    private let logger: Logger

    /// `logger` receives Hummingbird's messages; by default only its warnings and errors,
    /// since `events` already say what matters.
    public init(configuration: ServeConfiguration, logger: Logger? = nil) {
        self.configuration = configuration
        (events, reporter) = AsyncStream.makeStream(of: ServeEvent.self)
        self.logger = logger ?? {
            var quiet = Logger(label: "dossier.serve")
            quiet.logLevel = .warning
            return quiet
        }()
    }

    public enum Failure: Error, CustomStringConvertible {
        case noFolder(String)
        case workspace(String)
        case cannotListen(host: String, port: Int, reason: String)

        public var description: String {
            switch self {
            case .noFolder(let path):
                "no handbook folder at ‘\(path)’: pass the folder that holds content/ with --root"
            case .workspace(let reason):
                reason
            case .cannotListen(let host, let port, let reason):
                "cannot listen on \(host):\(port): \(reason). If another server uses this port, stop it or choose another with --port."
            }
        }
    }

    public func run() async throws {
        defer { reporter.finish() }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: configuration.root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure.noFolder(configuration.root.path)
        }
        let workspace: Workspace
        do {
            workspace = try Workspace.create(in: configuration.temporaryFolder)
        } catch {
            throw Failure.workspace(error.description)
        }
        defer { workspace.remove() }

        let live = LiveSite()
        let session = Session(root: configuration.root, workspace: workspace, live: live)
        let pending = PendingChanges()
        let (watcher, fallback) = WatchScope.makeWatcher(root: configuration.root, quietPeriod: configuration.quietPeriod)
        defer { watcher.stop() }
        if let fallback { reporter.yield(.polling(reason: fallback)) }

        // The port the server bound (the system picks one for port 0), or why it could not.
        let (boundPort, binding) = AsyncThrowingStream.makeStream(of: Int.self)
        let requestedPort = configuration.port
        let app = Application(
            responder: SiteResponder(live: live, hosts: HostCheck(configuration: configuration)),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                binding.yield(channel.localAddress?.port ?? requestedPort)
                binding.finish()
            },
            logger: logger
        )

        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await app.run()
                        binding.finish()
                    } catch {
                        binding.finish(throwing: error)
                        throw error
                    }
                }
                let port: Int
                do {
                    guard let bound = try await boundPort.first(where: { _ in true }) else { return }  // stopped before it started
                    port = bound
                } catch {
                    throw Failure.cannotListen(host: configuration.host, port: configuration.port, reason: "\(error)")
                }

                reporter.yield(.building)
                let first = await session.rebuild(after: nil)
                reporter.yield(.built(first))
                if !live.isClosed, let url = configuration.url(port: port, path: live.view.snapshot?.rootPath ?? "/") {
                    reporter.yield(.ready(url: url))
                }

                group.addTask {
                    for await batch in watcher.batches { pending.add(batch) }
                    // The watcher ends on shutdown; if it ends otherwise, say so rather than
                    // silently no longer rebuilding.
                    if !live.isClosed && !Task.isCancelled { reporter.yield(.stoppedWatching) }
                    pending.finish()
                }
                group.addTask {
                    await pending.forEach { batch in reporter.yield(.built(await session.rebuild(after: batch))) }
                }
                let heartbeat = configuration.heartbeatInterval
                group.addTask {
                    try? await cancelWhenGracefulShutdown {
                        while true {
                            try await Task.sleep(for: heartbeat)
                            live.heartbeat()
                        }
                    }
                }
                try await group.waitForAll()
            }
        } onGracefulShutdown: {
            live.close()
            watcher.stop()
            pending.finish()
        }
    }
}
