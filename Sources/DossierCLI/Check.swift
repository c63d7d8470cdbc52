import ArgumentParser
import DossierCore
import DossierRender
import DossierSite
import Foundation

extension DossierCommand {
    /// `dossier check`: reads and validates the handbook without writing anything.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the handbook without building it.",
            discussion: """
            Reads every file, extracts what it says and reports problems: invalid text, \
            YAML and templates, confidences outside 0–1 or outside their tier, duplicate \
            capabilities, unclosed or wrongly nested code fences, links to missing files. \
            Nothing is written. Exit status 1 when there are errors (or warnings, with \
            --strict).
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, github
        }

        @OptionGroup var handbook: HandbookOptions

        @Flag(help: "Fail (exit 1) on warnings too.")
        var strict = false

        @Flag(help: "Also report notes: relations to agents that are not profiles in this handbook, costs Dossier cannot read.")
        var verbose = false

        @Flag(help: "Also check the built site (see --site): every link and anchor of every page must resolve.")
        var links = false

        @Option(name: .long, help: ArgumentHelp("The built site --links checks (default: ROOT/site).", valueName: "dir"))
        var site: String?

        @Option(help: ArgumentHelp("Output format: text (path:line:col: severity: message [code]), json (an array of diagnostics), or github (GitHub Actions annotations).", valueName: "format"))
        var format: Format = .text

        func run() async throws {
            let root = URL(fileURLWithPath: handbook.root)
            var model = await SiteReader(root: root).read()
            if links {
                let folder = site.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("site")
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) {
                    let basePath = URL(string: model.config.baseURL).map(\.path).flatMap { $0.isEmpty ? nil : $0 } ?? "/"
                    model.diagnostics += SiteLinkChecker(folder: folder, basePath: basePath).check()
                } else {
                    model.diagnostics.append(.error("link.no-site", "no built site in \(folder.path): run `dossier build` first, or point --site at it", at: nil))
                }
            }
            let shown = model.diagnostics.filter { verbose || $0.severity != .note }
            switch format {
            case .text:
                DiagnosticPrinter.printToStandardError(shown, includeNotes: verbose)
                let documents = model.profiles.count + model.patterns.filter { $0.kind == .document }.count + model.pages.count
                print("\(documents) document\(documents == 1 ? "" : "s") checked · \(Self.count(shown.warningCount, "warning")), \(Self.count(shown.errorCount, "error"))"
                      + (verbose ? ", \(Self.count(shown.count { $0.severity == .note }, "note"))" : ""))
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                let data = try encoder.encode(shown.map(SiteExport.Problem.init))
                print(String(decoding: data, as: UTF8.self))
            case .github:
                for diagnostic in shown { print(GitHubAnnotation.line(for: diagnostic)) }
            }
            if model.diagnostics.hasErrors || (strict && model.diagnostics.warningCount > 0) { throw ExitCode.failure }
        }

        static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    }
}

/// GitHub Actions workflow commands: `::warning file=…,line=…,col=…,title=…::message`.
enum GitHubAnnotation {
    static func line(for diagnostic: Diagnostic) -> String {
        let command: String
        switch diagnostic.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        var properties: [String] = []
        if let location = diagnostic.location {
            properties += ["file=\(escapeProperty(location.path))", "line=\(location.line)", "col=\(location.column)"]
        }
        properties.append("title=\(escapeProperty(diagnostic.code))")
        let message = ([diagnostic.message] + diagnostic.notes).joined(separator: "\n")
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
