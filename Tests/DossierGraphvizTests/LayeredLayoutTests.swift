import DossierModel
import Testing
@testable import DossierGraphviz

/// Diagrams the own layout takes, and some it leaves to Graphviz.
enum Shapes {
    static func diagram(_ direction: Diagram.Direction, _ edges: [(String, String)], nodes: [DiagramNode] = [],
                        kind: Diagram.Kind = .arrow) -> Diagram {
        var all = nodes
        for (from, to) in edges {
            for id in [from, to] where !all.contains(where: { $0.id == id }) { all.append(DiagramNode(id: id, label: id)) }
        }
        return Diagram(kind: kind, direction: direction, nodes: all,
                       edges: edges.map { DiagramEdge(from: $0.0, to: $0.1) }, source: Diagrams.source)
    }

    static let fanOut = diagram(.TB, [("API Gateway", "Lambda"), ("API Gateway", "Step Functions"), ("API Gateway", "SQS Queue")])
    static let fanOutAcross = diagram(.LR, [("API Gateway", "Lambda"), ("API Gateway", "Step Functions"), ("API Gateway", "SQS Queue")])
    static let join = diagram(.TB, [("Orders", "Warehouse loader"), ("Billing", "Warehouse loader"), ("Warehouse loader", "Dashboards")])
    static let joinAcross = diagram(.LR, [("Orders", "Warehouse loader"), ("Billing", "Warehouse loader")])
    static let tree = diagram(.BT, [("Root", "Left"), ("Root", "Right"), ("Left", "Left one"), ("Left", "Left two"), ("Right", "Right one")])
    static let twoParts = diagram(.RL, [("Scheduler", "Job"), ("Job", "Report"), ("Cron", "Cleanup")])
    static let styled = Diagram(
        kind: .mermaid, direction: .TB,
        nodes: [DiagramNode(id: "s", label: "Start", shape: .rounded), DiagramNode(id: "v", label: "Validate input", shape: .stadium),
                DiagramNode(id: "l", label: "Log", shape: .subroutine), DiagramNode(id: "p", label: "Process", shape: .asymmetric)],
        edges: [DiagramEdge(from: "s", to: "v"), DiagramEdge(from: "v", to: "l", arrow: false),
                DiagramEdge(from: "v", to: "p", style: .thick), DiagramEdge(from: "p", to: "s2", style: .dotted)],
        source: Diagrams.source)
    static let single = diagram(.LR, [], nodes: [DiagramNode(id: "alone", label: "Just one service")])

    /// Everything the own layout should take.
    static let taken: [Diagram] = [
        Diagrams.serverless, Diagrams.containers, Diagrams.amplify, Diagrams.steps,
        fanOut, fanOutAcross, join, joinAcross, tree, twoParts, styled, single,
    ]
}

@Suite("Own layout: which diagrams")
struct LayeredQualificationTests {
    @Test(arguments: Shapes.taken.indices)
    func commonShapesSkipGraphviz(index: Int) {
        let diagram = Shapes.taken[index]
        #expect(throws: Never.self) { try LayeredLayout.drawing(for: DiagramPlan(diagram)).get() }
    }

    static let leftToGraphviz: [(String, Diagram, LayeredGraph.Unsupported)] = [
        ("cycle", Shapes.diagram(.LR, [("A", "B"), ("B", "C"), ("C", "A")]), .cycle),
        ("diamond", Shapes.diagram(.TB, [("A", "B"), ("A", "C"), ("B", "D"), ("C", "D")]), .cycle),
        ("self loop", Shapes.diagram(.TB, [("A", "B"), ("B", "B")]), .cycle),
        ("two edges between the same nodes", Shapes.diagram(.TB, [("A", "B"), ("B", "A")]), .cycle),
        ("clusters", Diagrams.mermaidFeatures, .clusters),
        ("edge label", { var d = Diagrams.serverless; d.edges[1].label = "HTTPS"; return d }(), .edgeLabels),
        ("too large", Diagrams.chain((0...LayeredGraph.largest).map { "Service \($0)" }), .tooLarge),
        ("a cylinder", Shapes.diagram(.LR, [("a", "db")], nodes: [DiagramNode(id: "db", label: "Postgres", shape: .cylinder)]),
         .attribute("node shape=cylinder")),
        ("a circle", Shapes.diagram(.LR, [("a", "c")], nodes: [DiagramNode(id: "c", label: "User", shape: .circle)]),
         .attribute("node shape=circle")),
        ("a diamond shape", Shapes.diagram(.LR, [("a", "d")], nodes: [DiagramNode(id: "d", label: "OK?", shape: .rhombus)]),
         .attribute("node shape=diamond")),
        // Breadth-first from S: rank 1 is A, B, Z and rank 2 is C, D, so Z → C crosses B → D;
        // dot would start reordering.
        ("crossings", Shapes.diagram(.TB, [("S", "A"), ("S", "B"), ("A", "C"), ("Z", "C"), ("B", "D")]), .crossings),
        // A wide fan in TB: dot bends the outer edges around their neighbours.
        ("bent edges", Shapes.diagram(.TB, (1...7).map { ("Hub", "Consumer number \($0)") }), .curvedEdge),
    ]

    @Test(arguments: leftToGraphviz.indices)
    func otherShapesAreLeftToGraphviz(index: Int) {
        let (name, diagram, reason) = Self.leftToGraphviz[index]
        guard case .failure(let why) = LayeredLayout.drawing(for: DiagramPlan(diagram)) else {
            Issue.record("\(name) was laid out without Graphviz")
            return
        }
        #expect(why == reason, "\(name)")
    }
}
