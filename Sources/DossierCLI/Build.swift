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
            export in data/dossier.json. The site is built beside the output folder and \
            swapped in only when the build completes, so a failed build leaves the previous \
            site as it was. Problems are printed as path:line:col: severity: message; the \
            exit status is 1 when there were errors (pages of files without errors are \
            still written).
            """
        )

        @OptionGroup var handbook: HandbookOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the site (default: ROOT/site). Dossier only replaces an empty folder or one it built.", valueName: "dir"))
        var output: String?

        func run() async throws {
            let root = URL(fileURLWithPath: handbook.root)
            let builder = SiteBuilder(root: root, output: output.map { URL(fileURLWithPath: $0) })
            let report = await builder.build()
            DiagnosticPrinter.printToStandardError(report.diagnostics)
            print(report.summary)
            if report.diagnostics.hasErrors || !report.committed { throw ExitCode.failure }
        }
    }
}
