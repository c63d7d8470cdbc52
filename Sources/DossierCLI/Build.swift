import ArgumentParser
import DossierCore
import DossierSite
import Foundation

extension DossierCommand {
    /// `dossier build`: renders the handbook into a folder.
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the handbook's site.",
            discussion: """
            Renders every Markdown file under ROOT/content into HTML pages, with the \
            export in data/dossier.json. What a build made is kept in ROOT/.dossier-cache, \
            so the next build renders only what changed and writes only files whose bytes \
            changed; its output is identical to a build without the cache. New files reach \
            the output folder only when the build completes, so a failed build leaves the \
            previous site as it was. Problems are printed as path:line:col: severity: \
            message; the exit status is 1 when there were errors (pages of files without \
            errors are still written).
            """
        )

        @OptionGroup var handbook: HandbookOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the site (default: ROOT/site). Dossier only replaces an empty folder or one it built.", valueName: "dir"))
        var output: String?

        @Flag(name: .long, help: "Ignore the cache in ROOT/.dossier-cache: build every page again (the cache is then written afresh).")
        var clean = false

        @Flag(name: .long, help: "Print how long each stage of the build took.")
        var timings = false

        func run() async throws {
            let root = URL(fileURLWithPath: handbook.root)
            var builder = SiteBuilder(root: root, output: output.map { URL(fileURLWithPath: $0) })
            builder.clean = clean
            let report = await builder.build()
            // Notes about the cache are shown: the user should know why a build was slow.
            DiagnosticPrinter.printToStandardError(report.diagnostics.filter { $0.severity != .note || $0.code.hasPrefix("cache.") }, includeNotes: true)
            print(report.summary)
            if timings {
                for (name, duration) in report.phases {
                    let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
                    print("  \(name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", ms)) ms")
                }
            }
            if report.diagnostics.hasErrors || !report.committed { throw ExitCode.failure }
        }
    }
}
