import DossierServe
import Foundation
import Logging
import ServiceLifecycle

/// A handbook folder in a fresh temporary directory, with a folder beside it for the
/// server's private build folder; both removed when the value is dropped.
final class TestHandbook: @unchecked Sendable {
    let folder: URL
    var root: URL { folder.appendingPathComponent("handbook") }
    /// Where the server makes its private build folder (so tests can see it is removed).
    var scratch: URL { folder.appendingPathComponent("scratch") }

    init(files: [String: String] = TestHandbook.twoProfiles) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    /// Writes in place (open, truncate, write), as many editors do.
    func write(_ path: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Writes beside the file and renames over it, as Vim, Emacs and VS Code do.
    func saveByRename(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw WaitFailure(description: "rename failed: \(errno)") }
    }

    static let twoProfiles = [
        "content/profiles/data-expert.md": profile("Data Expert", "Specialist in data pipelines."),
        "content/profiles/web-expert.md": profile("Web Expert", "Specialist in browsers."),
        "content/about.md": "# About\n\nThis handbook is for the tests.\n",
        "secret.txt": "TOP SECRET: not part of the site\n",
    ]

    static func profile(_ title: String, _ role: String) -> String {
        "# \(title)\n\n## Role & Expertise\n\(role)\n\n## Core Responsibilities\n- Build things\n- Review things\n"
    }
}

/// `DevServer` running in a `ServiceGroup` on a free port, as the command line runs it,
/// but with no signal handlers unless a test asks for one: tests trigger the graceful
/// shutdown themselves.
final class TestServer: Sendable {
    let group: ServiceGroup
    let run: Task<Void, any Error>
    /// Everything the server reported, from the first build on.
    let events: Recording<ServeEvent>
    let port: Int
    let url: URL

    private init(group: ServiceGroup, run: Task<Void, any Error>, events: Recording<ServeEvent>, port: Int, url: URL) {
        self.group = group
        self.run = run
        self.events = events
        self.port = port
        self.url = url
    }

    /// `stopsOnSIGUSR2`: the group shuts down gracefully on that signal, as the command line
    /// does on SIGINT and SIGTERM.
    static func start(_ handbook: TestHandbook, host: String = "127.0.0.1", port: Int = 0,
                      stopsOnSIGUSR2: Bool = false) async throws -> TestServer {
        let server = DevServer(configuration: ServeConfiguration(root: handbook.root, host: host, port: port,
                                                                  temporaryFolder: handbook.scratch))
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: stopsOnSIGUSR2 ? [.sigusr2] : [], logger: Logger(label: "test"))
        let events = Recording<ServeEvent>()
        Task {
            for await event in server.events { events.append(event) }
            events.finish()
        }
        let run = Task { try await group.run() }
        let ready = try await events.first(within: .seconds(60), "the server to be ready") {
            if case .ready = $0 { return true }
            return false
        }
        guard case .ready(let url) = ready, let port = url.port else { throw WaitFailure(description: "no port in \(ready)") }
        return TestServer(group: group, run: run, events: events, port: port, url: url)
    }

    /// The next build reported from event `index` on.
    func build(from index: Int, _ what: String) async throws -> Rebuild {
        let event = try await events.first(from: index, what) {
            if case .built = $0 { return true }
            return false
        }
        guard case .built(let rebuild) = event else { throw WaitFailure(description: what) }
        return rebuild
    }

    /// Shuts down gracefully and waits until `run()` has returned.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await finished("the server to stop")
    }

    /// Waits for `run()` to return; past the limit the run is cancelled (so a shutdown that
    /// hangs fails the test instead of hanging it) and the wait fails.
    func finished(_ what: String, within limit: Duration = .seconds(20)) async throws {
        let run = self.run
        try await withTimeout(limit, what) {
            try await withTaskCancellationHandler { try await run.value } onCancel: { run.cancel() }
        }
    }

    func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> RawHTTP.Response {
        try await RawHTTP.request(port: port, target, method: method, headers: headers)
    }
}
