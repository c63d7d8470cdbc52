extension LayeredLayout.Frame {
    /// dot's Pango metrics for the node font, for text positions like Graphviz's: lines 15
    /// points apart, a single line's baseline 3.7 points below the node's middle. (The SVG
    /// writer re-centres node text on the box for the browser's font; only x is used.)
    private static let lineSpacing = 15.0
    private static let baselineOffset = 3.7
    /// Graphviz's rounded corners: at most 12 points, at most a third of the shorter side.
    private static let cornerRadius = 12.0
    /// An arrowhead's half-width as a share of its length (`arrowwidth`).
    private static let arrowWidth = 0.35

    /// The drawing, with numbers written as Graphviz writes them into its SVG.
    func drawing(graph: LayeredGraph, position: LayeredPosition, edges: [LayeredEdge]) -> Drawing {
        var nodes: [Int: Drawing.Item] = [:]
        for (index, node) in graph.nodes.enumerated() {
            let centre = svg(LayeredEdge.Point(x: position.x[index], y: position.y[index]))
            let (left, right) = (centre.x - node.width / 2, centre.x + node.width / 2)
            let (top, bottom) = (centre.y - node.height / 2, centre.y + node.height / 2)
            let outline = node.rounded
                ? Self.roundedBox(left: left, right: right, top: top, bottom: bottom)
                : Drawing.Shape(kind: .polygon, geometry: [.init("points", Self.points([
                    (right, top), (left, top), (left, bottom), (right, bottom), (right, top),
                ]))])
            let texts = (0..<node.lineCount).map { line in
                let offset = (Double(line) - Double(node.lineCount - 1) / 2) * Self.lineSpacing
                return Drawing.TextPosition(x: Self.number(centre.x), y: Self.number(centre.y + Self.baselineOffset + offset),
                                            anchor: "middle")
            }
            nodes[index] = Drawing.Item(shapes: [outline], texts: texts)
        }

        var items: [Int: Drawing.Item] = [:]
        for (index, edge) in edges.enumerated() {
            let (start, end) = (svg(edge.start), svg(edge.end))
            let third = (x: (end.x - start.x) / 3, y: (end.y - start.y) / 3)
            let d = "M" + Self.point(start.x, start.y) + "C" + Self.points([
                (start.x + third.x, start.y + third.y), (start.x + 2 * third.x, start.y + 2 * third.y), (end.x, end.y),
            ])
            var shapes = [Drawing.Shape(kind: .path, geometry: [.init("d", d)])]
            if let tip = edge.tip.map(svg) {
                // Graphviz's "normal" arrowhead: a triangle from the tip back to the line's end.
                let width = Self.arrowWidth * max(1, graph.edges[index].penwidth / 4)
                let u = (x: end.x - tip.x, y: end.y - tip.y)
                let v = (x: u.y * width, y: -u.x * width)
                let (first, last) = ((end.x - v.x, end.y - v.y), (end.x + v.x, end.y + v.y))
                shapes.append(Drawing.Shape(kind: .polygon, geometry: [.init("points", Self.points([
                    first, (tip.x, tip.y), last, first,
                ]))]))
            }
            items[index] = Drawing.Item(shapes: shapes)
        }

        let (width, height) = size
        return Drawing(
            width: Self.twoDecimals(width + 2 * graph.pad), height: Self.twoDecimals(height + 2 * graph.pad),
            translation: (Self.number(graph.pad), Self.number(height + graph.pad)),
            nodes: nodes, edges: items, clusters: [:])
    }

    /// Graphviz's `style=rounded` box: straight sides as flat Bézier segments, each corner a
    /// Bézier with its controls half way along the corner.
    private static func roundedBox(left: Double, right: Double, top: Double, bottom: Double) -> Drawing.Shape {
        let r = min(cornerRadius, min(right - left, bottom - top) / 3), h = r / 2
        let path: [(Double, Double)] = [
            (right - r, top), (left + r, top), (left + r, top),
            (left + h, top), (left, top + h), (left, top + r),
            (left, top + r), (left, bottom - r), (left, bottom - r),
            (left, bottom - h), (left + h, bottom), (left + r, bottom),
            (left + r, bottom), (right - r, bottom), (right - r, bottom),
            (right - h, bottom), (right, bottom - h), (right, bottom - r),
            (right, bottom - r), (right, top + r), (right, top + r),
            (right, top + h), (right - h, top), (right - r, top),
        ]
        let d = "M" + point(right - r, top) + "C" + points(path)
        return Drawing.Shape(kind: .path, geometry: [.init("d", d)])
    }

    private static func points(_ points: [(Double, Double)]) -> String {
        points.map { point($0.0, $0.1) }.joined(separator: " ")
    }

    private static func point(_ x: Double, _ y: Double) -> String {
        number(x) + "," + number(y)
    }

    private static func number(_ value: Double) -> String {
        SVGNumber.format(value)
    }

    private static func twoDecimals(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}
