import DossierModel
import Testing
@testable import DossierGraphviz

@Suite("Shapes, edges and decorations")
struct FeatureTests {
    @Test(arguments: Diagrams.shapes)
    func everyShapeIsDrawnAndClassed(shape: DiagramNode.Shape) throws {
        let drawn = try Rendered(Diagrams.everyShape)
        let node = try #require(drawn.node(shape.rawValue))
        #expect(node.classes.contains("dg-shape-\(shape.rawValue)"))
        #expect(node.textLines == ["Shape \(shape.rawValue)"])
        let outline = node.children.filter { $0.name != "text" }.map(\.name)
        switch shape {
        case .box, .rhombus, .hexagon, .asymmetric: #expect(outline == ["polygon"])
        case .rounded: #expect(outline == ["path"])
        case .cylinder: #expect(outline == ["path", "path"])
        case .circle: #expect(outline == ["ellipse"])
        case .stadium: #expect(outline == ["rect"])
        case .subroutine: #expect(outline == ["polygon", "polyline", "polyline"])
        }
    }

    @Test func stadiumEndsAreRound() throws {
        let node = try #require(try Rendered(Diagrams.everyShape).node("stadium"))
        let rect = try #require(node.children.first { $0.name == "rect" })
        let height = try #require(rect["height"].flatMap(Double.init))
        #expect(rect["rx"].flatMap(Double.init) == height / 2)
    }

    @Test func asymmetricShapeHasANotch() throws {
        let node = try #require(try Rendered(Diagrams.everyShape).node("asymmetric"))
        let points = node.children.first { $0.name == "polygon" }?["points"]?.split(separator: " ")
        #expect(points?.count == 6)
    }

    @Test func edgeStylesAreClassedAndDrawn() throws {
        let diagram = Diagram(
            kind: .mermaid, direction: .LR,
            nodes: ["A", "B", "C", "D"].map { DiagramNode(id: $0, label: $0) },
            edges: [
                DiagramEdge(from: "A", to: "B", style: .dotted),
                DiagramEdge(from: "B", to: "C", style: .thick),
                DiagramEdge(from: "C", to: "D", arrow: false),
            ],
            source: Diagrams.source)
        let edges = try Rendered(diagram).edges
        try #require(edges.count == 3)
        #expect(edges[0].classes == ["dg-edge", "dg-edge-dotted"])
        #expect(edges[0].children.first { $0.name == "path" }?["stroke-dasharray"] == "2 4")
        #expect(edges[1].classes == ["dg-edge", "dg-edge-thick"])
        #expect(edges[1].children.first { $0.name == "path" }?["stroke-width"] == "2.5")
        #expect(edges[2].classes == ["dg-edge", "dg-edge-solid", "dg-edge-plain"])
        #expect(!edges[2].children.contains { $0.name == "polygon" })
        #expect(edges[0].children.contains { $0.name == "polygon" })
    }

    @Test func clustersAreDrawnAroundTheirNodes() throws {
        let diagram = Diagram(
            kind: .mermaid, direction: .TB,
            nodes: ["A", "B", "C"].map { DiagramNode(id: $0, label: "Node \($0)") },
            edges: [DiagramEdge(from: "A", to: "B"), DiagramEdge(from: "B", to: "C")],
            clusters: [
                DiagramCluster(id: "vpc", label: "VPC", nodes: ["B", "C"]),
                DiagramCluster(id: "again", label: "Again", nodes: ["C", "missing"]),
                DiagramCluster(id: "empty", label: "Empty", nodes: []),
            ],
            source: Diagrams.source)
        // "Again" is not inside "VPC" (it lists an id VPC does not) but is the last to list
        // C, so C is drawn in its box; "Empty" follows it, so it goes inside it.
        let drawn = try Rendered(diagram)
        #expect(drawn.clusters.map(\.textLines) == [["VPC"], ["Again"], ["Empty"]])
        #expect(drawn.clusters.allSatisfy { $0.children.contains { $0.name == "polygon" } })
        #expect(drawn.nodes.compactMap { $0["data-id"] } == ["A", "B", "C"])
        #expect(drawn.root.children.first { $0.name == "desc" }?.text
            .hasSuffix("Group VPC: Node B. Group Again: Node C. Group Empty (empty).") == true)
    }

    @Test func futureNodesAreDashed() throws {
        let drawn = try Rendered(Diagrams.amplify)
        let future = try #require(drawn.node("Cognito Auth"))
        #expect(future.classes.contains("dg-future"))
        #expect(future.children.first { $0.name == "polygon" }?["stroke-dasharray"] == "6 4")
        let present = try #require(drawn.node("Lambda"))
        #expect(!present.classes.contains("dg-future"))
        #expect(present.children.first { $0.name == "polygon" }?["stroke-dasharray"] == nil)
        #expect(drawn.root.children.first { $0.name == "desc" }?.text.contains("Cognito Auth (future)") == true)
    }

    @Test func tiersBecomeClasses() throws {
        let options = DrawingOptions(
            idPrefix: "t", title: "T",
            tiers: ["Lambda": .primary, "API Gateway": .secondary, "External Services": .developing])
        let drawn = try Rendered(Diagrams.amplify, options: options)
        #expect(drawn.node("Lambda")?.classes.contains("dg-tier-primary") == true)
        #expect(drawn.node("API Gateway")?.classes.contains("dg-tier-secondary") == true)
        #expect(drawn.node("External Services")?.classes.contains("dg-tier-developing") == true)
        #expect(drawn.node("Cognito Auth")?.classes.contains { $0.hasPrefix("dg-tier") } == false)
    }

    @Test func linkedNodesAreAnchors() throws {
        let options = DrawingOptions(
            idPrefix: "l", title: "L",
            links: ["Lambda": "#service-lambda", "API Gateway": "../services/?a=1&b=2", "ALB": "javascript:alert(1)"])
        let drawn = try Rendered(Diagrams.amplify, options: options)
        let lambda = try #require(drawn.node("Lambda"))
        #expect(lambda.classes.contains("dg-linked"))
        let anchor = try #require(lambda.children.first { $0.name == "a" })
        #expect(anchor["href"] == "#service-lambda")
        #expect(anchor.textLines == ["Lambda"])
        #expect(anchor.children.contains { $0.name == "polygon" })
        #expect(drawn.node("API Gateway")?.children.first { $0.name == "a" }?["href"] == "../services/?a=1&b=2")
        #expect(drawn.node("External Services")?.children.contains { $0.name == "a" } == false)
    }

    @Test func unsafeLinksAreDropped() throws {
        let options = DrawingOptions(idPrefix: "l", title: "L", links: ["ALB": " JavaScript:alert(1)", "RDS": "data:text/html,x"])
        let drawn = try Rendered(Diagrams.containers, options: options)
        #expect(!drawn.root.descendants.contains { $0.name == "a" })
    }

    @Test func mermaidStylesApplyInline() throws {
        let diagram = Diagram(
            kind: .mermaid, direction: .LR,
            nodes: [
                DiagramNode(id: "A", label: "Styled", style: DiagramStyle(fill: "#f9f", stroke: "#333", strokeWidth: "4px")),
                DiagramNode(id: "B", label: "Injected", style: DiagramStyle(fill: "red; background: url(x)", color: "#fff")),
            ],
            edges: [DiagramEdge(from: "A", to: "B", color: "rgb(255, 0, 0)")],
            source: Diagrams.source)
        let drawn = try Rendered(diagram)
        let styled = try #require(drawn.node("A"))
        #expect(styled.children.first { $0.name == "polygon" }?["style"] == "fill: #f9f; stroke: #333; stroke-width: 4px")
        #expect(styled.children.first { $0.name == "text" }?["style"] == "fill: #111827")
        let injected = try #require(drawn.node("B"))
        #expect(injected.children.first { $0.name == "polygon" }?["style"] == nil)
        #expect(injected.children.first { $0.name == "text" }?["style"] == "fill: #fff")
        let edge = try #require(drawn.edges.first)
        #expect(edge.children.first { $0.name == "path" }?["style"] == "stroke: rgb(255, 0, 0)")
        #expect(edge.children.first { $0.name == "polygon" }?["style"] == "fill: rgb(255, 0, 0); stroke: rgb(255, 0, 0)")
    }

    @Test func edgesToUndeclaredNodesGetBoxes() throws {
        let diagram = Diagram(
            kind: .mermaid, direction: .LR,
            nodes: [DiagramNode(id: "A", label: "Alpha"), DiagramNode(id: "A", label: "Duplicate")],
            edges: [DiagramEdge(from: "A", to: "Ghost"), DiagramEdge(from: "Ghost", to: "Ghost")],
            source: Diagrams.source)
        let drawn = try Rendered(diagram)
        #expect(drawn.nodeLabels == ["Alpha", "Ghost"])
        #expect(drawn.edges.count == 2)
    }

    @Test func emptyDiagramStillDraws() throws {
        let drawn = try Rendered(Diagram(kind: .arrow, direction: .LR, nodes: [], edges: [], source: Diagrams.source))
        #expect(drawn.nodes.isEmpty)
        #expect(drawn.root["viewBox"] != nil)
    }
}
