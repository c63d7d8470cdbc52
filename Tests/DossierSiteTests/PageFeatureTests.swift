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
}
