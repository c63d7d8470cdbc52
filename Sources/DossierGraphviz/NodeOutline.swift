import DossierModel

/// Outlines for the Mermaid shapes Graphviz has no shape for — stadium, subroutine and
/// asymmetric — drawn inside the box Graphviz laid out for them.
///
/// The plan lays these out as plain boxes made wider by the amounts here, so the redrawn
/// outline keeps the text clear, and edges still end on the box's sides, where the new
/// outline touches (except at the asymmetric shape's notch, which is shallow).
enum NodeOutline {
    /// How far a subroutine's inner lines sit from its sides.
    static let subroutineInset = 7.0

    /// How deep the asymmetric shape's notch cuts into its left side.
    static func notchDepth(height: Double) -> Double {
        min(height / 2, 12)
    }

    /// The outline to draw for a node of `shape`, given what Graphviz drew for it.
    static func shapes(for shape: DiagramNode.Shape, graphviz: [Drawing.Shape]) -> [Drawing.Shape] {
        guard [.stadium, .subroutine, .asymmetric].contains(shape),
              let polygon = graphviz.first(where: { $0.kind == .polygon }), let box = polygon.bounds
        else { return graphviz }
        let (x, y, width, height) = (box.minX, box.minY, box.width, box.height)
        let f = { (value: Double) in SVGNumber.format(value) }
        switch shape {
        case .stadium:
            return [Drawing.Shape(kind: .rect, geometry: [
                .init("x", f(x)), .init("y", f(y)), .init("width", f(width)), .init("height", f(height)),
                .init("rx", f(height / 2)),
            ])]
        case .subroutine:
            let inset = subroutineInset
            return [
                polygon,
                Drawing.Shape(kind: .polyline, geometry: [.init("points", "\(f(x + inset)),\(f(y)) \(f(x + inset)),\(f(y + height))")]),
                Drawing.Shape(kind: .polyline, geometry: [.init("points", "\(f(x + width - inset)),\(f(y)) \(f(x + width - inset)),\(f(y + height))")]),
            ]
        default:
            let notch = notchDepth(height: height)
            let points = [(x, y), (x + width, y), (x + width, y + height), (x, y + height), (x + notch, y + height / 2), (x, y)]
            return [Drawing.Shape(kind: .polygon, geometry: [
                .init("points", points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")),
            ])]
        }
    }
}
