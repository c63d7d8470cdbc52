import DossierCore
import DossierSite
import Foundation
import Testing

struct EndToEndBuildTests {
    /// The repository's sample handbook, built into a temporary folder.
    @Test func buildsTheSampleHandbook() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = await SiteBuilder(root: repositoryRoot, output: output).build()
        #expect(report.committed)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")

        let profile = try String(contentsOf: output.appendingPathComponent("profiles/aws-expert/index.html"), encoding: .utf8)
        #expect(profile.contains("<title>AWS Expert · Dossier Sample Handbook</title>"))
        #expect(profile.contains("<h1>AWS Expert</h1>"))
        #expect(profile.contains("<span id=\"aws-expert\"></span>"))  // the H1's anchor still lands at the top
        #expect(profile.contains("<h2 id=\"role--expertise\">Role &amp; Expertise"))
        #expect(profile.contains("<h3 id=\"primary-expertise-085\">Primary Expertise (≥0.85)"))
        // Capabilities as bars, with every word of the list item.
        #expect(profile.contains("<li id=\"cap-lambda-function-deployment-and-optimization\" class=\"tier-primary\">"))
        #expect(profile.contains("<span class=\"label\">Lambda function deployment and optimization</span>"))
        #expect(profile.contains("<span class=\"bar-fill tier-primary\" style=\"width: 92%\"></span></span>\n    <span class=\"value\">0.92</span>"))
        #expect(profile.contains("last updated feature-aws-lambda-backend-deployment"))
        // The service matrix as a heat table row: a table row of the page.
        #expect(profile.contains("<tr id=\"service-lambda\"><th scope=\"row\">Lambda</th><td class=\"heat heat-5\">0.92</td><td>Serverless functions, event-driven architectures, custom runtimes</td></tr>"))
        #expect(profile.contains("<a href=\"#capability-confidence-levels\">Capability Confidence Levels</a>"))
        // A list item of the Markdown, and the diagram drawn as SVG.
        #expect(profile.contains("<li>Design and implement AWS cloud infrastructure using CDK, CloudFormation, or Terraform</li>"))
        #expect(profile.contains("role=\"img\""))
        #expect(profile.contains("<a class=\"guide-link\" href=\"../../guides/aws-expert-serverless-api-with-python/\">"))
        #expect(profile.contains("<link rel=\"stylesheet\" href=\"../../assets/dossier.css\">"))
        // Nothing is dropped: the last line of the file is on the page.
        #expect(profile.contains("Continuously updated through project completions to reflect real-world AWS implementation patterns."))

        let about = try String(contentsOf: output.appendingPathComponent("about/index.html"), encoding: .utf8)
        #expect(about.contains("<td align=\"left\">Primary</td>\n<td align=\"center\">≥ 0.85</td>"))
        #expect(about.contains("<a href=\"../profiles/aws-expert/\">AWS Expert</a>"))

        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<h3><a href=\"profiles/aws-expert/\">AWS Expert</a></h3>"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("404.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/dossier.css").path))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/dossier.json"))) as? [String: Any]
        #expect(json?["schemaVersion"] as? String == "1.1")
        let generator = json?["generator"] as? [String: Any]
        #expect(generator?["name"] as? String == "Dossier")
        #expect((json?["site"] as? [String: Any])?["title"] as? String == "Dossier Sample Handbook")
        let profiles = try #require(json?["profiles"] as? [[String: Any]])
        let aws = try #require(profiles.first { $0["id"] as? String == "aws-expert" })
        #expect(aws["title"] as? String == "AWS Expert")
        #expect((aws["source"] as? [String: Any])?["path"] as? String == "content/profiles/aws-expert.md")
        #expect((aws["capabilities"] as? [Any])?.count == 17)
        let sections = try #require(aws["sections"] as? [[String: Any]])
        let children = try #require(sections.first?["children"] as? [[String: Any]])
        let matrix = try #require(children.first { $0["text"] as? String == "AWS Service Expertise Matrix" })
        #expect(matrix["id"] as? String == "aws-service-expertise-matrix")
        #expect(matrix["level"] as? Int == 2)
        #expect(matrix["line"] as? Int == 286)
        let documents = try #require(json?["documents"] as? [[String: Any]])
        #expect(documents.map { $0["id"] as? String } == ["about", "index"])
        let patterns = try #require(json?["patterns"] as? [[String: Any]])
        #expect(patterns.compactMap { $0["id"] as? String } == [
            "data-pipeline-handoff", "infrastructure-review",
            "aws-expert-serverless-api-with-python", "aws-expert-container-based-api", "aws-expert-amplify-full-stack",
            "da-architect-governed-analytics-landing-zone", "da-architect-cross-cloud-analytics-failover",
            "dbt-expert-layered-elt-with-test-gates", "dbt-expert-slim-ci-with-deferred-state",
            "documentation-expert-docs-as-code-publishing-pipeline", "documentation-expert-api-reference-from-the-running-application",
        ])
    }

    /// A guide shows its pattern's diagram with the guide's own ids, the owner's tiers and
    /// links to the services' rows on the owner's page; the profile page draws the same
    /// layout with its ids and links within the page. (The page makes both figures.)
    @Test func aGuideDrawsItsDiagramWithItsOwnIdsAndLinks() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = await SiteBuilder(root: repositoryRoot, output: output).build()
        #expect(report.committed)
        func drawings(_ page: String) throws -> [String] {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            return html.components(separatedBy: "<svg").dropFirst().compactMap { $0.components(separatedBy: "</svg>").first }
        }
        let title = "Architecture of Serverless API with Python"
        let guide = try #require(try drawings("guides/aws-expert-serverless-api-with-python/index.html").first { $0.contains(title) })
        let page = try #require(try drawings("profiles/aws-expert/index.html").first { $0.contains(title) })
        #expect(guide.contains("<title id=\"dg1-title\">\(title)</title>"))
        #expect(guide.contains("href=\"../../profiles/aws-expert/#service-lambda\""))
        #expect(!guide.contains("href=\"#"))
        #expect(page.contains("href=\"#service-lambda\""))
        #expect(guide.contains("dg-tier-primary"))
        // The same drawing once ids and links are set aside.
        func drawing(_ svg: String) -> String {
            svg.replacingOccurrences(of: #"dg[0-9]+-"#, with: "dg-", options: .regularExpression)
                .replacingOccurrences(of: #"href="[^"]*""#, with: "href", options: .regularExpression)
        }
        #expect(drawing(guide) == drawing(page))
    }

    @Test func worksWithOnlyAContentFolder() async throws {
        let handbook = try TemporaryHandbook(files: ["content/profiles/data-expert.md": minimalProfile])
        let report = await handbook.build()
        #expect(report.committed)
        #expect(report.diagnostics.isEmpty)
        let page = try handbook.read("profiles/data-expert/index.html")
        #expect(page.contains("<title>Data Expert · Expertise Handbook</title>"))
        #expect(page.contains("<li>Build pipelines</li>"))
    }

    @Test func classifiesAndRoutesContent() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/team/aws-expert.md": "# AWS\n",
            "content/patterns/deploy-pattern.md": "# Deploy\n",
            "content/docs/setup.md": "# Setup\n\nSee [the pattern](../patterns/deploy-pattern.md#deploy) and ![img](img/d.png).\n",
            "content/docs/index.md": "# Docs\n",
            "content/docs/img/d.png": "PNG",
            "content/index.md": "Welcome to **our** handbook.\n",
            "content/.hidden.md": "# Hidden\n",
            "content/.drafts/x.md": "# Draft\n",
        ])
        let report = await handbook.build()
        #expect(report.diagnostics.map(\.code) == ["guide.no-rollback"], "\(report.diagnostics)")
        #expect(handbook.exists("profiles/aws-expert/index.html"))
        #expect(handbook.exists("patterns/deploy-pattern/index.html"))
        #expect(handbook.exists("docs/setup/index.html"))
        #expect(handbook.exists("docs/index.html"))
        #expect(handbook.exists("docs/img/d.png"))
        #expect(!handbook.exists("hidden/index.html"))
        #expect(!handbook.exists(".drafts"))
        let setup = try handbook.read("docs/setup/index.html")
        #expect(setup.contains("<a href=\"../../patterns/deploy-pattern/#deploy\">the pattern</a>"))
        #expect(setup.contains("<img src=\"../img/d.png\" alt=\"img\" />"))
        #expect(try handbook.read("index.html").contains("Welcome to <strong>our</strong> handbook."))
        let json = try handbook.read("data/dossier.json")
        #expect(json.contains("\"document\" : \"deploy-pattern\""))
        #expect(!json.contains("Hidden"))
    }

    @Test func badFilesAreReportedAndTheRestIsBuilt() async throws {
        let handbook = try TemporaryHandbook(files: ["content/profiles/good.md": minimalProfile])
        try handbook.write("content/profiles/broken.md", bytes: Array("# Broken\n\nbad byte: ".utf8) + [0xFF, 0x0A])
        try handbook.write("content/profiles/mojibake.md", "# Moji\n\nA â†’ B\n")
        let report = await handbook.build()
        #expect(report.committed)
        let broken = try #require(report.diagnostics.first { $0.code == "text.invalid-utf8" })
        #expect(broken.location == SourceLocation(path: "content/profiles/broken.md", line: 3, column: 11))
        #expect(broken.severity == .error)
        let mojibake = try #require(report.diagnostics.first { $0.code == "text.mojibake" })
        #expect(mojibake.location?.line == 3)
        #expect(try handbook.read("profiles/good/index.html").contains("Data Expert"))
        #expect(try handbook.read("profiles/mojibake/index.html").contains("A → B"))
        #expect(!handbook.exists("profiles/broken/index.html"))
        #expect(try handbook.read("data/dossier.json").contains("\"code\" : \"text.invalid-utf8\""))
    }

    @Test func rawHTMLFollowsTheConfiguration() async throws {
        let markdown = "# Page\n\n<div class=\"callout\">Note</div>\n\n[x](javascript:alert(1))\n"
        let safe = try TemporaryHandbook(files: ["content/page.md": markdown])
        _ = await safe.build()
        let safePage = try safe.read("page/index.html")
        #expect(!safePage.contains("<div class=\"callout\">"))
        #expect(!safePage.contains("javascript:"))

        let unsafe = try TemporaryHandbook(files: ["content/page.md": markdown, "dossier.yml": "unsafe_html: true\n"])
        _ = await unsafe.build()
        let unsafePage = try unsafe.read("page/index.html")
        #expect(unsafePage.contains("<div class=\"callout\">Note</div>"))
        #expect(!unsafePage.contains("javascript:"))
    }

    @Test func duplicateIdsAndReservedPathsAreErrorsButStillBuilt() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/a/expert.md": "# One\n",
            "content/profiles/b/expert.md": "# Two\n",
            "content/matrix.md": "# Mine\n",
        ])
        let report = await handbook.build()
        #expect(report.diagnostics.map(\.code).sorted() == ["document.duplicate-id", "document.reserved-path"])
        #expect(report.diagnostics.first { $0.code == "document.duplicate-id" }?.location?.path == "content/profiles/b/expert.md")
        #expect(try handbook.read("profiles/expert/index.html").contains("One"))
        #expect(try handbook.read("profiles/expert-2/index.html").contains("Two"))
        #expect(try handbook.read("matrix-page/index.html").contains("Mine"))
    }

    @Test func brokenDocumentLinksAreWarnings() async throws {
        let handbook = try TemporaryHandbook(files: ["content/profiles/a.md": "# A\n\nSee [b](b.md).\n"])
        let report = await handbook.build()
        let warning = try #require(report.diagnostics.first)
        #expect(warning.code == "link.missing-document")
        #expect(warning.location == SourceLocation(path: "content/profiles/a.md", line: 3, column: 5))
    }

    @Test func missingContentFolderIsAnError() async throws {
        let handbook = try TemporaryHandbook()
        let report = await handbook.build()
        #expect(!report.committed)
        #expect(report.diagnostics.map(\.code) == ["content.missing"])
    }
}
