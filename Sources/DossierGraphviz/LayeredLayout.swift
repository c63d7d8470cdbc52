import DossierModel

/// Lays out the common diagrams — chains, and trees that branch out or join in — without
/// Graphviz, producing the same `Drawing` `dot` would, so `DiagramSVGWriter` draws it
/// unchanged.
///
/// Why: Graphviz is not thread-safe, so every `dot` layout in a build waits on one lock, and
/// its spline routing alone was a tenth of a build's CPU time. Nearly every diagram in a
/// handbook is a short chain with a branch, which needs none of that machinery. For those
/// this replays dot's own decisions — ranks, the initial order, network simplex placement
/// with dot's tie-breaking, rank spacing, straight edges clipped at the borders, dot's
/// arrowheads and rounded corners — in plain Swift values, on the calling thread, with no
/// lock and nothing shared. Anything else (`LayeredGraph.Unsupported`) stays on Graphviz.
enum LayeredLayout {
    /// dot's drawing of `plan`, or why Graphviz must draw it.
    static func drawing(for plan: DiagramPlan) -> Result<Drawing, LayeredGraph.Unsupported> {
        Result { () throws(LayeredGraph.Unsupported) in try drawing(of: LayeredGraph(plan)) }
    }

    static func drawing(of graph: LayeredGraph) throws(LayeredGraph.Unsupported) -> Drawing {
        let order = try LayeredOrder(graph)
        guard let position = LayeredPosition(graph, order) else { throw .placement }
        var edges: [LayeredEdge] = []
        for edge in graph.edges {
            edges.append(try LayeredEdge(edge, graph: graph, order: order, position: position))
        }
        return Frame(graph: graph, position: position).drawing(graph: graph, position: position, edges: edges)
    }

    /// Turns dot's internal frame into the drawing's: rank 0 at the top (TB), bottom (BT),
    /// left (LR) or right (RL), the box moved to the origin, y negated for SVG.
    struct Frame {
        var direction: Diagram.Direction
        var box: (minX: Double, maxX: Double, minY: Double, maxY: Double)

        init(graph: LayeredGraph, position: LayeredPosition) {
            direction = graph.direction
            box = (position.minX, position.maxX, position.minY, position.maxY)
        }

        /// Width and height of the drawing, before padding.
        var size: (width: Double, height: Double) {
            switch direction {
            case .TB, .BT: (box.maxX - box.minX, box.maxY - box.minY)
            case .LR, .RL: (box.maxY - box.minY, box.maxX - box.minX)
            }
        }

        /// A point in SVG coordinates (y down, the drawing between y = −height and 0).
        func svg(_ point: LayeredEdge.Point) -> LayeredEdge.Point {
            let (x, y): (Double, Double)
            switch direction {
            case .TB: (x, y) = (point.x - box.minX, point.y - box.minY)
            case .BT: (x, y) = (point.x - box.minX, box.maxY - point.y)
            case .LR: (x, y) = (box.maxY - point.y, point.x - box.minX)
            case .RL: (x, y) = (point.y - box.minY, point.x - box.minX)
            }
            return LayeredEdge.Point(x: x, y: -y)
        }
    }
}
