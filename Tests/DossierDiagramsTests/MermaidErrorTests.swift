import DossierCore
import DossierDiagrams
import DossierModel
import Testing

/// A syntax error is one error at its exact place in the Markdown file, and no diagram.
struct MermaidErrorTests {
    /// The block's fence is on line 10: content line `i` is file line `11 + i`; columns
    /// are 1-based UTF-8 bytes.
    @Test(arguments: [
        ("flowchart LR\n  A[Lambda (Python)] --> B\n", "12:12"),      // parentheses in an unquoted label
        ("flowchart LR\n  A --> B\n  C -> D\n", "13:5"),               // `->` is not a Mermaid link
        ("flowchart LR\n  A[open --> B\n", "12:4"),                    // label never closed
        ("flowchart LR\n  A --> \n", "12:9"),                          // link to nothing
        ("flowchart XY\n  A --> B\n", "11:11"),                        // unknown direction
        ("flowchart LR\n  subgraph one\n    A\n", "12:3"),             // subgraph never closed
        ("flowchart LR\n  A --> B\n  end\n", "13:3"),                  // `end` without `subgraph`
        ("flowchart LR\n  A -- yes B\n", "12:5"),                      // link text never closed
        ("flowchart LR\n  A --> end\n", "12:9"),                       // keyword as a node id
        ("flowchart LR\n  A[\"quoted\n", "12:5"),                      // quote never closed
        ("flowchart LR\n  A --> B %% trailing comment\n", "12:11"),    // comments must be on their own line
        ("flowchart LR\n  A[Größe (kg)] --> B\n", "12:13"),            // column counts bytes
    ])
    func syntaxErrorsArePositioned(_ text: String, _ position: String) {
        let (diagram, diagnostics) = Fixtures.mermaid(text)
        #expect(diagram == nil)
        #expect(diagnostics.filter { $0.severity == .error }.positions == ["\(position) diagram.mermaid-syntax"])
    }

    @Test func theErrorSaysWhatToDo() {
        let (_, diagnostics) = Fixtures.mermaid("flowchart LR\n  A[Lambda (Python)] --> B\n")
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.message == "'(' cannot appear in an unquoted label")
        #expect(error?.notes == ["quote the label: id[\"text with (parentheses)\"]"])
    }

    @Test func aFenceInsideAListShiftsTheColumn() {
        let (_, diagnostics) = MermaidParser.parse(Fixtures.block("flowchart LR\n  A --> \n", info: "mermaid", column: 5))
        #expect(diagnostics.positions == ["12:13 diagram.mermaid-syntax"])
    }

    @Test func theReaderShowsABrokenFlowchartAsCode() {
        let reading = DiagramReader.read(Fixtures.block("graph LR\n  A[(x] --> B\n", info: "mermaid"))
        #expect(reading.content == .code)
        #expect(reading.diagnostics.hasErrors)
    }
}
