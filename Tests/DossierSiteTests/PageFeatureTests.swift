import DossierCore
import DossierSite
import Foundation
import Testing

/// What the base layout puts on pages depending on the configuration and the content:
/// the Mermaid script, canonical addresses and Open Graph tags, the sitemap, the 404 page.
@Suite("Page features")
struct PageFeatureTests {
    static let sequence = """
    # Flows

    ```mermaid
    sequenceDiagram
        Alice->>Bob: Hello
    ```

    """

    static let flowchart = """
    # Drawn

    ```mermaid
    flowchart LR
        A --> B
    ```

    """

    /// With `base_url`, `sitemap.xml` lists every page once, by its absolute address: the
    /// generated pages, each profile, pattern document, plain page and guide; not the 404 page.
    @Test func theSitemapListsEveryPage() async throws {
        let handbook = try TemporaryHandbook(files: [
            "dossier.yml": "base_url: https://handbook.example.com/team/\n",
            "content/profiles/data-expert.md": minimalProfile,
            "content/patterns/review.md": "# Review\n\n**Confidence**: 0.80\n",
            "content/about.md": "# About\n",
        ])
        _ = await handbook.build()
        let sitemap = try handbook.read("sitemap.xml")
        let locations = sitemap.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "<loc>"), let end = line.range(of: "</loc>") else { return nil }
            return String(line[start.upperBound..<end.lowerBound])
        }
        let base = "https://handbook.example.com/team/"
        #expect(locations == [
            base, base + "about/", base + "graph/", base + "guides/review/", base + "matrix/", base + "patterns/",
            base + "patterns/review/", base + "profiles/", base + "profiles/data-expert/",
        ], "\(locations)")
    }

    @Test func mermaidScriptLoadsOnlyWherePagesNeedIt() async throws {
        let handbook = try TemporaryHandbook(files: [
            "dossier.yml": "mermaid_js: https://cdn.example.org/mermaid.min.js\n",
            "content/flows.md": Self.sequence,
            "content/drawn.md": Self.flowchart,
            "content/index.md": Self.sequence,
        ])
        let report = await handbook.build()
        #expect(!report.diagnostics.hasErrors)
        let script = "<script src=\"https://cdn.example.org/mermaid.min.js\" defer></script>"
        let flows = try handbook.read("flows/index.html")
        #expect(flows.contains(script))
        #expect(flows.contains("<pre class=\"mermaid\">sequenceDiagram"))
        #expect(flows.contains("This sequence diagram is drawn by Mermaid in the browser"))
        // A flowchart is drawn at build time: no script.
        let drawn = try handbook.read("drawn/index.html")
        #expect(!drawn.contains("mermaid.min.js"))
        #expect(drawn.contains("<svg"))
        // content/index.md is shown on the home page, which then loads the script.
        #expect(try handbook.read("index.html").contains(script))
        #expect(!(try handbook.read("matrix/index.html")).contains("mermaid.min.js"))
    }

    @Test func withoutMermaidJSTheSourceIsShownWithANote() async throws {
        let handbook = try TemporaryHandbook(files: ["content/flows.md": Self.sequence])
        _ = await handbook.build()
        let page = try handbook.read("flows/index.html")
        #expect(!page.contains("<script src=\"http"))
        #expect(page.contains("<pre class=\"mermaid\">sequenceDiagram\n    Alice-&gt;&gt;Bob: Hello\n</pre>"))
        #expect(page.contains("This sequence diagram is shown as Mermaid source"))
    }

    @Test func ratesAndFreeCostsReadAsWritten() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/ops.md": """
            # Ops

            ## Performance Metrics
            - **Retry rate**: 7% (1 retry / 14 attempts)
            - **Success rate**: 93%

            ## Proven Architecture Patterns

            ### Pattern 1: Nightly Report
            **Confidence**: 0.80 | **Cost**: Free (runs inside the existing CI)

            ```
            Scheduler → Report
            ```

            """,
        ])
        _ = await handbook.build()
        let page = try handbook.read("profiles/ops/index.html")
        #expect(page.contains("<span class=\"stat-value\">7%</span>"))
        #expect(!page.contains("7.00%"))
        let library = try handbook.read("patterns/index.html")
        #expect(library.contains("Free"))
        #expect(!library.contains(">0<"))
    }

    @Test func contentMayLinkToTheGeneratedPages() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/index.md": "See [the matrix](matrix/), [graph](/graph/), [data](data/dossier.json), [scores](data/scores.csv) and [home](/).\n",
            "content/docs/help.md": "# Help\n\nBack to [patterns](../patterns/) or [nowhere](../nowhere/).\n",
        ])
        let report = await handbook.build()
        #expect(report.diagnostics.map(\.code) == ["link.missing-file"])
        #expect(report.diagnostics.first?.message.contains("nowhere") == true)
        let home = try handbook.read("index.html")
        #expect(home.contains("<a href=\"matrix/\">the matrix</a>"))
        #expect(home.contains("<a href=\"graph/\">graph</a>"))
        #expect(home.contains("<a href=\"data/dossier.json\">data</a>"))
        #expect(home.contains("<a href=\"data/scores.csv\">scores</a>"))
        #expect(try handbook.read("docs/help/index.html").contains("<a href=\"../../patterns/\">patterns</a>"))
    }

    @Test func aPatternDocumentShowsItsFactsOnceWhereItStatesThem() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/ada.md": "# Ada\n\n## Role\nData.\n",
            "content/patterns/handoff.md": """
            # Handoff

            **Pattern Type**: Cross-Agent\\
            **Confidence**: HIGH (0.88) - three projects\\
            **Primary Users**: ada, zed\\
            **Last Updated**: 2025-06-12

            ## When to use
            - Always
            """,
        ])
        _ = await handbook.build()
        let page = try handbook.read("patterns/handoff/index.html")
        let facts = page.components(separatedBy: "class=\"pattern-facts\"").count - 1
        #expect(facts == 1)
        #expect(page.contains("0.88 <span class=\"muted\">HIGH · three projects</span>"))
        #expect(page.contains("<span class=\"fact-key\">Primary Users</span> <span class=\"fact-value\"><a href=\"../../profiles/ada/\">Ada</a>, zed</span>"))
        #expect(page.contains("<span class=\"fact-key\">Last Updated</span> <span class=\"fact-value\">2025-06-12</span>"))
        #expect(!page.contains("<strong>Confidence</strong>"))
    }

    @Test func taskCheckboxesAreNamed() async throws {
        let handbook = try TemporaryHandbook(files: ["content/todo.md": "# To do\n\n- [ ] Add the \"MCP\" server & test it\n- [x] Write docs\n"])
        _ = await handbook.build()
        let page = try handbook.read("todo/index.html")
        #expect(page.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"Add the &quot;MCP&quot; server &amp; test it\" />"))
        #expect(page.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Write docs\" />"))
    }

    @Test func twoProfilesWithOneTitleAreReported() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/a.md": "# Data Expert\n", "content/profiles/b.md": "# data expert\n",
            "content/c.md": "# Data Expert\n",
        ])
        let report = await handbook.build()
        let warning = try #require(report.diagnostics.first { $0.code == "document.duplicate-title" })
        #expect(warning.location?.path == "content/profiles/b.md")
        #expect(warning.message.contains("content/profiles/a.md"))
        #expect(report.diagnostics.filter { $0.code == "document.duplicate-title" }.count == 1)
    }
}
