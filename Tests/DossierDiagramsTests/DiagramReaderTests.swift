import DossierCore
import DossierDiagrams
import DossierModel
import Testing

struct DiagramReaderTests {
    @Test func otherMermaidTypesAreKeptAsSource() {
        let text = "sequenceDiagram\n  Alice->>Bob: Hi\n"
        let reading = DiagramReader.read(Fixtures.block(text, info: "mermaid"))
        #expect(reading.content == .otherMermaid(type: "sequenceDiagram", source: text))
        #expect(reading.diagnostics.isEmpty)
    }

    @Test func codeStaysCode() {
        #expect(DiagramReader.read(Fixtures.block("let x = a -> b\n", info: "swift")).content == .code)
        #expect(DiagramReader.read(Fixtures.block("├─ a\n└─ b\n")).content == .code)
    }

    @Test func diagramsRememberTheirFence() {
        let reading = DiagramReader.read(Fixtures.block("A → B\n", line: 42))
        #expect(reading.diagram?.source == SourceRef(path: "doc.md", line: 42))
    }

    @Test func mermaidFlowchartsAreRead() {
        let reading = DiagramReader.read(Fixtures.block("graph TD\n  A-->B\n", info: "mermaid"))
        #expect(reading.diagram?.kind == .mermaid)
        #expect(reading.diagram?.direction == .TB)
    }
}
