import DossierModel
import Testing
@testable import DossierGraphviz

@Suite("Label text")
struct EscapingTests {
    static let labels = [
        #"Say "hello""#,
        #"C:\Users\admin"#,
        #"\N \G \l \n are Graphviz escapes"#,
        "a < b && c > d",
        "&amp; stays &amp;",
        "&#45; and &lt;",
        "Café Zürich — naïve",
        "Queue → Worker",
        "Deploy 🚀 then 👩‍💻 review",
        "a -> b; c [x=y]",
        "} digraph { x",
        "'single' quotes",
        "漢字とかな",
    ]

    @Test(arguments: labels)
    func nodeLabelIsDrawnAsWritten(label: String) throws {
        let diagram = Diagram(
            kind: .mermaid, direction: .LR,
            nodes: [DiagramNode(id: "A", label: label), DiagramNode(id: "B", label: "Next")],
            edges: [DiagramEdge(from: "A", to: "B", label: label)],
            clusters: [DiagramCluster(id: "g", label: label, nodes: ["B"])],
            source: Diagrams.source)
        let drawn = try Rendered(diagram, options: DrawingOptions(idPrefix: "e", title: label))
        #expect(drawn.nodeLabels == [label, "Next"])
        #expect(drawn.edges.first?.textLines.joined(separator: " ") == label)
        #expect(drawn.clusters.first?.textLines.joined(separator: " ") == label)
        #expect(drawn.root.children.first { $0.name == "title" }?.text == label)
        #expect(drawn.root.children.first { $0.name == "desc" }?.text.hasPrefix("Nodes: \(label), Next.") == true)
    }

    @Test func nodeIDsNeverReachGraphviz() throws {
        let diagram = Diagram(
            kind: .arrow, direction: .LR,
            nodes: [DiagramNode(id: #"x" -> "y"#, label: "One"), DiagramNode(id: "cluster_0", label: "Two")],
            edges: [DiagramEdge(from: #"x" -> "y"#, to: "cluster_0")],
            source: Diagrams.source)
        let drawn = try Rendered(diagram)
        #expect(drawn.nodeLabels == ["One", "Two"])
        #expect(drawn.nodes.map { $0["data-id"] } == [#"x" -> "y"#, "cluster_0"])
        #expect(drawn.clusters.isEmpty)
    }

    @Test func controlCharactersAreDropped() throws {
        let diagram = Diagrams.chain(["bell\u{7}here", "tab\there"])
        let drawn = try Rendered(diagram)
        #expect(drawn.nodeLabels == ["bellhere", "tab here"])
    }

    @Test func explicitLineBreaksAreKept() throws {
        let diagram = Diagrams.chain(["Load balancer\n(public)", "App"])
        let drawn = try Rendered(diagram)
        #expect(drawn.nodes.first?.textLines == ["Load balancer", "(public)"])
    }
}
