import ArgumentParser
import DossierCore

/// `dossier`: the root command; each subcommand lives in its own file.
public struct DossierCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Build an expertise handbook from Markdown profiles and pattern documents.",
        discussion: """
        A handbook folder holds content/ (profiles/, patterns/ and any other pages as \
        Markdown), an optional dossier.yml and an optional templates/ folder that overrides \
        the built-in templates by file name.
        """,
        version: DossierVersion.current,
        subcommands: [Build.self, Check.self, Export.self, Serve.self, Init.self, New.self],
        defaultSubcommand: nil
    )

    public init() {}
}

/// Options every command that reads a handbook shares.
struct HandbookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The handbook folder: it holds content/, and optionally dossier.yml and templates/.", valueName: "dir"))
    var root: String = "."
}
