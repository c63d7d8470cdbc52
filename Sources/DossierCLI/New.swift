import ArgumentParser
import DossierSite
import Foundation

extension DossierCommand {
    /// `dossier new profile|pattern NAME`: adds a document to a handbook.
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a profile or a pattern document to the handbook.",
            discussion: """
            Writes content/profiles/<slug>.md or content/patterns/<slug>.md, where <slug> is \
            <name> as Dossier makes ids ("Data Platform Expert" → data-platform-expert). The \
            file starts from the same example as dossier init's, titled <name>, with its \
            front matter name set to the slug. An existing file is never overwritten.
            """
        )

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case profile, pattern
        }

        @Argument(help: ArgumentHelp("What to add: profile (an agent, in content/profiles/) or pattern (a procedure, in content/patterns/).", valueName: "kind"))
        var kind: Kind

        @Argument(help: ArgumentHelp("The document's title, such as \"Data Platform Expert\". Its slug is the file name and the id, so it needs at least one ASCII letter or digit.", valueName: "name"))
        var name: String

        @OptionGroup var handbook: HandbookOptions

        func validate() throws {
            do throws(ScaffoldError) {
                _ = try ScaffoldName(name)
            } catch {
                throw ValidationError(error.problems.map(\.message).joined(separator: "; "))
            }
        }

        func run() async throws {
            let root = URL(fileURLWithPath: handbook.root)
            let written: [String]
            do throws(ScaffoldError) {
                let name = try ScaffoldName(name)
                try Scaffold.checkHandbook(at: root)
                written = try Scaffold.newDocument(kind.scaffoldKind, name: name).write(to: root)
            } catch {
                ScaffoldReport.fail(error, root: handbook.root, nothingWritten: "nothing was written; choose another name, or edit the existing file")
            }
            let shown = written.map { ScaffoldReport.display(path: $0, root: handbook.root) }
            let check = handbook.root == "." ? "dossier check --strict" : "dossier check --strict --root \(ScaffoldReport.shellQuoted(handbook.root))"
            print("""
            Created \(shown.joined(separator: ", ")): replace the example text with your own, then run
              \(check)
            """)
        }
    }
}

extension DossierCommand.New.Kind {
    var scaffoldKind: Scaffold.Kind {
        switch self {
        case .profile: .profile
        case .pattern: .pattern
        }
    }
}
