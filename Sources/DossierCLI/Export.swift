import ArgumentParser
import DossierCore
import DossierRender
import DossierSite
import Foundation

extension DossierCommand {
    /// `dossier export`: writes the JSON export without building the site.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the handbook's JSON export.",
            discussion: """
            Writes the same JSON document `dossier build` writes to site/data/dossier.json \
            (its schema is site/data/dossier.schema.json), to a file or to standard output. \
            Problems are printed to standard error; the exit status is 1 when there were \
            errors.
            """
        )

        @OptionGroup var handbook: HandbookOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the JSON: a file path, or - for standard output.", valueName: "file"))
        var output: String = "-"

        func run() async throws {
            let model = await SiteReader(root: URL(fileURLWithPath: handbook.root)).read()
            DiagnosticPrinter.printToStandardError(model.diagnostics)
            let bytes = try SiteExport(model: model).json()
            if output == "-" {
                FileHandle.standardOutput.write(Data(bytes))
            } else {
                let url = URL(fileURLWithPath: output)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url, options: .atomic)
            }
            if model.diagnostics.hasErrors { throw ExitCode.failure }
        }
    }
}
