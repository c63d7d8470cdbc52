import DossierCore
import DossierDiagrams
import DossierModel
import DossierTestSupport
import Testing

/// Random text made of the characters diagrams are drawn with: nothing crashes, every
/// diagram is well formed, and the Mermaid written for it reads back.
struct RobustnessTests {
    static let pieces = [
        "A", "B", "node", "Lambda (x)", " ", " ", "  ", "    ", "\n", "\n", "\t", "→", "←", "↔", "↓", "↑", "|", "v", "^",
        "->", "-->", "==>", "=>", "<-", "-", "-.", ".", "=", "~~~", "├─", "└─", "│", "─", "+", "[", "]", "(", ")",
        "{", "}", ">", "<", "\"", "#", ";", "&", ":::", "%%", "`", "日本", "🚀", "e\u{301}", "end", "subgraph",
        "style", "classDef", "linkStyle", "class", "graph LR\n", "flowchart TB\n", "\r\n", "@{", ",", ":", "0", "(future)",
    ]

    static func randomText(_ generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...60, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    static func check(_ diagram: Diagram) {
        let ids = diagram.nodes.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(diagram.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
        let (again, diagnostics) = MermaidParser.parse(diagram.mermaid, source: diagram.source)
        #expect(!diagnostics.hasErrors, "\(diagram.mermaid)\n\(diagnostics)")
        #expect(again?.nodes.map(\.label) == diagram.nodes.map(\.label))
        #expect(again?.edges.count == diagram.edges.count)
    }

    @Test(arguments: 0..<8)
    func randomBlocks(_ seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        for _ in 0..<400 {
            let text = Self.randomText(&generator)
            for info in ["", "mermaid"] {
                let block = FencedBlock(info: info, text: text, source: SourceRef(path: "f.md", line: 3))
                if let diagram = DiagramReader.read(block).diagram { Self.check(diagram) }
            }
            Self.check(ArrowDiagramParser.parse(text, source: SourceRef(path: "f.md", line: 3)).diagram)
            let flowchart = "flowchart LR\n" + text
            if let diagram = MermaidParser.parse(flowchart, source: SourceRef(path: "f.md", line: 3)).diagram {
                Self.check(diagram)
            }
        }
    }

    /// Valid flowcharts built from Mermaid's grammar with awkward labels: they read, and
    /// write → read gives the same graph.
    @Test(arguments: 0..<4)
    func generatedFlowchartsRoundTrip(_ seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(1000 + seed))
        let shapes = [("[", "]"), ("(", ")"), ("([", "])"), ("[[", "]]"), ("[(", ")]"), ("((", "))"), (">", "]"),
                      ("{", "}"), ("{{", "}}")]
        let links = ["-->", "---", "-.->", "-.-", "==>", "===", "--->"]
        let characters = ["a", "Z", " ", "(", ")", "[", "]", "{", "}", "|", "<", ">", "&", "#quot;", "#35;", "🚀", "日本",
                          "é", "-", ".", ",", ";", ":", "%", "'", "/", "\\", "?", "!"]
        func label() -> String {
            (0..<Int.random(in: 1...12, using: &generator)).map { _ in characters.randomElement(using: &generator)! }.joined()
        }
        for _ in 0..<100 {
            var text = "flowchart \(["LR", "TB", "RL", "BT", "TD"].randomElement(using: &generator)!)\n"
            var depth = 0
            for _ in 0..<Int.random(in: 1...25, using: &generator) {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0:
                    text += "subgraph s\(depth)_\(Int.random(in: 0..<5, using: &generator))[\"\(label())\"]\n"
                    depth += 1
                case 1 where depth > 0:
                    text += "end\n"
                    depth -= 1
                case 2:
                    text += "style n\(Int.random(in: 0..<8, using: &generator)) fill:#f0\(Int.random(in: 0..<10, using: &generator)),stroke-dasharray: 3 3\n"
                default:
                    let (open, close) = shapes.randomElement(using: &generator)!
                    let link = links.randomElement(using: &generator)!
                    let text1 = Bool.random(using: &generator) ? "|\"\(label())\"|" : ""
                    text += "n\(Int.random(in: 0..<8, using: &generator))\(open)\"\(label())\"\(close) \(link)\(text1) "
                        + "n\(Int.random(in: 0..<8, using: &generator)) & n\(Int.random(in: 0..<8, using: &generator))\n"
                }
            }
            text += String(repeating: "end\n", count: depth)
            let (parsed, diagnostics) = MermaidParser.parse(text, source: SourceRef(path: "g.md", line: 1))
            #expect(!diagnostics.hasErrors, "\(text)\n\(diagnostics)")
            let first = try #require(parsed)
            let second = try #require(MermaidParser.parse(first.mermaid, source: first.source).diagram)
            #expect(second.nodes == first.nodes, "\(text)")
            #expect(second.edges == first.edges)
            #expect(second.clusters.map(\.label) == first.clusters.map(\.label))
            #expect(second.clusters.map(\.nodes) == first.clusters.map(\.nodes), "\(text)\n\(first.mermaid)")
        }
    }
}
