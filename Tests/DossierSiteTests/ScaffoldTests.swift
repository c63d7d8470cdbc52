import DossierCore
import DossierRender
import DossierSite
import Foundation
import Testing
import DossierTestSupport

/// `dossier init`'s handbook: its examples must be read in full, without a single warning,
/// and drawn as pictures; and writing it must never replace a file.
struct ScaffoldHandbookTests {
    /// A new handbook, written by the scaffold into a fresh folder.
    func initialised(templates: Bool = false) throws -> TemporaryHandbook {
        let handbook = try TemporaryHandbook()
        try Scaffold.handbook(templates: templates).write(to: handbook.root)
        return handbook
    }

    @Test func writesTheSettingsAndBothExamples() throws {
        let handbook = try initialised()
        let written = try snapshot(of: handbook.root)
        #expect(Set(written.keys) == ["dossier.yml", ".gitignore", "content/profiles/example.md", "content/patterns/example.md"])
        let gitignore = String(decoding: written[".gitignore"]!, as: UTF8.self)
        #expect(gitignore.split(separator: "\n").contains("site/"))
        #expect(gitignore.split(separator: "\n").contains(".dossier-cache/"))
        // The optional settings are there to uncomment, each explained.
        let configuration = String(decoding: written["dossier.yml"]!, as: UTF8.self)
        for key in ["base_url", "unsafe_html", "mermaid_js"] {
            #expect(configuration.contains("\n# \(key): "), "dossier.yml has no hint for \(key)")
        }
        let (config, diagnostics) = ConfigLoader.parse(configuration, path: "dossier.yml")
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Expertise Handbook")
        #expect(!config.description.isEmpty)
    }

    /// Not a warning: the only notes are the collaborators the example names, which are not
    /// profiles of a new handbook (the text says so, and how to add them).
    @Test func checksWithoutAWarning() async throws {
        let handbook = try initialised()
        let model = await SiteReader(root: handbook.root).read()
        #expect(model.diagnostics.filter { $0.severity != .note } == [], "\(model.diagnostics)")
        let notes = model.diagnostics.filter { $0.severity == .note }
        #expect(notes.allSatisfy { $0.code == "relation.unresolved" }, "\(notes)")
        #expect(notes.map(\.message).sorted() == [
            "‘documentation-expert’ (works-with) is not a profile in this handbook",
            "‘security-specialist’ (works-with) is not a profile in this handbook",
        ])
    }

    @Test func theExampleProfileFillsEveryPartOfTheModel() async throws {
        let handbook = try initialised()
        let model = await SiteReader(root: handbook.root).read()
        let profile = try #require(model.profiles.first { $0.id == "example" })
        #expect(profile.title == "Example")
        #expect(["name", "description", "model", "color", "tools"].allSatisfy { profile.frontMatter[$0]?.text?.isEmpty == false })
        #expect(profile.description == profile.frontMatter["description"]?.text)
        #expect(profile.role?.hasPrefix("Publishes static websites") == true)
        #expect(profile.responsibilities.count >= 3)

        // Three tiers, each with its range and italic description, each holding capabilities.
        #expect(profile.tiers.map(\.level) == [.primary, .secondary, .developing])
        for tier in profile.tiers {
            #expect(tier.range != nil, "tier \(tier.title) has no range")
            #expect(tier.description?.isEmpty == false, "tier \(tier.title) has no description")
            #expect(profile.capabilities.contains { $0.tier == tier.id }, "tier \(tier.title) is empty")
        }
        let changed = try #require(profile.capabilities.first { $0.previousConfidence != nil })
        #expect(changed.name == "CDN cache configuration")
        #expect(changed.previousConfidence == 0.75 && changed.confidence == 0.88)
        #expect(changed.note?.isEmpty == false)
        #expect(changed.details.count == 2)
        #expect(profile.capabilities.contains { $0.lastUpdated == "handbook-launch" })
        #expect(profile.capabilities.contains { $0.lastUpdated == "docs-migration" && $0.note == "rehearsed on every release" })
        #expect(profile.capabilities.contains { $0.status == "PROMOTED to Primary" })

        // The matrix, grouped by category.
        #expect(Set(profile.services.map(\.category)) == ["Build and Delivery", "Domains and Security", "Observability"])
        #expect(profile.services.allSatisfy { $0.description?.isEmpty == false })

        let success = try #require(profile.metrics.first { $0.key == "Success rate" })
        #expect(success.rate == 0.96 && success.successes == 46 && success.attempts == 48)
        #expect(profile.metrics.contains { $0.key == "Releases" && $0.count == 48 })

        let knowledge = profile.knowledge
        #expect(knowledge.bestPractices.contains { $0.learnedFrom == "docs-migration" && !$0.items.isEmpty })
        let common = try #require(knowledge.commonPatterns.first)
        #expect(common.confidence == 0.90)
        #expect(common.code.first?.language == "sh")
        #expect(knowledge.gaps.first?.priority == "medium")
        #expect(knowledge.priorities.map(\.current) == [0.52, 0.78])
        #expect(knowledge.priorities.map(\.target) == [0.80, 0.90])

        let oneLiners = profile.troubleshooting.filter { $0.shape == .oneLine }
        #expect(oneLiners.count >= 2 && oneLiners.allSatisfy { $0.successRate != nil && $0.solution?.isEmpty == false })
        let block = try #require(profile.troubleshooting.first { $0.shape == .block })
        #expect(block.problem == "Release Switch Did Not Take Effect")
        #expect(block.symptoms != nil && block.rootCauses.count == 2 && block.resolution != nil && block.successRate == 0.90)

        let relations = Set(profile.relations.map { "\($0.kind.rawValue) \($0.target)" })
        #expect(relations == [
            "works-with security-specialist", "works-with documentation-expert",
            "integrates-with security-specialist", "hands-off-to documentation-expert",
        ])
    }

    @Test func theExampleArchitecturePatternIsComplete() async throws {
        let handbook = try initialised()
        let model = await SiteReader(root: handbook.root).read()
        let profile = try #require(model.profiles.first { $0.id == "example" })
        #expect(profile.patterns == ["example-static-site-behind-a-cdn", "example-two-region-failover"])
        let pattern = try #require(model.patterns.first { $0.id == "example-static-site-behind-a-cdn" })
        #expect(pattern.number == 1)
        #expect(pattern.confidence == 0.90)
        #expect(pattern.provenIn == ["handbook-launch", "docs-migration"])
        let cost = try #require(pattern.cost)
        #expect(cost.parsed && cost.min == 5 && cost.max == 15 && cost.currency == "USD" && cost.period == "month")
        #expect(!pattern.whenToUse.isEmpty && !pattern.whenNotToUse.isEmpty && !pattern.prerequisites.isEmpty)
        #expect(pattern.implementation.count == 4)
        #expect(!pattern.monitoring.isEmpty)
        #expect(!pattern.rollback.isEmpty)

        // A chain of boxes with one hanging under Origin Server (the `↓`).
        let diagram = try #require(pattern.diagram)
        let labels = Dictionary(uniqueKeysWithValues: diagram.nodes.map { ($0.id, $0.label) })
        #expect(diagram.nodes.map(\.label) == ["Git Push", "CI Runner", "Origin Server", "CDN", "Readers", "Access Logs"])
        #expect(Set(diagram.edges.map { "\(labels[$0.from]!) → \(labels[$0.to]!)" }) == [
            "Git Push → CI Runner", "CI Runner → Origin Server", "Origin Server → CDN", "CDN → Readers", "Origin Server → Access Logs",
        ])
        // Boxes that name a service of the matrix are that service.
        #expect(pattern.services == ["CI Runner", "Origin Server", "CDN", "Access Logs"])

        let future = try #require(model.patterns.first { $0.id == "example-two-region-failover" })
        #expect(future.status == "Future")
        #expect(future.useCase?.isEmpty == false)
        #expect(future.diagram?.nodes.first { $0.label.hasPrefix("Standby Origin") }?.future == true)
        #expect(!future.rollback.isEmpty)
    }

    @Test func theExamplePatternDocumentIsExtracted() async throws {
        let handbook = try initialised()
        let model = await SiteReader(root: handbook.root).read()
        let pattern = try #require(model.patterns.first { $0.id == "example" && $0.kind == .document })
        #expect(pattern.title == "Example")
        #expect(pattern.patternType == "Deployment")
        #expect(pattern.tools == ["dossier", "rsync", "ssh"])
        #expect(pattern.confidence == 0.88 && pattern.level == "HIGH")
        #expect(pattern.confidenceNote?.isEmpty == false)
        #expect(pattern.cost?.parsed == true)
        // Its primary user is the example profile, so its guide draws on that profile.
        #expect(pattern.relations.map(\.targetID) == ["example"])
        let problem = try #require(pattern.problem)
        #expect(problem.scenario != nil && problem.challenge != nil && problem.goal != nil)
        #expect(pattern.implementation.map(\.number) == ["1", "2", "3", "4"])
        #expect(pattern.implementation.prefix(3).allSatisfy { !$0.code.isEmpty })
        #expect(!pattern.whenToUse.isEmpty && !pattern.whenNotToUse.isEmpty && !pattern.prerequisites.isEmpty)
        #expect(!pattern.monitoring.isEmpty && !pattern.rollback.isEmpty)
        #expect(pattern.relatedPatterns.map(\.target) == ["../profiles/example.md#pattern-1-static-site-behind-a-cdn"])
        let diagram = try #require(pattern.diagram)
        #expect(diagram.nodes.map(\.label) == ["Check", "Build", "Upload", "Switch", "Verify", "Roll Back"])
        #expect(diagram.edges.count == 5)
    }

    /// The build draws every section as a picture: no item falls back to plain Markdown.
    @Test func buildsPagesWithPicturesAndGuides() async throws {
        let handbook = try initialised()
        let report = await handbook.build()
        #expect(report.committed)
        #expect(report.diagnostics.filter { $0.severity != .note } == [], "\(report.diagnostics)")
        let model = await SiteReader(root: handbook.root).read()
        let profile = try #require(model.profiles.first)

        let page = try handbook.read("profiles/example/index.html")
        #expect(page.components(separatedBy: "<ul class=\"bars tier-").count - 1 == profile.tiers.count)
        #expect(page.components(separatedBy: "<td class=\"heat heat-").count - 1 == profile.services.count)
        #expect(page.components(separatedBy: "<span class=\"stat-key\">").count - 1 == profile.metrics.count)
        #expect(page.components(separatedBy: "<div class=\"pattern-facts\">").count - 1 == profile.patterns.count)
        #expect(page.components(separatedBy: "<figure class=\"diagram\">").count - 1 == profile.patterns.count)
        #expect(page.contains("current 0.52"))  // the priority bars
        #expect(page.contains("<th scope=\"row\">Styles missing on a new page</th>"))  // the troubleshooting table
        #expect(!page.contains("class=\"plain\"") && !page.contains("colspan=\"3\""), "an item fell back to Markdown")
        #expect(page.contains("href=\"../../patterns/example/\""))

        let document = try handbook.read("patterns/example/index.html")
        #expect(document.contains("<figure class=\"diagram\">"))
        #expect(document.contains("href=\"../../profiles/example/#pattern-1-static-site-behind-a-cdn\""))

        for id in ["example-static-site-behind-a-cdn", "example-two-region-failover", "example"] {
            #expect(handbook.exists("guides/\(id)/index.html"), "no guide \(id)")
            let guide = try handbook.read("guides/\(id).md")
            #expect(guide.contains("## Rollback"), "guide \(id) has no rollback")
        }
        // The pattern document's guide draws on its primary user's troubleshooting.
        #expect(try handbook.read("guides/example-static-site-behind-a-cdn.md").contains("Readers still see the old page after a release"))
    }

    @Test func templatesAreTheBuiltInOnes() throws {
        let handbook = try initialised(templates: true)
        let written = try snapshot(of: handbook.root.appendingPathComponent("templates"))
        #expect(written.count == TemplateSet.builtIn.count)
        for (name, bytes) in TemplateSet.builtIn {
            #expect(written[name] == Data(bytes), "templates/\(name) differs from the built-in one")
        }
    }
}

/// Writing a scaffold is all or nothing, and never replaces a file.
struct ScaffoldWritingTests {
    @Test func oneExistingFileMeansNothingIsWritten() throws {
        let handbook = try TemporaryHandbook(files: ["content/patterns/example.md": "mine\n"])
        let before = try snapshot(of: handbook.root)
        #expect(throws: ScaffoldError(problems: [.init(code: .exists, path: "content/patterns/example.md", message: "refusing to overwrite: the file already exists")])) {
            try Scaffold.handbook(templates: true).write(to: handbook.root)
        }
        #expect(try snapshot(of: handbook.root) == before)
    }

    @Test func everyConflictIsNamed() throws {
        let handbook = try TemporaryHandbook(files: ["dossier.yml": "title: Mine\n", "content/profiles": "a file, not a folder\n"])
        let error = try #require(throws: ScaffoldError.self) { try Scaffold.handbook().write(to: handbook.root) }
        #expect(error.problems.map(\.code) == [.exists, .notAFolder])
        #expect(error.problems.map(\.path) == ["dossier.yml", "content/profiles"])
        #expect(error.lines(display: { "hb/" + $0 }) == [
            "hb/dossier.yml: error: refusing to overwrite: the file already exists [scaffold.exists]",
            "hb/content/profiles: error: is a file, but Dossier needs a folder there to write content/profiles/example.md [scaffold.not-a-folder]",
        ])
        #expect(try String(contentsOf: handbook.root.appendingPathComponent("dossier.yml"), encoding: .utf8) == "title: Mine\n")
        #expect(!FileManager.default.fileExists(atPath: handbook.root.appendingPathComponent(".gitignore").path))
    }

    /// A dangling symbolic link is in the way as much as a file is.
    @Test func aDanglingLinkIsAConflict() throws {
        let handbook = try TemporaryHandbook()
        try FileManager.default.createSymbolicLink(atPath: handbook.root.appendingPathComponent("dossier.yml").path, withDestinationPath: "nowhere.yml")
        let error = try #require(throws: ScaffoldError.self) { try Scaffold.handbook().write(to: handbook.root) }
        #expect(error.problems.map(\.path) == ["dossier.yml"])
    }

    @Test func aFolderThatIsAFileIsRefused() throws {
        let handbook = try TemporaryHandbook(files: ["handbook": "a file\n"])
        let error = try #require(throws: ScaffoldError.self) { try Scaffold.handbook().write(to: handbook.root.appendingPathComponent("handbook")) }
        #expect(error.problems.map(\.code) == [.notAFolder])
    }

    @Test func createsMissingFoldersAndAddsToAnExistingOne() throws {
        let handbook = try TemporaryHandbook(files: ["notes.txt": "kept\n"])
        let nested = handbook.root.appendingPathComponent("a/b")
        #expect(try Scaffold.handbook().write(to: nested).contains("content/profiles/example.md"))
        try Scaffold.newDocument(.profile, name: ScaffoldName("Other")).write(to: handbook.root)
        #expect(try String(contentsOf: handbook.root.appendingPathComponent("notes.txt"), encoding: .utf8) == "kept\n")
    }

    /// A failure part-way (here a file name too long for the file system) removes what was
    /// written, folders included, and leaves no temporary file.
    @Test func aFailedWriteLeavesNothingBehind() throws {
        let handbook = try TemporaryHandbook()
        let scaffold = Scaffold(files: [
            .init(path: "new/ok.md", bytes: Array("fine\n".utf8)),
            .init(path: "new/" + String(repeating: "x", count: 300) + ".md", bytes: Array("too long\n".utf8)),
        ])
        let error = try #require(throws: ScaffoldError.self) { try scaffold.write(to: handbook.root) }
        #expect(error.problems.map(\.code) == [.writeFailed])
        #expect(try FileManager.default.contentsOfDirectory(atPath: handbook.root.path) == [])
    }

    static func text(_ handbook: TemporaryHandbook, _ path: String) throws -> String {
        try String(contentsOf: handbook.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// A handbook started in a repository: its `.gitignore` gets the lines it lacks, after
    /// its own, which are kept as they were.
    @Test func anExistingGitignoreGetsTheLinesItLacks() throws {
        let own = "# editors\n.DS_Store\n*.swp\n/site\n"
        let handbook = try TemporaryHandbook(files: [".gitignore": own])
        let path = handbook.root.appendingPathComponent(".gitignore").path
        chmod(path, 0o600)
        let written = try Scaffold.handbook().write(to: handbook.root)
        #expect(written == ["dossier.yml", ".gitignore", "content/profiles/example.md", "content/patterns/example.md"])
        let merged = try String(contentsOfFile: path, encoding: .utf8)
        #expect(merged == own + "\n# Written by `dossier build`: build it again rather than committing it.\n.dossier-cache/\n")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        // Nothing left to add: the file is not touched, nor listed.
        let again = try TemporaryHandbook(files: [".gitignore": "site/\n.dossier-cache\n"])
        #expect(try Scaffold.handbook().write(to: again.root) == ["dossier.yml", "content/profiles/example.md", "content/patterns/example.md"])
        #expect(try Self.text(again, ".gitignore") == "site/\n.dossier-cache\n")
        // No final newline, or an empty file.
        let bare = try TemporaryHandbook(files: [".gitignore": "node_modules"])
        try Scaffold.handbook().write(to: bare.root)
        #expect(try Self.text(bare, ".gitignore").hasPrefix("node_modules\n\n# Written by"))
        let empty = try TemporaryHandbook(files: [".gitignore": ""])
        try Scaffold.handbook().write(to: empty.root)
        #expect(try Self.text(empty, ".gitignore") == "# Written by `dossier build`: build it again rather than committing it.\nsite/\n.dossier-cache/\n")
    }

    /// A conflict elsewhere leaves the `.gitignore` as it was; so does a failure part-way.
    @Test func aGitignoreIsPutBackWhenNothingIsWritten() throws {
        let handbook = try TemporaryHandbook(files: [".gitignore": "build/\n", "dossier.yml": "title: Mine\n"])
        #expect(throws: ScaffoldError.self) { try Scaffold.handbook().write(to: handbook.root) }
        #expect(try Self.text(handbook, ".gitignore") == "build/\n")
        let failing = try TemporaryHandbook(files: [".gitignore": "build/\n"])
        let scaffold = Scaffold(files: [
            .init(path: ".gitignore", bytes: Array("site/\n".utf8), addsMissingLines: true),
            .init(path: "new/" + String(repeating: "x", count: 300) + ".md", bytes: Array("too long\n".utf8)),
        ])
        #expect(throws: ScaffoldError.self) { try scaffold.write(to: failing.root) }
        #expect(try Self.text(failing, ".gitignore") == "build/\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: failing.root.path) == [".gitignore"])
    }

    /// A `.gitignore` that is a link, or a folder, is in the way like any other file.
    @Test func aGitignoreThatIsNotAFileIsAConflict() throws {
        let handbook = try TemporaryHandbook(files: ["elsewhere": "site/\n"])
        try FileManager.default.createSymbolicLink(atPath: handbook.root.appendingPathComponent(".gitignore").path, withDestinationPath: "elsewhere")
        let error = try #require(throws: ScaffoldError.self) { try Scaffold.handbook().write(to: handbook.root) }
        #expect(error.problems.map(\.path) == [".gitignore"])
    }
}

/// `dossier new`: names, slugs, and the same no-overwrite rule.
struct ScaffoldNewDocumentTests {
    @Test(arguments: [
        ("Data Platform Expert", "Data Platform Expert", "data-platform-expert"),
        ("  Café Crème  ", "Café Crème", "caf-cr-me"),
        ("C# / .NET Expert", "C# / .NET Expert", "c-net-expert"),
        ("dbt_expert v2!", "dbt_expert v2!", "dbt_expert-v2"),
        ("Ünïcödé Team", "Ünïcödé Team", "n-c-d-team"),
        ("AWS → Azure", "AWS → Azure", "aws-azure"),
    ])
    func namesBecomeDossiersSlugs(name: String, title: String, slug: String) throws {
        let parsed = try ScaffoldName(name)
        #expect(parsed.title == title)
        #expect(parsed.slug == slug)
        #expect(parsed.slug == Slug.make(title))
        #expect(Scaffold.newDocument(.profile, name: parsed).files.map(\.path) == ["content/profiles/\(slug).md"])
        #expect(Scaffold.newDocument(.pattern, name: parsed).files.map(\.path) == ["content/patterns/\(slug).md"])
    }

    @Test(arguments: ["", "   ", "日本語", "!!! ???", "—", "two\nlines", "tab\there"])
    func namesWithoutAnIDAreRejected(name: String) throws {
        let error = try #require(throws: ScaffoldError.self) { try ScaffoldName(name) }
        #expect(error.problems.map(\.code) == [.invalidName])
        #expect(error.problems.allSatisfy { $0.path == nil })
    }

    @Test(arguments: Scaffold.Kind.allCases)
    func aNewDocumentChecksCleanAndCarriesItsName(kind: Scaffold.Kind) async throws {
        let handbook = try TemporaryHandbook(files: ["dossier.yml": "title: Team\n"])
        try Scaffold.newDocument(kind, name: ScaffoldName("Data Platform Expert")).write(to: handbook.root)
        let model = await SiteReader(root: handbook.root).read()
        // Nothing it links to is missing, in any handbook: no warnings.
        #expect(model.diagnostics.filter { $0.severity != .note } == [], "\(model.diagnostics)")
        switch kind {
        case .profile:
            let profile = try #require(model.profiles.first)
            #expect(profile.id == "data-platform-expert" && profile.title == "Data Platform Expert")
            #expect(profile.frontMatter["name"]?.text == "data-platform-expert")
            #expect(profile.patterns.first == "data-platform-expert-static-site-behind-a-cdn")
        case .pattern:
            let pattern = try #require(model.patterns.first)
            #expect(pattern.id == "data-platform-expert" && pattern.title == "Data Platform Expert")
            #expect(pattern.frontMatter["name"]?.text == "data-platform-expert")
            #expect(pattern.relations.isEmpty && !pattern.rollback.isEmpty)
        }
    }

    @Test func aTitleEndingInHashKeepsIt() async throws {
        let handbook = try TemporaryHandbook(files: ["dossier.yml": "title: Team\n"])
        try Scaffold.newDocument(.profile, name: ScaffoldName("Expert #")).write(to: handbook.root)
        let model = await SiteReader(root: handbook.root).read()
        #expect(model.profiles.first?.title == "Expert #")
    }

    @Test func anExistingFileIsNeverOverwritten() throws {
        let handbook = try TemporaryHandbook(files: ["content/profiles/data-platform-expert.md": "# Mine\n"])
        let error = try #require(throws: ScaffoldError.self) {
            try Scaffold.newDocument(.profile, name: ScaffoldName("Data Platform Expert")).write(to: handbook.root)
        }
        #expect(error.problems.map(\.code) == [.exists])
        #expect(error.problems.map(\.path) == ["content/profiles/data-platform-expert.md"])
        #expect(try handbook.read("content/profiles/data-platform-expert.md", in: handbook.root) == "# Mine\n")
    }

    @Test func aHandbookIsAContentFolderOrADossierYml() throws {
        let empty = try TemporaryHandbook()
        let error = try #require(throws: ScaffoldError.self) { try Scaffold.checkHandbook(at: empty.root) }
        #expect(error.problems.map(\.code) == [.notAHandbook])
        #expect(error.problems.first?.message.contains("dossier init") == true)
        #expect(throws: ScaffoldError.self) { try Scaffold.checkHandbook(at: empty.root.appendingPathComponent("missing")) }
        let configured = try TemporaryHandbook(files: ["dossier.yml": "title: T\n"])
        try Scaffold.checkHandbook(at: configured.root)
        let content = try TemporaryHandbook(files: ["content/about.md": "# About\n"])
        try Scaffold.checkHandbook(at: content.root)
    }
}
