import DossierCore
import DossierDiagrams
import DossierModel

/// Small helpers that keep the tests about the graph, not about ids.
enum Fixtures {
    /// A block from `doc.md` whose fence is on line 10, so content line 0 is file line 11.
    static func block(_ text: String, info: String = "", line: Int = 10, column: Int = 1) -> FencedBlock {
        FencedBlock(info: info, text: text, source: SourceRef(path: "doc.md", line: line), column: column)
    }

    /// Reads arrow text and returns the diagram and diagnostics.
    static func arrow(_ text: String) -> (diagram: Diagram, diagnostics: [Diagnostic]) {
        ArrowDiagramParser.parse(block(text))
    }

    /// Reads Mermaid text; fails the caller's expectations through `nil`.
    static func mermaid(_ text: String, line: Int = 10) -> (diagram: Diagram?, diagnostics: [Diagnostic]) {
        MermaidParser.parse(block(text, info: "mermaid", line: line))
    }
}

extension Diagram {
    /// Node labels in order.
    var labels: [String] { nodes.map(\.label) }

    /// Edges as `from → to` with labels instead of ids, and `[label]` for labelled edges.
    var links: [String] {
        let label = Dictionary(nodes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        return edges.map { edge in
            "\(label[edge.from] ?? edge.from) → \(label[edge.to] ?? edge.to)" + (edge.label.map { " [\($0)]" } ?? "")
        }
    }

    func node(_ label: String) -> DiagramNode? { nodes.first { $0.label == label } }
}

extension Array where Element == Diagnostic {
    /// `line:column code` of each diagnostic, for exact position checks.
    var positions: [String] {
        map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.code)" }
    }
}
