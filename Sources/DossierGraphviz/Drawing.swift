/// A diagram as Graphviz laid it out: the canvas, and for every node, edge and cluster the
/// outlines it drew and where it put each line of text. This is what the cache keeps; the
/// SVG for a page is written from it with that page's ids, links and tiers.
struct Drawing: Sendable {
    /// An outline, arrowhead or line, with its geometry as Graphviz wrote it.
    struct Shape: Hashable, Sendable {
        enum Kind: String, Hashable, Sendable {
            case polygon, polyline, ellipse, path, rect
        }

        var kind: Kind
        /// `points`, `d`, `cx`/`cy`/`rx`/`ry` or `x`/`y`/`width`/`height`/`rx`, in that order.
        var geometry: [LayoutGraph.Attribute]
    }

    /// Where one line of a label goes.
    struct TextPosition: Hashable, Sendable {
        var x: String
        var y: String
        var anchor: String
    }

    /// What Graphviz drew for one object.
    struct Item: Hashable, Sendable {
        var shapes: [Shape] = []
        var texts: [TextPosition] = []
    }

    var width: Double
    var height: Double
    /// Graphviz's y axis points up, so it draws at negative y inside a translation.
    var translation: (x: String, y: String)
    var nodes: [Int: Item]
    var edges: [Int: Item]
    var clusters: [Int: Item]
}

extension Drawing {
    /// Reads Graphviz's SVG for a `LayoutGraph` whose objects have ids `n<i>`, `e<i>`, `c<i>`.
    init(graphvizSVG svg: String) throws(GraphvizError) {
        guard let root = SVGElement(parsingGraphvizSVG: svg), root.name == "svg",
              let box = root["viewBox"]?.split(separator: " ").compactMap(SVGNumber.parse), box.count == 4,
              let canvas = root.children(named: "g").first
        else { throw GraphvizError("Graphviz wrote SVG this version cannot read") }

        width = box[2]
        height = box[3]
        translation = Self.translation(in: canvas["transform"] ?? "")
        nodes = [:]
        edges = [:]
        clusters = [:]
        for group in canvas.children(named: "g") {
            guard let id = group["id"], let kind = id.first, let index = Int(id.dropFirst()) else { continue }
            let item = Self.item(group)
            switch kind {
            case "n": nodes[index] = item
            case "e": edges[index] = item
            case "c": clusters[index] = item
            default: continue
            }
        }
    }

    /// The `translate(x y)` at the end of Graphviz's `scale(1 1) rotate(0) translate(x y)`.
    private static func translation(in transform: String) -> (x: String, y: String) {
        guard let start = transform.range(of: "translate(")?.upperBound,
              let end = transform[start...].firstIndex(of: ")")
        else { return ("0", "0") }
        let numbers = transform[start..<end].split(separator: " ").compactMap(SVGNumber.parse)
        guard numbers.count == 2 else { return ("0", "0") }
        return (SVGNumber.format(numbers[0]), SVGNumber.format(numbers[1]))
    }

    private static func item(_ group: SVGElement) -> Item {
        var item = Item()
        for child in group.children {
            switch child.name {
            case "polygon", "polyline":
                item.shapes.append(Shape(kind: child.name == "polygon" ? .polygon : .polyline,
                                         geometry: geometry(child, ["points"])))
            case "ellipse":
                item.shapes.append(Shape(kind: .ellipse, geometry: geometry(child, ["cx", "cy", "rx", "ry"])))
            case "path":
                item.shapes.append(Shape(kind: .path, geometry: geometry(child, ["d"])))
            case "text":
                item.texts.append(TextPosition(x: child["x"] ?? "0", y: child["y"] ?? "0",
                                               anchor: child["text-anchor"] ?? "middle"))
            default:
                continue // <title>, and <a> wrappers Graphviz adds only for URLs, which are not set
            }
        }
        return item
    }

    private static func geometry(_ element: SVGElement, _ names: [String]) -> [LayoutGraph.Attribute] {
        names.map { LayoutGraph.Attribute($0, element[$0] ?? "0") }
    }
}
