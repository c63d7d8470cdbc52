import DossierModel
import Testing
@testable import DossierGraphviz

@Suite("Rings with straight lines")
struct StraightLineTests {
    /// A hub joined to twelve agents that are joined in a ring, and across it: lines that
    /// cross the ring pass other nodes, which routing bends around.
    static let wheel: Diagram = {
        let spokes = (1...12).map { "Agent \($0)" }
        let ring = spokes.indices.map { (spokes[$0], spokes[($0 + 1) % spokes.count]) }
        let across = (0..<6).map { (spokes[$0], spokes[$0 + 6]) }
        return Diagrams.chain(["Hub"], extra: spokes.map { ("Hub", $0) } + ring + across)
    }()

    /// The points of an edge's path (`M x,y C x,y x,y x,y …`).
    static func points(of edge: SVGTree) -> [(x: Double, y: Double)] {
        guard let d = edge.descendants.first(where: { $0.name == "path" })?["d"] else { return [] }
        return d.split(whereSeparator: { $0 == "M" || $0 == "C" || $0 == " " }).compactMap { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            return xy.count == 2 ? (xy[0], xy[1]) : nil
        }
    }

    static func isStraight(_ points: [(x: Double, y: Double)]) -> Bool {
        guard let first = points.first, let last = points.last, points.count >= 2 else { return false }
        let length = ((last.x - first.x) * (last.x - first.x) + (last.y - first.y) * (last.y - first.y)).squareRoot()
        return points.allSatisfy { p in
            // Distance from the chord, in points.
            abs((last.x - first.x) * (first.y - p.y) - (first.x - p.x) * (last.y - first.y)) / max(length, 1) < 0.5
        }
    }

    @Test func withoutRoutingEveryLineIsOneStraightSegment() throws {
        let rendered = try Rendered(Self.wheel, renderer: GraphvizRenderer(engine: "twopi", routesAroundNodes: false))
        #expect(rendered.edges.count == 30)
        for edge in rendered.edges {
            let points = Self.points(of: edge)
            #expect(points.count == 4, "one cubic segment: \(points)")
            #expect(Self.isStraight(points), "\(points)")
        }
    }

    @Test func withRoutingSomeLinesBendAroundNodes() throws {
        let rendered = try Rendered(Self.wheel, renderer: GraphvizRenderer(engine: "twopi"))
        #expect(rendered.edges.count == 30)
        #expect(rendered.edges.contains { !Self.isStraight(Self.points(of: $0)) })
    }
}
