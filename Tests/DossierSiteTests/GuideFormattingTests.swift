import DossierCore
import DossierSite
import Foundation
import Testing

/// Deployment guides keep the inline formatting of what they quote (code, bold, emphasis,
/// links) in the HTML page and the Markdown file, and link related patterns to their guides.
@Suite("Guide formatting")
struct GuideFormattingTests {
    /// The seed's serverless pattern quotes the AWS Expert's common pattern "Serverless
    /// FastAPI deployment", whose sub-bullets put a command and a route in backticks.
    @Test func theSeedServerlessGuideKeepsCodeSpans() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-guide-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = await SiteBuilder(root: repositoryRoot, output: output).build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let html = try String(contentsOf: output.appendingPathComponent("guides/aws-expert-serverless-api-with-python/index.html"), encoding: .utf8)
        #expect(html.contains("<li>CDK bundling: <code>pip install -r requirements.txt -t /asset-output</code></li>"))
        #expect(html.contains("<li>Catch-all route: <code>/{proxy+}</code> for all API paths</li>"))
        // Bold labels inside sub-bullets stay bold; code with angle brackets is escaped.
        #expect(html.contains("<li><strong>Structure</strong>: <code>amplify/custom-functions/&lt;function-name&gt;/index.py</code> + <code>amplify/custom-functions/resources.ts</code></li>"))
        let markdown = try String(contentsOf: output.appendingPathComponent("guides/aws-expert-serverless-api-with-python.md"), encoding: .utf8)
        #expect(markdown.contains("  - CDK bundling: `pip install -r requirements.txt -t /asset-output`\n"))
        #expect(markdown.contains("  - Catch-all route: `/{proxy+}` for all API paths\n"))
        #expect(markdown.contains("  - **Structure**: `amplify/custom-functions/<function-name>/index.py` + `amplify/custom-functions/resources.ts`\n"))
        // The CDK stack is written under its `**CDK Stack Pattern**:` entry: it stays there,
        // inside that entry's list item, in the page and in the Markdown.
        let cdk = try #require(html.range(of: "<li><strong>CDK Stack Pattern</strong>:"))
        let entryEnd = try #require(html.range(of: "</li>", range: cdk.upperBound..<html.endIndex))
        #expect(html[cdk.upperBound..<entryEnd.lowerBound].contains("CustomLambdaStack"))
        #expect(markdown.contains("  - **CDK Stack Pattern**:\n    ```typescript\n    import { Stack"))
        // Plain text that Markdown would read as syntax is escaped: `(< 100K …)` is not a tag.
        #expect(markdown.contains("- Moderate traffic (\\< 100K requests/month)\n"))

        // Related patterns of the seed's pattern documents lead to the related guides.
        let handoff = try String(contentsOf: output.appendingPathComponent("guides/data-pipeline-handoff/index.html"), encoding: .utf8)
        #expect(handoff.contains("<li><a href=\"../infrastructure-review/\">Infrastructure Review</a> — the review that step 2 goes through for larger infrastructure changes</li>"))
        #expect(handoff.contains("<li><a href=\"../dbt-expert-layered-elt-with-test-gates/\">dbt Expert profile</a> — Layered ELT with Test Gates</li>"))
        let handoffMarkdown = try String(contentsOf: output.appendingPathComponent("guides/data-pipeline-handoff.md"), encoding: .utf8)
        #expect(handoffMarkdown.contains("- [Infrastructure Review](infrastructure-review/) — the review that step 2 goes through for larger infrastructure changes\n"))
    }

    static let pattern = """
    # Canary Release

    **Pattern Type**: Deployment

    ## Prerequisites
    - A [runbook](../runbook.md) and the [AWS docs](https://docs.aws.amazon.com/) at hand
    - Never [click this](javascript:alert(1)) or [this](data:text/html,hi)
    - The `deploy` role with **write** access and *some* patience

    ## Implementation

    ### Step 1: Shift traffic
    Move `5%` of traffic with **weighted routing**.
    - Watch `p99` latency

    ## Related Patterns
    - **Blue Green**: [the other way](blue-green.md)
    - **Nowhere Pattern**: `.claude/memory/patterns/unknown.md`
    - **Blue Green Again**: `.claude/memory/patterns/blue-green.md`
    """

    static let blueGreen = """
    # Blue Green

    **Pattern Type**: Deployment

    ## When to Use
    - Always
    """

    @Test func linksCodeAndEmphasisInAPatternDocument() async throws {
        let handbook = try TemporaryHandbook(files: [
            "dossier.yml": "base_url: https://handbook.example.com/\n",
            "content/patterns/canary.md": Self.pattern,
            "content/patterns/blue-green.md": Self.blueGreen,
            "content/runbook.md": "# Runbook\n\nSteps.\n",
        ])
        let report = await handbook.build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let html = try handbook.read("guides/canary/index.html")
        // A link to a page of the handbook is resolved from the guide; a web link is kept.
        #expect(html.contains("<li>A <a href=\"../../runbook/\">runbook</a> and the <a href=\"https://docs.aws.amazon.com/\">AWS docs</a> at hand</li>"))
        // Dangerous URLs are never emitted: their text stays, the link goes.
        #expect(html.contains("<li>Never click this or this</li>"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text"))
        #expect(html.contains("<li>The <code>deploy</code> role with <strong>write</strong> access and <em>some</em> patience</li>"))
        // A `Step N` section keeps its paragraph's and items' formatting.
        #expect(html.contains("<p>Move <code>5%</code> of traffic with <strong>weighted routing</strong>.</p>"))
        #expect(html.contains("<li>Watch <code>p99</code> latency</li>"))
        // Related patterns: a link or a path naming a pattern document leads to its guide;
        // one naming nothing in the handbook stays text.
        #expect(html.contains("<li><a href=\"../blue-green/\">Blue Green</a> — the other way</li>"))
        #expect(html.contains("<li>Nowhere Pattern: <code>.claude/memory/patterns/unknown.md</code></li>"))
        #expect(html.contains("<li><a href=\"../blue-green/\">Blue Green Again</a></li>"))

        let markdown = try handbook.read("guides/canary.md")
        // The file is meant to be pasted elsewhere: links are absolute under the base URL.
        #expect(markdown.contains("- A [runbook](https://handbook.example.com/runbook/) and the [AWS docs](https://docs.aws.amazon.com/) at hand\n"))
        #expect(markdown.contains("- Never click this or this\n"))
        #expect(!markdown.contains("javascript:"))
        #expect(markdown.contains("- The `deploy` role with **write** access and *some* patience\n"))
        #expect(markdown.contains("   Move `5%` of traffic with **weighted routing**.\n"))
        #expect(markdown.contains("- [Blue Green](https://handbook.example.com/guides/blue-green/) — the other way\n"))
        #expect(markdown.contains("- Nowhere Pattern: `.claude/memory/patterns/unknown.md`\n"))

        // The export carries the formatting beside the plain text, and stays valid (ExportTests).
        let export = try JSONSerialization.jsonObject(with: Data(try handbook.read("data/dossier.json").utf8)) as? [String: Any]
        let canary = (export?["patterns"] as? [[String: Any]])?.first { $0["id"] as? String == "canary" }
        let prerequisites = canary?["prerequisites"] as? [String]
        #expect(prerequisites?.last == "The deploy role with write access and some patience")
        let formatted = (canary?["prerequisitesFormatted"] as? [[[String: Any]]])?.last
        #expect(formatted?.count == 7)
        #expect(formatted?[1]["kind"] as? String == "code")
        #expect(formatted?[1]["text"] as? String == "deploy")
        #expect(formatted?[3]["kind"] as? String == "strong")
        #expect((formatted?[3]["children"] as? [[String: Any]])?.first?["text"] as? String == "write")
    }
}
