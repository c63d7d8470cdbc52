import DossierModel
import Testing
@testable import DossierGraphviz

/// Clusters as the Mermaid parser writes nested subgraphs: an inner subgraph's nodes are
/// listed in it and in every subgraph around it. Each box must be drawn, inside its parent's
/// box, with every node drawn once, in the innermost box listing it.
@Suite("Nested clusters")
struct NestedClusterTests {
    /// `subgraph A (x, subgraph B (y, subgraph E (empty))) ; z` as the parser lists it,
    /// plus an empty cluster first, which nests in nothing.
    static let nested = Diagram(
        kind: .mermaid, direction: .TB,
        nodes: ["x", "y", "z"].map { DiagramNode(id: $0, label: "Node \($0)") },
        edges: [DiagramEdge(from: "x", to: "y"), DiagramEdge(from: "y", to: "z")],
        clusters: [
            DiagramCluster(id: "lone", label: "Lone", nodes: []),
            DiagramCluster(id: "A", label: "Outer", nodes: ["x", "y"]),
            DiagramCluster(id: "B", label: "Inner", nodes: ["y"]),
            DiagramCluster(id: "E", label: "Empty", nodes: []),
        ],
        source: Diagrams.source)

    @Test func everyClusterIsDrawnInsideItsParent() throws {
        let drawn = try Rendered(Self.nested)
        #expect(drawn.clusters.map(\.textLines) == [["Lone"], ["Outer"], ["Inner"], ["Empty"]])
        let boxes = try drawn.clusters.map { try #require($0.outline) }
        let (lone, outer, inner, empty) = (boxes[0], boxes[1], boxes[2], boxes[3])
        #expect(outer.strictlyContains(inner), "\(inner) not inside \(outer)")
        #expect(inner.strictlyContains(empty), "\(empty) not inside \(inner)")
        #expect(!lone.overlaps(outer))
    }

    @Test func everyNodeIsDrawnOnceInItsInnermostCluster() throws {
        let drawn = try Rendered(Self.nested)
        #expect(drawn.nodes.compactMap { $0["data-id"] } == ["x", "y", "z"])
        let outer = try #require(drawn.clusters[1].outline), inner = try #require(drawn.clusters[2].outline)
        let empty = try #require(drawn.clusters[3].outline)
        let x = try #require(drawn.node("x")?.outline), y = try #require(drawn.node("y")?.outline)
        let z = try #require(drawn.node("z")?.outline)
        #expect(outer.strictlyContains(x) && !inner.overlaps(x))
        #expect(inner.strictlyContains(y) && !empty.overlaps(y))
        #expect(!outer.overlaps(z))
    }

    @Test func theDescriptionNamesWhatEachBoxHolds() throws {
        let drawn = try Rendered(Self.nested)
        let description = try #require(drawn.root.children.first { $0.name == "desc" }?.text)
        #expect(description.hasSuffix(
            "Group Lone (empty). Group Outer: Node x, Node y. Group Inner: Node y. Group Empty (empty)."))
    }

    /// Graphviz gets each node in one cluster only, and inner clusters as subgraphs of
    /// their parent's; empty clusters hold an invisible node so their box is drawn.
    @Test func theLayoutGraphNestsSubgraphs() {
        let graph = DiagramPlan(Self.nested).graph
        #expect(graph.clusters.map(\.name) == ["cluster_0", "cluster_1", "cluster_2", "cluster_3"])
        #expect(graph.clusters.map(\.parent) == [nil, nil, "cluster_1", "cluster_2"])
        #expect(graph.clusters.map(\.nodes) == [["p0"], ["n0"], ["n1"], ["p3"]])
        #expect(graph.nodes.map(\.name) == ["n0", "n1", "n2", "p0", "p3"])
        let subgraphLines = graph.cacheKey.split(separator: "\n").filter { $0.contains("subgraph") }
        #expect(subgraphLines.map { $0.prefix { $0 == " " }.count } == [0, 0, 2, 4])
    }

    /// Nested clusters with edge labels go through the flat-edge probe like flat ones.
    @Test func nestedClustersWithEdgeLabelsDraw() throws {
        var diagram = Self.nested
        diagram.edges = diagram.edges.map { DiagramEdge(from: $0.from, to: $0.to, label: "calls") }
        diagram.edges.append(DiagramEdge(from: "x", to: "z", label: "also"))
        let drawn = try Rendered(diagram)
        #expect(drawn.clusters.count == 4)
        #expect(drawn.edges.map(\.textLines) == [["calls"], ["calls"], ["also"]])
    }
}

/// An axis-aligned box read from an outline's `points`.
struct Box: CustomStringConvertible {
    var minX, minY, maxX, maxY: Double

    func strictlyContains(_ other: Box) -> Bool {
        minX < other.minX && minY < other.minY && other.maxX < maxX && other.maxY < maxY
    }

    func overlaps(_ other: Box) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    var description: String { "(\(minX), \(minY))–(\(maxX), \(maxY))" }
}

extension SVGTree {
    /// The box around the first `<polygon>` directly in this group.
    var outline: Box? {
        guard let points = children.first(where: { $0.name == "polygon" })?["points"] else { return nil }
        let values = points.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        let xs = stride(from: 0, to: values.count, by: 2).map { values[$0] }
        let ys = stride(from: 1, to: values.count, by: 2).map { values[$0] }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        return Box(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }
}
