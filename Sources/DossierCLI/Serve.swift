import ArgumentParser
import DossierCore
import DossierServe
import DossierSite
import Foundation
import Logging
import ServiceLifecycle

extension DossierCommand {
    /// `dossier serve`: the development server.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the handbook locally, rebuilding as you edit.",
            discussion: """
            Builds the handbook in memory (ROOT/site is not touched) and serves it over \
            HTTP. Changes to content/, templates/ and dossier.yml rebuild the site, and \
            open pages reload when they changed. While the last build has errors, the \
            last good site stays up and every page shows the errors over it. Stop with \
            Ctrl-C.
            """
        )

        @OptionGroup var handbook: HandbookOptions

        @Option(help: ArgumentHelp("The address to listen on. Any address but a loopback one makes the site reachable from other machines.", valueName: "address"))
        var host: String = "127.0.0.1"

        @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
        var port: Int = 4000

        @Flag(help: "Open the site in a browser once it is ready (with xdg-open).")
        var open = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        }

        func run() async throws {
            let settings = ServeConfiguration(root: URL(fileURLWithPath: handbook.root), host: host, port: port)
            if !settings.isLoopbackOnly {
                Terminal.error("warning: listening on \(host): the site is reachable from other machines on the network")
            }
            let server = DevServer(configuration: settings)
            var logger = Logger(label: "dossier.serve")
            logger.logLevel = .warning
            var configuration = ServiceGroupConfiguration(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            // A shutdown that hangs (a build of a huge handbook in progress) is cut short.
            configuration.maximumGracefulShutdownDuration = .seconds(10)
            let group = ServiceGroup(configuration: configuration)

            let printer = Task { [open] in
                var terminal = Terminal(root: settings.root, openBrowser: open)
                for await event in server.events { terminal.show(event) }
            }
            do {
                try await group.run()
            } catch {
                await printer.value
                Terminal.error("error: \(error)")
                throw ExitCode.failure
            }
            await printer.value
            Terminal.say("Stopped.")
        }
    }
}

/// What `serve` prints: the first build's problems and summary, the address, then a line
/// per rebuild with what changed, the build's summary, and the time from the change being
/// noticed to open pages being told.
struct Terminal {
    var root: URL
    var openBrowser: Bool
    /// Diagnostics already printed: a rebuild prints only new ones, so a handbook with many
    /// warnings does not repeat them all on every save (the summary still counts them).
    var printed: Set<Diagnostic> = []

    init(root: URL, openBrowser: Bool) {
        self.root = root
        self.openBrowser = openBrowser
    }

    mutating func show(_ event: ServeEvent) {
        switch event {
        case .building:
            Self.say("Building \(root.path) …")
        case .polling(let reason):
            Self.error("note: \(reason)")
        case .stoppedWatching:
            Self.error("warning: the file watcher stopped; changes are no longer picked up. Restart dossier serve.")
        case .ready(let url):
            Self.say("Serving \(url.absoluteString) — watching content/, templates/ and dossier.yml. Ctrl-C stops.")
            if openBrowser { Self.open(url) }
        case .built(let rebuild):
            let fresh = rebuild.report.diagnostics.filter { !printed.contains($0) }
            DiagnosticPrinter.printToStandardError(fresh)
            printed = Set(rebuild.report.diagnostics)
            Self.say(Self.line(for: rebuild))
        }
    }

    /// `content/profiles/a.md → 3 documents → 9 pages in 120 ms · 0 warnings, 0 errors ·
    /// reloaded profiles/a/ · 131 ms from change to reload`
    static func line(for rebuild: Rebuild) -> String {
        var parts: [String] = []
        if let trigger = rebuild.trigger {
            parts.append(describe(trigger) + " → " + summary(rebuild.report))
        } else {
            parts.append(summary(rebuild.report))
        }
        if rebuild.report.diagnostics.hasErrors {
            parts.append(rebuild.keptPreviousSite ? "errors shown over the last good site" : "errors shown over the site")
        }
        if rebuild.trigger != nil {
            let changes = rebuild.changes
            if changes.isEmpty {
                if !rebuild.report.diagnostics.hasErrors { parts.append("no page changed") }
            } else if changes.reloadsEveryPage {
                parts.append("every page reloads")
            } else if !changes.pages.isEmpty {
                parts.append("reloaded " + list(changes.pages))
            } else {
                parts.append("updated " + list(changes.paths))
            }
            if let latency = rebuild.latency {
                parts.append("\(milliseconds(latency)) ms from change to reload (\(rebuild.listeners) page\(rebuild.listeners == 1 ? "" : "s") open)")
            }
        }
        return parts.joined(separator: " · ")
    }

    static func describe(_ trigger: ChangeBatch) -> String {
        trigger.overflowed ? "many files changed (events were lost)" : list(trigger.paths.sorted())
    }

    static func list(_ items: [String]) -> String {
        items.count <= 3 ? items.joined(separator: ", ") : items.prefix(2).joined(separator: ", ") + " and \(items.count - 2) more"
    }

    /// `dossier build`'s summary without its last part (where the site was written: here
    /// a private folder nobody needs to see).
    static func summary(_ report: BuildReport) -> String {
        let d = report.documents, p = report.pagesWritten
        let w = report.diagnostics.warningCount, e = report.diagnostics.errorCount
        return "\(d) document\(d == 1 ? "" : "s") → \(p) page\(p == 1 ? "" : "s") in \(milliseconds(report.duration)) ms"
            + " · \(w) warning\(w == 1 ? "" : "s"), \(e) error\(e == 1 ? "" : "s")"
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    /// Opens the address with the desktop's opener, or says how to open it by hand.
    static func open(_ url: URL) {
        #if os(macOS)
        let opener = "open"
        #else
        let opener = "xdg-open"
        #endif
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(opener)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            error("note: --open needs \(opener), which is not installed; open \(url.absoluteString) in a browser")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [url.absoluteString]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            self.error("note: could not run \(opener) (\(error.localizedDescription)); open \(url.absoluteString) in a browser")
        }
    }

    /// Standard output, written at once (not buffered), so scripts reading it through a
    /// pipe see each line as it happens.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
