import ArgumentParser
import DossierSite
import Foundation

extension DossierCommand {
    /// `dossier init`: starts a new handbook.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new handbook.",
            discussion: """
            Writes dossier.yml, a .gitignore, and an example profile and pattern document \
            (content/profiles/example.md, content/patterns/example.md) that use every \
            section Dossier reads and explain it as they go. Existing files are never \
            overwritten: if any file Dossier would write exists, nothing is written and each \
            one is named. An existing .gitignore is kept, with the lines it lacks added.
            """
        )

        @Argument(help: ArgumentHelp("The folder to create the handbook in; it is created if missing.", valueName: "dir"))
        var directory: String = "."

        @Flag(help: "Also copy every built-in template into <dir>/templates/, to customise: a file there replaces the built-in one of the same name.")
        var templates = false

        func run() async throws {
            let root = URL(fileURLWithPath: directory)
            let hadGitignore = FileManager.default.fileExists(atPath: root.appendingPathComponent(".gitignore").path)
            let written: [String]
            do throws(ScaffoldError) {
                written = try Scaffold.handbook(templates: templates).write(to: root)
            } catch {
                ScaffoldReport.fail(error, root: directory, nothingWritten: "nothing was written; move those files away, or run dossier init in another folder")
            }
            let shown = directory == "." ? "the current folder" : root.standardizedFileURL.path
            var text = "Created a handbook in \(shown):\n"
            for path in written where !path.hasPrefix("templates/") {
                text += path == ".gitignore" && hadGitignore ? "  .gitignore (lines added to the existing one)\n" : "  \(path)\n"
            }
            let copied = written.count { $0.hasPrefix("templates/") }
            if copied > 0 { text += "  templates/ (\(copied) built-in templates and assets, to customise)\n" }
            let next = directory == "." ? [] : [("cd \(ScaffoldReport.shellQuoted(directory))", "")]
            text += "\nNext: read the two examples (they explain the format as they go), then:\n"
            text += ScaffoldReport.aligned(next + [
                ("dossier serve", "preview the handbook while you edit it"),
                ("dossier build", "write the site into site/"),
                ("dossier new profile \"Data Platform Expert\"", "add a profile of your own"),
            ])
            print(text, terminator: "")
        }
    }
}

/// Printing scaffold problems and hints, shared by `init` and `new`.
enum ScaffoldReport {
    /// Prints the problems of a failed scaffold (`path: error: message [code]`, paths as the
    /// user wrote the folder) and exits with status 1.
    static func fail(_ error: ScaffoldError, root: String, nothingWritten: String?) -> Never {
        var lines = error.lines { display(path: $0, root: root) }
        if error.problems.contains(where: { $0.code == .writeFailed }) {
            lines.append("error: nothing was written: the files written before the failure were removed")
        } else if let nothingWritten, error.problems.contains(where: { $0.code == .exists || $0.code == .notAFolder }) {
            lines.append("error: \(nothingWritten)")
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        DossierCommand.exit(withError: ExitCode.failure)
    }

    /// `content/x.md` under the folder the user named: `DIR/content/x.md`, or as it is when
    /// the folder is the current one. Absolute paths stay as they are.
    static func display(path: String, root: String) -> String {
        if path.hasPrefix("/") || root == "." || root.isEmpty { return path }
        return (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/" + path
    }

    /// Commands with a comment each, the comments lined up.
    static func aligned(_ commands: [(command: String, comment: String)]) -> String {
        let width = commands.map(\.command.count).max() ?? 0
        return commands.map { command, comment in
            let padded = comment.isEmpty ? command : command + String(repeating: " ", count: width - command.count) + "   " + comment
            return "  " + padded + "\n"
        }.joined()
    }

    /// A path ready to paste into a shell.
    static func shellQuoted(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+:,@%=".contains($0)) }
        return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
