import DossierTestSupport
import Foundation
import Testing

/// `dossier init` and `dossier new`, run as a newcomer would: init, check, build, new.
struct ScaffoldCommandTests {
    /// The repository's `templates/` folder, which the binary embeds.
    static let repositoryTemplates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")

    @Test(arguments: [["init", "--help"], ["new", "--help"]])
    func helpTextMatchesTheSnapshot(arguments: [String]) throws {
        let output = try Dossier.run(arguments)
        #expect(output.status == 0)
        let (matches, message) = matchesSnapshot(output.stdout, named: "help-" + arguments.joined(separator: "-").replacingOccurrences(of: "--", with: ""))
        #expect(matches, "\(message)")
    }

    @Test func initThenCheckStrictThenBuild() throws {
        let folder = try TemporaryFolder()
        let initialised = try Dossier.run(["init", "hb"], in: folder.url)
        #expect(initialised.status == 0)
        #expect(initialised.stderr.isEmpty)
        #expect(initialised.stdout == """
        Created a handbook in \(folder.url.standardizedFileURL.path)/hb:
          dossier.yml
          .gitignore
          content/profiles/example.md
          content/patterns/example.md

        Next: read the two examples (they explain the format as they go), then:
          cd hb
          dossier serve                                preview the handbook while you edit it
          dossier build                                write the site into site/
          dossier new profile "Data Platform Expert"   add a profile of your own

        """)

        let handbook = folder.url.appendingPathComponent("hb")
        let check = try Dossier.run(["check", "--strict"], in: handbook)
        #expect(check.status == 0)
        #expect(check.stderr.isEmpty)
        #expect(check.stdout == "2 documents checked · 0 warnings, 0 errors\n")

        let build = try Dossier.run(["build"], in: handbook)
        #expect(build.status == 0)
        #expect(build.stderr.isEmpty)
        #expect(build.stdout.contains("· 0 warnings, 0 errors · site written to"))
        for page in ["profiles/example/index.html", "patterns/example/index.html", "guides/example-static-site-behind-a-cdn/index.html",
                     "guides/example-static-site-behind-a-cdn.md", "guides/example/index.html"] {
            #expect(FileManager.default.fileExists(atPath: handbook.appendingPathComponent("site/\(page)").path), "no \(page)")
        }
    }

    @Test func initInTheCurrentFolder() throws {
        let folder = try TemporaryFolder()
        let output = try Dossier.run(["init"], in: folder.url)
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("Created a handbook in the current folder:\n"))
        #expect(!output.stdout.contains("cd "))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("content/profiles/example.md").path))
    }

    /// `dossier init` in a repository: its `.gitignore` is kept and given the lines it lacks.
    @Test func initBesideAnExistingGitignore() throws {
        let folder = try TemporaryFolder()
        try Data("node_modules/\n".utf8).write(to: folder.url.appendingPathComponent(".gitignore"))
        let output = try Dossier.run(["init"], in: folder.url)
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        #expect(output.stdout.contains("\n  dossier.yml\n  .gitignore (lines added to the existing one)\n  content/profiles/example.md\n"))
        let gitignore = try String(contentsOf: folder.url.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(gitignore.hasPrefix("node_modules/\n\n") && gitignore.hasSuffix("site/\n.dossier-cache/\n"))
    }

    @Test func initTemplatesCopiesEveryBuiltInTemplateByteForByte() throws {
        let folder = try TemporaryFolder()
        let output = try Dossier.run(["init", "--templates", folder.url.path])
        #expect(output.status == 0)
        let copied = try snapshot(of: folder.url.appendingPathComponent("templates"))
        let repository = try snapshot(of: Self.repositoryTemplates)
        #expect(!repository.isEmpty)
        #expect(copied.keys.sorted() == repository.keys.sorted())
        for (path, bytes) in repository {
            #expect(copied[path] == bytes, "templates/\(path) differs from the repository's")
        }
        #expect(output.stdout.contains("  templates/ (\(repository.count) built-in templates and assets, to customise)\n"))
        // A handbook with its own copy of every template builds as the built-in ones do.
        #expect(try Dossier.run(["check", "--strict", "--root", folder.url.path]).status == 0)
    }

    @Test func initRefusesToOverwriteAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write("hb/dossier.yml", "title: Mine\n")
        try folder.write("hb/templates/base.mustache", "mine\n")
        let output = try Dossier.run(["init", "hb", "--templates"], in: folder.url)
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == """
        hb/dossier.yml: error: refusing to overwrite: the file already exists [scaffold.exists]
        hb/templates/base.mustache: error: refusing to overwrite: the file already exists [scaffold.exists]
        error: nothing was written; move those files away, or run dossier init in another folder

        """)
        #expect(try snapshot(of: folder.url.appendingPathComponent("hb")).keys.sorted() == ["dossier.yml", "templates/base.mustache"])
        #expect(try String(contentsOf: folder.url.appendingPathComponent("hb/dossier.yml"), encoding: .utf8) == "title: Mine\n")
    }

    @Test func initIntoAFileIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("taken", "a file\n")
        let output = try Dossier.run(["init", "taken"], in: folder.url)
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("\(folder.url.standardizedFileURL.path)/taken: error: is a file, not a folder"))
    }

    @Test func newAddsDocumentsThatCheckClean() throws {
        let folder = try TemporaryFolder()
        #expect(try Dossier.run(["init", "hb"], in: folder.url).status == 0)
        let profile = try Dossier.run(["new", "profile", "Data Platform Expert", "--root", "hb"], in: folder.url)
        #expect(profile.status == 0)
        #expect(profile.stderr.isEmpty)
        #expect(profile.stdout == """
        Created hb/content/profiles/data-platform-expert.md: replace the example text with your own, then run
          dossier check --strict --root hb

        """)
        let handbook = folder.url.appendingPathComponent("hb")
        let pattern = try Dossier.run(["new", "pattern", "Blue/Green Release"], in: handbook)
        #expect(pattern.status == 0)
        #expect(pattern.stdout.hasPrefix("Created content/patterns/blue-green-release.md: "))
        let text = try String(contentsOf: handbook.appendingPathComponent("content/profiles/data-platform-expert.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\nname: data-platform-expert\n"))
        #expect(text.contains("\n# Data Platform Expert\n"))

        let check = try Dossier.run(["check", "--strict"], in: handbook)
        #expect(check.status == 0)
        #expect(check.stdout == "4 documents checked · 0 warnings, 0 errors\n")
    }

    @Test func newRefusesAnExistingFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("content/profiles/data-platform-expert.md", "# Mine\n")
        let output = try Dossier.run(["new", "profile", "Data Platform Expert"], in: folder.url)
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == """
        content/profiles/data-platform-expert.md: error: refusing to overwrite: the file already exists [scaffold.exists]
        error: nothing was written; choose another name, or edit the existing file

        """)
        #expect(try String(contentsOf: folder.url.appendingPathComponent("content/profiles/data-platform-expert.md"), encoding: .utf8) == "# Mine\n")
    }

    @Test func newRejectsANameWithoutAnID() throws {
        let folder = try TemporaryFolder()
        try folder.write("dossier.yml", "title: T\n")
        let output = try Dossier.run(["new", "pattern", "日本語"], in: folder.url)
        #expect(output.status == 64)
        #expect(output.stderr.hasPrefix("Error: ‘日本語’ gives an empty file name: Dossier's ids keep only ASCII letters, digits, - and _"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("content").path))
    }

    @Test func newNeedsAHandbook() throws {
        let folder = try TemporaryFolder()
        let output = try Dossier.run(["new", "profile", "Someone"], in: folder.url)
        #expect(output.status == 1)
        #expect(output.stderr == "\(folder.url.standardizedFileURL.path): error: not a Dossier handbook (it has no content/ folder and no dossier.yml); create one with `dossier init`, or point --root at one [scaffold.not-a-handbook]\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func newNeedsAKnownKind() throws {
        let output = try Dossier.run(["new", "page", "About"])
        #expect(output.status == 64)
        #expect(output.stderr.hasPrefix("Error: The value 'page' is invalid for '<kind>'. Please provide one of 'profile' and 'pattern'."))
    }
}
