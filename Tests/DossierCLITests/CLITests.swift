import Foundation
import Testing

struct CLITests {
    @Test(arguments: [["--help"], ["build", "--help"], ["check", "--help"], ["export", "--help"], ["serve", "--help"]])
    func helpTextMatchesTheSnapshot(arguments: [String]) throws {
        let output = try Dossier.run(arguments)
        #expect(output.status == 0)
        let (matches, message) = matchesSnapshot(output.stdout, named: "help-" + arguments.joined(separator: "-").replacingOccurrences(of: "--", with: ""))
        #expect(matches, "\(message)")
    }

    @Test func printsDiagnosticsLikeACompilerAndFailsOnErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write("dossier.yml", "title: CLI\ncolour: blue\n")
        try folder.write("content/profiles/a.md", "# A\n\nSee [missing](nope.md).\n")
        try Data([0x23, 0x20, 0x41, 0x0A, 0xC3, 0x28]).write(to: folder.url.appendingPathComponent("content/profiles/b.md"))
        let output = try Dossier.run(["build", "--root", folder.url.path])
        #expect(output.status == 1)
        #expect(output.stderr == """
        content/profiles/a.md:3:5: warning: link to ‘nope.md’: there is no content/profiles/nope.md in this handbook [link.missing-document]
        content/profiles/b.md:2:1: error: file is not valid UTF-8 (byte offset 4); save it as UTF-8 — the file is skipped [text.invalid-utf8]
        dossier.yml:2:1: warning: unknown key ‘colour’ in dossier.yml (known keys: title, description, base_url, unsafe_html, mermaid_js) [config.unknown-key]

        """)
        #expect(output.stdout.hasPrefix("1 document → 7 pages in "))
        #expect(output.stdout.contains("· 2 warnings, 1 error · site written to \(folder.url.standardizedFileURL.path)/site"))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("site/profiles/a/index.html").path))
    }

    @Test func succeedsQuietlyOnACleanHandbook() throws {
        let folder = try TemporaryFolder()
        try folder.write("content/profiles/a.md", "# A\n")
        let output = try Dossier.run(["build"], in: folder.url)
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        #expect(output.stdout.contains("1 document → 7 pages"))
    }

    @Test func refusesAForeignOutputFolderAndSaysHowToProceed() throws {
        let folder = try TemporaryFolder()
        try folder.write("content/a.md", "# A\n")
        try folder.write("docs/index.html", "mine")
        let output = try Dossier.run(["build", "--root", folder.url.path, "--output", folder.url.appendingPathComponent("docs").path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("error: refusing to replace"))
        #expect(output.stderr.contains("Choose an empty or new folder with --output"))
        #expect(try String(contentsOf: folder.url.appendingPathComponent("docs/index.html"), encoding: .utf8) == "mine")
    }

    /// A build killed at any moment leaves the previous site exactly as it was.
    @Test func aKilledBuildLeavesThePreviousSite() throws {
        let folder = try TemporaryFolder()
        let body = String(repeating: "- item with **bold** and `code` → arrow\n", count: 200)
        for i in 0..<400 { try folder.write("content/profiles/p\(i).md", "# Profile \(i)\n\n\(body)") }
        #expect(try Dossier.run(["build", "--root", folder.url.path]).status == 0)
        let site = folder.url.appendingPathComponent("site")
        let marker = try Data(contentsOf: site.appendingPathComponent("profiles/p0/index.html"))

        try folder.write("content/profiles/p0.md", "# Changed\n")
        var killedMidway = 0
        for delay in [30, 80, 160, 320] {
            let output = try Dossier.run(["build", "--root", folder.url.path], killAfter: .milliseconds(delay))
            guard output.killed else { break }  // finished before the kill: nothing more to learn
            killedMidway += 1
            #expect(try Data(contentsOf: site.appendingPathComponent("profiles/p0/index.html")) == marker, "killed after \(delay) ms")
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("profiles/p399/index.html").path))
        }
        #expect(killedMidway > 0, "every build finished before it could be killed; the test proved nothing")
        // The next build cleans up what the killed ones left and succeeds.
        #expect(try Dossier.run(["build", "--root", folder.url.path]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(names.filter { $0.hasPrefix(".site.dossier-") }.isEmpty)
        #expect(try String(contentsOf: site.appendingPathComponent("profiles/p0/index.html"), encoding: .utf8).contains("Changed"))
    }
}

struct CheckAndExportCommandTests {
    func handbook() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("content/profiles/a.md", """
        # A
        ## Capability Confidence Levels
        ### Secondary Expertise (0.60-0.84)
        - Too high: 0.95
        ## Collaboration
        - **Works best with**:
          - ghost-expert (nobody)
        """)
        return folder
    }

    @Test func textFormatAndStrict() throws {
        let folder = try handbook()
        let plain = try Dossier.run(["check", "--root", folder.url.path])
        #expect(plain.status == 0)
        #expect(plain.stderr == "content/profiles/a.md:4:13: warning: ‘Too high’ has confidence 0.95, outside its tier ‘Secondary Expertise (0.60-0.84)’ (0.60–0.84) [confidence.tier-mismatch]\n")
        #expect(plain.stdout == "1 document checked · 1 warning, 0 errors\n")
        #expect(try Dossier.run(["check", "--root", folder.url.path, "--strict"]).status == 1)
        let verbose = try Dossier.run(["check", "--root", folder.url.path, "--verbose"])
        #expect(verbose.stderr.contains("content/profiles/a.md:7:1: note: ‘ghost-expert’ (works-with) is not a profile in this handbook [relation.unresolved]"))
        #expect(verbose.stdout == "1 document checked · 1 warning, 0 errors, 1 note\n")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("site").path))
    }

    @Test func jsonAndGitHubFormats() throws {
        let folder = try handbook()
        let json = try Dossier.run(["check", "--root", folder.url.path, "--format", "json"])
        let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(array?.count == 1)
        #expect(array?.first?["code"] as? String == "confidence.tier-mismatch")
        #expect(array?.first?["line"] as? Int == 4)
        let github = try Dossier.run(["check", "--root", folder.url.path, "--format", "github"])
        #expect(github.stdout == "::warning file=content/profiles/a.md,line=4,col=13,title=confidence.tier-mismatch::‘Too high’ has confidence 0.95, outside its tier ‘Secondary Expertise (0.60-0.84)’ (0.60–0.84)\n")
    }

    @Test func errorsFailTheCheck() throws {
        let folder = try TemporaryFolder()
        try folder.write("content/a.md", "# A\n")
        try Data([0xFF]).write(to: folder.url.appendingPathComponent("content/b.md"))
        #expect(try Dossier.run(["check", "--root", folder.url.path]).status == 1)
    }

    @Test func exportWritesJSONToStandardOutputOrAFile() throws {
        let folder = try handbook()
        let out = try Dossier.run(["export", "--root", folder.url.path])
        #expect(out.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        #expect(json?["schemaVersion"] as? String == "1.1")
        #expect((json?["profiles"] as? [[String: Any]])?.first?["id"] as? String == "a")
        let file = folder.url.appendingPathComponent("out/export.json")
        #expect(try Dossier.run(["export", "--root", folder.url.path, "--output", file.path]).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == out.stdout)
    }
}
