import DossierModel
import Testing
@testable import DossierGraphviz

/// Random diagrams — every shape and edge style, labels, self-loops, repeated edges,
/// clusters, all four directions — from a fixed seed, so a failure reproduces.
@Suite("Robustness")
struct RobustnessTests {
    /// A small linear congruential generator: the same numbers on every platform.
    struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func randomDiagram(_ numbers: inout Numbers) -> Diagram {
        let words = ["API", "Queue", "Worker (Go)", "DB", "Cache & CDN", "Auth \"v2\"", "<script>", "Step → next", "é", "🚀 Deploy",
                     "A rather long label that has to wrap onto more than one line"]
        let directions: [Diagram.Direction] = [.LR, .TB, .RL, .BT]
        let styles: [DiagramEdge.Style] = [.solid, .dotted, .thick]
        let count = 1 + numbers.next(12)
        let nodes = (0..<count).map { index in
            DiagramNode(id: "n\(index)", label: words[numbers.next(words.count)],
                        shape: Diagrams.shapes[numbers.next(Diagrams.shapes.count)], future: numbers.next(4) == 0)
        }
        let edges = (0..<numbers.next(2 * count + 1)).map { _ in
            DiagramEdge(from: "n\(numbers.next(count))", to: "n\(numbers.next(count))",
                        label: numbers.next(3) == 0 ? words[numbers.next(words.count)] : nil,
                        style: styles[numbers.next(styles.count)], arrow: numbers.next(5) != 0)
        }
        let clusters = (0..<numbers.next(3)).map { index in
            DiagramCluster(id: "c\(index)", label: words[numbers.next(words.count)],
                           nodes: (0..<numbers.next(count + 1)).map { _ in "n\(numbers.next(count))" })
        }
        return Diagram(kind: .mermaid, direction: directions[numbers.next(4)], nodes: nodes, edges: edges,
                       clusters: clusters, source: Diagrams.source)
    }

    @Test func randomDiagramsDrawAsWellFormedSVG() throws {
        let renderer = GraphvizRenderer()
        var numbers = Numbers(state: 42)
        for round in 0..<150 {
            let diagram = Self.randomDiagram(&numbers)
            let drawn = try Rendered(diagram, renderer: renderer, options: DrawingOptions(idPrefix: "r\(round)", title: "Random"))
            #expect(drawn.nodes.count == diagram.nodes.count, "round \(round)")
            #expect(drawn.edges.count == diagram.edges.count, "round \(round)")
        }
    }
}

@Suite("Flat edge labels")
struct FlatEdgeLabelTests {
    /// Reduced from a random diagram that aborted the process (a double free in Graphviz
    /// 2.42's `flat_edges`) before `FlatEdgeLabels` existed.
    static let crasher: Diagram = {
        let edges: [(String, String, String?)] = [
            ("n10", "n1", nil), ("n9", "n1", nil), ("n0", "n9", nil), ("n9", "n3", "Step → next"),
            ("n7", "n0", "Worker (Go)"), ("n6", "n7", "Cache & CDN"), ("n8", "n7", "Worker (Go)"),
            ("n9", "n6", "Deploy"), ("n0", "n1", nil), ("n8", "n1", nil), ("n1", "n4", "é"),
            ("n9", "n6", "Step → next"), ("n6", "n4", nil), ("n8", "n4", nil), ("n3", "n3", "Auth"),
        ]
        return Diagram(
            kind: .mermaid, direction: .TB, nodes: [],
            edges: edges.map { DiagramEdge(from: $0.0, to: $0.1, label: $0.2) },
            clusters: [DiagramCluster(id: "c", label: "Deploy", nodes: ["n7"])],
            source: Diagrams.source)
    }()

    @Test func labelledFlatEdgeInAClusterGraphDrawsWithItsLabel() throws {
        let drawn = try Rendered(Self.crasher)
        #expect(drawn.edges.count == Self.crasher.edges.count)
        let labels = drawn.edges.map { $0.textLines.joined(separator: " ") }
        #expect(labels == Self.crasher.edges.map { $0.label ?? "" })
    }

    @Test func onlyClusterGraphsWithEdgeLabelsAreProbed() {
        #expect(FlatEdgeLabels.needProbe(DiagramPlan(Self.crasher).graph))
        #expect(!FlatEdgeLabels.needProbe(DiagramPlan(Diagrams.serverless).graph))
        var unlabelled = Self.crasher
        unlabelled.edges = unlabelled.edges.map { var edge = $0; edge.label = nil; return edge }
        #expect(!FlatEdgeLabels.needProbe(DiagramPlan(unlabelled).graph))
    }

    @Test func flatEdgesAreFoundAndGetXLabels() throws {
        let graph = DiagramPlan(Self.crasher).graph
        let probe = try Drawing(graphvizSVG: GraphvizContext().svg(for: FlatEdgeLabels.outside(graph)))
        let flat = FlatEdgeLabels.flatEdges(of: graph, in: probe)
        #expect(!flat.isEmpty)
        let guarded = FlatEdgeLabels.outside(graph, edges: flat)
        for (index, edge) in guarded.edges.enumerated() {
            let names = edge.attributes.map(\.name)
            #expect(!(flat.contains(index) && names.contains("label")))
            #expect(!(!flat.contains(index) && names.contains("xlabel")))
        }
    }
}
