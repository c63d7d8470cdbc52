import DossierDiagrams
import DossierModel
import Testing

struct DeterminismTests {
    static let inputs: [(info: String, text: String)] = [
        ("", SeedDiagramTests.pattern1),
        ("", "Is it?\n├─ Yes → A\n└─ No → B\n"),
        ("", "Step one\n  ↓\nStep two\n  ↓\nStep three\n"),
        ("mermaid", "flowchart LR\n  subgraph s[S]\n    A --> B\n  end\n  B -.->|x| C\n  classDef c fill:#f00\n  class C c\n"),
    ]

    @Test func theSameBlockTwiceGivesEqualReadings() {
        for input in Self.inputs {
            let block = Fixtures.block(input.text, info: input.info)
            let first = DiagramReader.read(block)
            let second = DiagramReader.read(block)
            #expect(first == second)
            #expect(first.diagram != nil)
        }
    }
}
