import DossierCore
import DossierDiagrams
import DossierModel
import Testing

struct ClassifierTests {
    func kind(_ text: String, info: String = "") -> DiagramBlockKind {
        DiagramBlockClassifier.classify(Fixtures.block(text, info: info)).kind
    }

    @Test(arguments: ["", "text", "txt", "plaintext", "TEXT"])
    func unmarkedAndTextFencesWithArrowsAreArrowDiagrams(_ info: String) {
        #expect(kind("Frontend → API Gateway → Lambda\n", info: info) == .arrow)
    }

    @Test(arguments: ["python", "bash", "sql", "markdown", "yaml", "js"])
    func otherLanguagesAreNeverDiagrams(_ info: String) {
        #expect(kind("A → B → C\n", info: info) == .code)
        #expect(kind("graph LR\n  A --> B\n", info: info) == .code)
    }

    @Test func mermaidFlowchartsInAnyFence() {
        #expect(kind("flowchart LR\n  A --> B\n", info: "mermaid") == .mermaidFlowchart)
        #expect(kind("graph TD;\n  A --> B\n", info: "mermaid") == .mermaidFlowchart)
        #expect(kind("%% a comment\n\ngraph\n  A --> B\n", info: "mermaid") == .mermaidFlowchart)
        #expect(kind("---\ntitle: Flow\n---\nflowchart TB\n  A --> B\n", info: "mermaid") == .mermaidFlowchart)
        #expect(kind("flowchart LR\n  A --> B\n") == .mermaidFlowchart)
        #expect(kind("flowchart LR\n  A --> B\n", info: "{.mermaid}") == .mermaidFlowchart)
    }

    @Test(arguments: ["sequenceDiagram", "gantt", "pie", "classDiagram", "stateDiagram-v2", "erDiagram",
                      "journey", "gitGraph", "mindmap", "timeline"])
    func otherMermaidTypesKeepTheirName(_ type: String) {
        #expect(kind("\(type)\n  something\n", info: "mermaid") == .otherMermaid(type))
    }

    @Test func proseThatStartsWithAKeywordIsNotMermaid() {
        #expect(kind("graph of services → database\n") == .arrow)
    }

    /// `tableau-expert.md` puts arrow text in a mermaid fence.
    @Test func arrowTextInAMermaidFenceIsAnArrowDiagramWithAWarning() {
        let (kind, diagnostics) = DiagramBlockClassifier.classify(
            Fixtures.block("Source DB → Prep Flow\n    ↓\n  Verify\n", info: "mermaid"))
        #expect(kind == .arrow)
        #expect(diagnostics.positions == ["10:1 diagram.mermaid-not-mermaid"])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message.contains("arrow text") == true)
    }

    @Test func textWithoutArrowsInAMermaidFenceIsCodeWithAWarning() {
        let (kind, diagnostics) = DiagramBlockClassifier.classify(Fixtures.block("just some words\n", info: "mermaid"))
        #expect(kind == .code)
        #expect(diagnostics.map(\.code) == ["diagram.mermaid-not-mermaid"])
    }

    @Test(arguments: [
        "src/\n├─ main.swift\n└─ util/\n   └─ strings.swift\n",
        "+-------+     +-------+\n|  API  |-----|  DB   |\n+-------+     +-------+\n",
        "+-----+\n|  A  |\n+-----+\n   |\n   v\n+-----+\n|  B  |\n+-----+\n",
        "┌──────┐\n│ Box  │\n└──────┘\n",
    ])
    func boxAndTreeArtWithoutArrowsIsCode(_ text: String) {
        #expect(kind(text) == .code)
    }

    @Test func proseWithAnOccasionalArrowIsCode() {
        #expect(kind("""
            Assess: Is my confidence <0.60 on this task?
            Assess: Would specialist expertise significantly improve quality?
            Decision: If YES to either → Prepare to delegate
            """) == .code)
        #expect(kind("Runtime reduced (2 hours → 8 minutes)\nCost down too\nAnd the team is happy\n") == .code)
    }

    @Test func aSingleVerticalArrowRowMakesADrawing() {
        #expect(kind("Load data\nValidate schema\nPublish the report\n   ↓\nNotify\n") == .arrow)
    }

    @Test func emptyBlocksAreCode() {
        #expect(kind("") == .code)
        #expect(kind("", info: "mermaid") == .code)
    }
}
