import DossierModel
import Testing
@testable import DossierGraphviz

/// The own layout against what `dot` draws for the same plan. Labels are chosen so dot's own
/// measurement of the text (Pango) does not widen a node beyond the plan's size, which it
/// does by a point for about one node in six: the one way the two are allowed to differ,
/// apart from where exactly dot's approximate clipping stops a line (under a point).
@Suite("Own layout against dot")
struct LayeredDotComparisonTests {
    static func both(_ diagram: Diagram) throws -> (own: Drawing, dot: Drawing) {
        let plan = DiagramPlan(diagram)
        return (try LayeredLayout.drawing(for: plan).get(), try Drawing(graphvizSVG: GraphvizContext().svg(for: plan.graph)))
    }

    static func close(_ a: [Double], _ b: [Double], within tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    static let cases: [Diagram] = [
        Diagrams.chain(["Alpha", "Beta", "Gamma"], direction: .LR),
        Diagrams.chain(["Alpha", "Beta", "Gamma"], direction: .TB),
        Diagrams.chain(["Alpha", "Beta", "Gamma"], direction: .BT),
        Diagrams.chain(["Alpha", "Beta", "Gamma"], direction: .RL),
        Shapes.diagram(.TB, [("Root", "A"), ("Root", "Bee"), ("Root", "Cedar long")]),
        Shapes.diagram(.LR, [("Root", "A"), ("Root", "Bee")]),
        Shapes.diagram(.TB, [("Alpha", "Gamma"), ("Beta", "Gamma")]),
        Shapes.diagram(.LR, [("Alpha", "Gamma"), ("Beta", "Gamma"), ("Gamma", "Root")]),
        Shapes.diagram(.TB, [("Root", "Alpha"), ("Root", "Beta"), ("Alpha", "A"), ("Alpha", "Bee"), ("Beta", "Gamma")]),
        Diagrams.steps,
    ]

    @Test(arguments: cases.indices)
    func placesNodesAndEdgesAsDotDoes(index: Int) throws {
        let (own, dot) = try Self.both(Self.cases[index])
        #expect(own.width == dot.width && own.height == dot.height)
        #expect(own.translation == dot.translation)
        #expect(own.nodes.keys.sorted() == dot.nodes.keys.sorted())
        for (key, node) in own.nodes {
            let other = try #require(dot.nodes[key])
            #expect(node.shapes.map(\.kind) == other.shapes.map(\.kind))
            #expect(node.shapes.map(\.geometry) == other.shapes.map(\.geometry), "node \(key): same outline, to the digit")
            #expect(node.texts == other.texts, "node \(key): text where dot puts it")
        }
        for (key, edge) in own.edges {
            let other = try #require(dot.edges[key])
            #expect(edge.shapes.map(\.kind) == other.shapes.map(\.kind))
            let (line, dotLine) = (LayeredGeometryTests.numbers(edge.shapes[0]), LayeredGeometryTests.numbers(other.shapes[0]))
            // The ends of the line within a point (dot clips by bisection); the middle control
            // points lie on the same straight line either way.
            #expect(Self.close(Array(line.prefix(2)) + line.suffix(2), Array(dotLine.prefix(2)) + dotLine.suffix(2), within: 1))
            if edge.shapes.count == 2 {
                #expect(Self.close(LayeredGeometryTests.numbers(edge.shapes[1]), LayeredGeometryTests.numbers(other.shapes[1]), within: 0.5),
                        "edge \(key): the same arrowhead, in the same place")
            }
        }
    }

    @Test func networkSimplexFindsTheCheapestRanks() {
        // a → b → d, a → c → d, a → d: every path at least as long as its edges allow.
        let edges: [NetworkSimplex.Edge] = [
            .init(tail: 0, head: 1, minlen: 1, weight: 1), .init(tail: 1, head: 3, minlen: 1, weight: 1),
            .init(tail: 0, head: 2, minlen: 2, weight: 1), .init(tail: 2, head: 3, minlen: 1, weight: 1),
            .init(tail: 0, head: 3, minlen: 1, weight: 1),
        ]
        var simplex = NetworkSimplex(rank: [0, 0, 0, 0], edges: edges, nodeList: [0, 1, 2, 3])
        let solved = simplex.solve()
        #expect(solved)
        let rank = simplex.rank.map { $0 - simplex.rank[0] }
        #expect(rank[2] == 2 && rank[3] == 3)
        #expect(rank[1] >= 1 && rank[1] <= 2)
    }
}
