import Foundation
import DossierModel
import Testing
@testable import DossierGraphviz

@Suite("SVG structure")
struct SVGStructureTests {
    let options = DrawingOptions(idPrefix: "aws-expert-pattern-1", title: "Pattern 1: serverless API")

    @Test func isInlineReadySVG() throws {
        let drawn = try Rendered(Diagrams.serverless, options: options)
        #expect(!drawn.svg.contains("<?xml"))
        #expect(!drawn.svg.contains("<!DOCTYPE"))
        #expect(!drawn.svg.contains("<!--"))
        #expect(drawn.svg.hasPrefix("<svg "))
        #expect(drawn.root.name == "svg")
        #expect(drawn.root["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(drawn.root["role"] == "img")
        #expect(drawn.root["aria-labelledby"] == "aws-expert-pattern-1-title aws-expert-pattern-1-desc")
        #expect(drawn.root.classes.contains("dg-diagram"))
    }

    @Test func scalesDownFromItsNaturalSize() throws {
        let root = try Rendered(Diagrams.serverless, options: options).root
        let box = try #require(root["viewBox"]?.split(separator: " ").compactMap { Double($0) })
        try #require(box.count == 4)
        #expect(box[0] == 0 && box[1] == 0 && box[2] > 0 && box[3] > 0)
        #expect(root["width"] == String(Int(box[2].rounded(.up))))
        #expect(root["height"] == String(Int(box[3].rounded(.up))))
        #expect(root["style"]?.contains("max-width: 100%") == true)
        #expect(root["style"]?.contains("height: auto") == true)
    }

    @Test func titleAndDescriptionAreReferenced() throws {
        let root = try Rendered(Diagrams.serverless, options: options).root
        let title = try #require(root.children.first { $0.name == "title" })
        let desc = try #require(root.children.first { $0.name == "desc" })
        #expect(title["id"] == "aws-expert-pattern-1-title")
        #expect(title.text == "Pattern 1: serverless API")
        #expect(desc["id"] == "aws-expert-pattern-1-desc")
        #expect(desc.text == """
            Nodes: Frontend, CloudFront, API Gateway, Lambda (Python + Mangum), RDS/External APIs, \
            CloudWatch Logs. Connections: Frontend to CloudFront; CloudFront to API Gateway; \
            API Gateway to Lambda (Python + Mangum); Lambda (Python + Mangum) to RDS/External APIs; \
            Lambda (Python + Mangum) to CloudWatch Logs.
            """)
    }

    @Test func idPrefixIsMadeSafe() throws {
        let root = try Rendered(Diagrams.containers, options: DrawingOptions(idPrefix: "2 \"x\"", title: "")).root
        #expect(root["aria-labelledby"] == "dg-2--x--title dg-2--x--desc")
        #expect(root.children.first { $0.name == "title" }?.text == "Diagram")
    }

    @Test func oneGroupPerNodeWithItsLabel() throws {
        let drawn = try Rendered(Diagrams.serverless)
        #expect(drawn.nodeLabels == Diagrams.serverless.nodes.map(\.label))
        #expect(drawn.nodes.map { $0["data-id"] } == Diagrams.serverless.nodes.map(\.id))
        for node in drawn.nodes {
            #expect(node.classes.contains("dg-shape-box"))
            #expect(node.descendants.contains { $0.name == "polygon" })
        }
    }

    @Test func oneGroupPerEdgeWithLineAndArrowhead() throws {
        let drawn = try Rendered(Diagrams.serverless)
        #expect(drawn.edges.count == Diagrams.serverless.edges.count)
        for edge in drawn.edges {
            #expect(edge.children.filter { $0.name == "path" }.count == 1)
            #expect(edge.children.filter { $0.name == "polygon" }.count == 1)
            #expect(edge.classes == ["dg-edge", "dg-edge-solid"])
        }
    }

    @Test func edgeLabelsAreDrawn() throws {
        let diagram = Diagram(
            kind: .mermaid, direction: .TB,
            nodes: [DiagramNode(id: "A", label: "Client"), DiagramNode(id: "B", label: "Server")],
            edges: [DiagramEdge(from: "A", to: "B", label: "HTTPS request")],
            source: Diagrams.source)
        let drawn = try Rendered(diagram)
        #expect(drawn.edges.first?.textLines == ["HTTPS request"])
        #expect(drawn.root.children.first { $0.name == "desc" }?.text
            == "Nodes: Client, Server. Connections: Client to Server (HTTPS request).")
    }

    @Test func carriesNoColours() throws {
        let styled = Diagram(
            kind: .mermaid, direction: .LR,
            nodes: [DiagramNode(id: "A", label: "A", shape: .cylinder), DiagramNode(id: "B", label: "B", shape: .stadium)],
            edges: [DiagramEdge(from: "A", to: "B", label: "x", style: .thick)],
            clusters: [DiagramCluster(id: "g", label: "Group", nodes: ["A"])],
            source: Diagrams.source)
        let drawn = try Rendered(styled)
        for element in drawn.root.descendants {
            for name in ["fill", "stroke"] {
                if let value = element[name] { #expect(["none", "currentColor"].contains(value), "\(element.name) \(name)=\(value)") }
            }
            #expect(element["style"].map { !$0.contains("#") } ?? true)
        }
        #expect(!drawn.svg.contains("black"))
        #expect(!drawn.svg.contains("white"))
        #expect(!drawn.svg.contains("Times"))
    }

    @Test func textStaysText() throws {
        let drawn = try Rendered(Diagrams.steps)
        #expect(!drawn.root.descendants.contains { ["image", "foreignObject", "use"].contains($0.name) })
        let lines = drawn.nodes.flatMap(\.textLines)
        #expect(lines.count > Diagrams.steps.nodes.count) // long steps wrap
        #expect(drawn.nodeLabels == Diagrams.steps.nodes.map(\.label))
    }

    @Test func stylesheetCoversEveryClassAndIsSafeInsideSVG() {
        let css = DiagramSVG.stylesheet
        for selector in [".dg-node", ".dg-edge", ".dg-cluster", ".dg-future", ".dg-edge-dotted", ".dg-edge-thick",
                         ".dg-tier-primary", ".dg-tier-secondary", ".dg-tier-developing", ".dg-linked"] {
            #expect(css.contains(selector + " "), "\(selector)")
        }
        #expect(css.contains("fill: var(--dg-node-fill, #"))
        #expect(!css.contains("<") && !css.contains("&"))
        #expect(!DiagramSVG.darkThemeProperties.contains("<"))
    }

    @Test func stylesheetCanBeEmbedded() throws {
        let options = DrawingOptions(idPrefix: "x", title: "X", embedsStylesheet: true)
        let root = try Rendered(Diagrams.containers, options: options).root
        let style = try #require(root.children.first { $0.name == "style" })
        #expect(style.text.trimmingCharacters(in: .whitespacesAndNewlines)
            == DiagramSVG.stylesheet.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
