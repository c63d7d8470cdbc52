import DossierModel
import Testing
@testable import DossierGraphviz

/// Renders and reads back in one step, failing the test when the SVG is not well-formed.
struct Rendered {
    var svg: String
    var root: SVGTree

    init(_ diagram: Diagram, renderer: GraphvizRenderer = GraphvizRenderer(),
         options: DrawingOptions = DrawingOptions(idPrefix: "d1", title: "Test diagram")) throws {
        svg = try renderer.svg(for: diagram, options: options)
        root = try SVGTree.parse(svg).get()
    }

    var nodes: [SVGTree] { root.groups("dg-node") }
    var edges: [SVGTree] { root.groups("dg-edge") }
    var clusters: [SVGTree] { root.groups("dg-cluster") }

    /// Each node's label as drawn: its lines joined with spaces.
    var nodeLabels: [String] { nodes.map { $0.textLines.joined(separator: " ") } }

    /// The node group for a diagram node id.
    func node(_ id: String) -> SVGTree? { nodes.first { $0["data-id"] == id } }
}
