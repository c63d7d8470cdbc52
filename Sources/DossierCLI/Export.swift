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
            // Written as it is made, a batch of profiles at a time, rather than whole.
            let export = SiteExport(model: model)
            if output == "-" {
                try export.write { FileHandle.standardOutput.write(Data($0)) }
            } else {
                let url = URL(fileURLWithPath: output).standardizedFileURL
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // A failed export leaves the previous one whole.
                try FolderSink.writeAtomically(to: url) { emit in try export.write(emit) }
            }
            if model.diagnostics.hasErrors { throw ExitCode.failure }
        }
    }
}
