/// One edge between adjacent ranks, routed as `dot` routes it when nothing is in the way: a
/// straight line from just inside the tail's centre to just inside the head's (dot starts and
/// ends regular edges one point off the centres), cut at both nodes' borders, and for an
/// arrowhead shortened by the arrow's length.
///
/// dot finds the path inside a corridor of boxes: the tail's slot in its rank (up to half
/// way to its neighbours), the whole gap between the ranks, the head's slot. When the
/// straight line leaves that corridor dot bends it around the corner into a curve; this
/// layout does not reproduce dot's curve fitting, so such a diagram goes to Graphviz.
struct LayeredEdge {
    /// Where the line leaves the tail and where it stops (the arrowhead's base, or the head's
    /// border), in the internal frame.
    var start: Point
    var end: Point
    /// The arrowhead's tip on the head's border, when there is an arrowhead.
    var tip: Point?

    struct Point: Equatable {
        var x: Double
        var y: Double
    }
}

extension LayeredEdge {
    /// How far past its neighbours' sides and the drawing's edge a node's slot reaches
    /// (dot's `FUDGE` and `MINW`).
    private static let slotFudge = 4.0
    private static let boundMargin = 16.0

    /// Routes edge `edge`, or throws `.curvedEdge` when dot would bend it.
    init(_ edge: LayeredGraph.Edge, graph: LayeredGraph, order: LayeredOrder, position: LayeredPosition) throws(LayeredGraph.Unsupported) {
        let (tail, head) = (edge.tail, edge.head)
        let from = Point(x: position.x[tail], y: position.y[tail] - 1)
        let to = Point(x: position.x[head], y: position.y[head] + 1)
        func x(atY y: Double) -> Double {
            from.x + (to.x - from.x) * (y - from.y) / (to.y - from.y)
        }
        let tailBottom = position.y[tail] - position.rankHalfHeight[order.rank[tail]]
        let headTop = position.y[head] + position.rankHalfHeight[order.rank[head]]
        let tailSlot = Self.slot(of: tail, graph: graph, order: order, position: position)
        let headSlot = Self.slot(of: head, graph: graph, order: order, position: position)
        guard tailSlot.contains(x(atY: tailBottom)), headSlot.contains(x(atY: headTop)) else { throw .curvedEdge }

        start = Self.exit(from: from, to: to, centre: Point(x: position.x[tail], y: position.y[tail]),
                          halfWidth: position.halfWidth[tail], halfHeight: position.halfHeight[tail])
        let border = Self.exit(from: to, to: from, centre: Point(x: position.x[head], y: position.y[head]),
                               halfWidth: position.halfWidth[head], halfHeight: position.halfHeight[head])
        if edge.arrow {
            let dx = from.x - to.x, dy = from.y - to.y
            let length = (dx * dx + dy * dy).squareRoot()
            tip = border
            end = Point(x: border.x + dx / length * graph.arrowLength, y: border.y + dy / length * graph.arrowLength)
        } else {
            tip = nil
            end = border
        }
    }

    /// The x range of a node's slot in its rank (dot's `maximal_bbox`), in whole points.
    private static func slot(of node: Int, graph: LayeredGraph, order: LayeredOrder, position: LayeredPosition) -> ClosedRange<Double> {
        let nodes = order.ranks[order.rank[node]]
        let index = nodes.firstIndex(of: node)!
        var left = position.x[node] - position.halfWidth[node] - slotFudge
        if index > 0 {
            let neighbour = nodes[index - 1]
            left = min(left, position.x[neighbour] + position.halfWidth[neighbour] + graph.nodeSeparation / 2)
            left = Graphviz.round(left)
        } else {
            left = min(Graphviz.round(left), position.minX - boundMargin)
        }
        var right = position.x[node] + position.halfWidth[node] + slotFudge
        if index + 1 < nodes.count {
            let neighbour = nodes[index + 1]
            right = max(right, position.x[neighbour] - position.halfWidth[neighbour] - graph.nodeSeparation / 2)
            right = Graphviz.round(right)
        } else {
            right = max(Graphviz.round(right), position.maxX + boundMargin)
        }
        return left...right
    }

    /// Where the segment from `inside` (within the box) towards `outside` crosses the border
    /// of the box around `centre`.
    private static func exit(from inside: Point, to outside: Point, centre: Point, halfWidth: Double, halfHeight: Double) -> Point {
        let dx = outside.x - inside.x, dy = outside.y - inside.y
        var t = 1.0
        if dx != 0 { t = min(t, ((dx > 0 ? centre.x + halfWidth : centre.x - halfWidth) - inside.x) / dx) }
        if dy != 0 { t = min(t, ((dy > 0 ? centre.y + halfHeight : centre.y - halfHeight) - inside.y) / dy) }
        return Point(x: inside.x + dx * t, y: inside.y + dy * t)
    }
}
