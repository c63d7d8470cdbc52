import DossierModel

/// Everything decided before Graphviz runs: which nodes, edges and clusters are drawn, how
/// their labels break into lines, and the `LayoutGraph` Graphviz lays out.
///
/// Graphviz objects are named by position (`n0`, `e0`, `c0`) and the SVG it draws is matched
/// back to this plan by those names, so no user text ever reaches Graphviz as a name or id.
struct DiagramPlan: Sendable {
    struct Node: Sendable {
        var source: DiagramNode
        var lines: [String]
    }

    struct Edge: Sendable {
        var source: DiagramEdge
        var lines: [String]
    }

    struct Cluster: Sendable {
        var source: DiagramCluster
        var lines: [String]
    }

    var direction: Diagram.Direction
    /// Node `i` is Graphviz's `n<i>`.
    var nodes: [Node]
    /// Edge `i` is Graphviz's `e<i>`.
    var edges: [Edge]
    /// Cluster `i` is Graphviz's `c<i>`.
    var clusters: [Cluster]
    var graph: LayoutGraph
}

extension DiagramPlan {
    /// Plans `diagram`, repairing what Graphviz would reject or crash on: a repeated node id
    /// keeps its first definition, an edge to an undeclared id gets a box labelled with the
    /// id (as Mermaid does), and a node listed in two clusters stays in the first.
    init(_ diagram: Diagram) {
        let nodeWrapper = LabelWrapper(maxWidth: Typography.nodeLineWidth(diagram.direction), fontSize: Typography.nodeFontSize)
        let edgeWrapper = LabelWrapper(maxWidth: Typography.edgeLineWidth, fontSize: Typography.edgeFontSize)
        let clusterWrapper = LabelWrapper(maxWidth: Typography.clusterLineWidth, fontSize: Typography.clusterFontSize)

        var nodes: [Node] = []
        var position: [String: Int] = [:]
        func add(_ node: DiagramNode) {
            guard position[node.id] == nil else { return }
            position[node.id] = nodes.count
            nodes.append(Node(source: node, lines: nodeWrapper.lines(node.label)))
        }
        diagram.nodes.forEach(add)
        for edge in diagram.edges {
            add(DiagramNode(id: edge.from, label: edge.from))
            add(DiagramNode(id: edge.to, label: edge.to))
        }

        let edges = diagram.edges.map { Edge(source: $0, lines: edgeWrapper.lines($0.label ?? "")) }

        var clustered: Set<String> = []
        var clusters: [Cluster] = []
        for cluster in diagram.clusters {
            var members: [String] = []
            for id in cluster.nodes where position[id] != nil && clustered.insert(id).inserted {
                members.append(id)
            }
            guard !members.isEmpty else { continue }
            var kept = cluster
            kept.nodes = members
            clusters.append(Cluster(source: kept, lines: clusterWrapper.lines(cluster.label)))
        }

        self.direction = diagram.direction
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.graph = LayoutGraph(
            graphAttributes: [
                .init("rankdir", diagram.direction.rawValue),
                .init("fontname", Typography.fontName),
                .init("fontsize", Self.number(Typography.clusterFontSize)),
                .init("nodesep", "0.3"),
                .init("ranksep", "0.42"),
                .init("pad", "0.08"),
                .init("outputorder", "edgesfirst"),
            ],
            nodeDefaults: [
                .init("fontname", Typography.fontName),
                .init("fontsize", Self.number(Typography.nodeFontSize)),
                .init("shape", "box"),
                .init("margin", "0.16,0.08"),
            ],
            edgeDefaults: [
                .init("fontname", Typography.fontName),
                .init("fontsize", Self.number(Typography.edgeFontSize)),
                .init("arrowsize", "0.8"),
            ],
            nodes: nodes.enumerated().map { index, node in
                LayoutGraph.Node(name: "n\(index)", attributes: Self.attributes(of: node, id: "n\(index)"))
            },
            edges: edges.enumerated().map { index, edge in
                var attributes = [LayoutGraph.Attribute("id", "e\(index)")]
                if !edge.lines.isEmpty { attributes.append(.init("label", Self.graphvizLabel(edge.lines, padded: true))) }
                if !edge.source.arrow { attributes.append(.init("dir", "none")) }
                if edge.source.style == .thick { attributes.append(.init("penwidth", "2.5")) }
                return LayoutGraph.Edge(
                    tail: "n\(position[edge.source.from]!)", head: "n\(position[edge.source.to]!)",
                    attributes: attributes)
            },
            clusters: clusters.enumerated().map { index, cluster in
                var attributes = [LayoutGraph.Attribute("id", "c\(index)")]
                if !cluster.lines.isEmpty { attributes.append(.init("label", Self.graphvizLabel(cluster.lines))) }
                return LayoutGraph.Cluster(
                    name: "cluster_\(index)", attributes: attributes,
                    nodes: cluster.source.nodes.map { "n\(position[$0]!)" })
            }
        )
    }

    /// Graphviz attributes of one node: its label, a shape Graphviz knows (stadium,
    /// subroutine and asymmetric are laid out as boxes and redrawn by `NodeOutline`), and a
    /// minimum size from `TextMetrics` so the browser's font fits whatever Graphviz measured.
    private static func attributes(of node: Node, id: String) -> [LayoutGraph.Attribute] {
        let fontSize = Typography.nodeFontSize
        let textWidth = node.lines.map { TextMetrics.width(of: $0, fontSize: fontSize) }.max() ?? 0
        let textHeight = Double(max(node.lines.count, 1)) * fontSize * Typography.lineHeight
        var width = textWidth + 2 * Typography.nodePaddingX
        var height = textHeight + 2 * Typography.nodePaddingY
        var attributes = [LayoutGraph.Attribute("id", id), .init("label", graphvizLabel(node.lines))]
        switch node.source.shape {
        case .box:
            break
        case .rounded:
            attributes.append(.init("style", "rounded"))
        case .stadium:
            width += height / 2
        case .subroutine:
            width += 2 * NodeOutline.subroutineInset
        case .asymmetric:
            width += 2 * NodeOutline.notchDepth(height: height)
        case .cylinder:
            attributes.append(.init("shape", "cylinder"))
            height += 14 // the rims
        case .circle:
            // Fixed: Graphviz would make it √2 times the label's width, far bigger than the
            // circle around the label's box.
            attributes += [.init("shape", "circle"), .init("fixedsize", "true")]
            width = ((textWidth + 12) * (textWidth + 12) + (textHeight + 6) * (textHeight + 6)).squareRoot()
            height = width
        case .rhombus:
            // A diamond holds a w × h box when w/W + h/H ≤ 1 (W, H its full diagonals);
            // W = 1.5 w, H = 3 h is the flattest that still reads as a diamond.
            attributes.append(.init("shape", "diamond"))
            width = 1.5 * (textWidth + 16)
            height = 3 * (textHeight + 6)
        case .hexagon:
            // Graphviz's hexagon points stick out by half its height on each side; the text
            // box's corners need one text height of that.
            attributes.append(.init("shape", "hexagon"))
            width += textHeight + 8
        }
        attributes.append(.init("width", number(width / 72, digits: 4)))
        attributes.append(.init("height", number(height / 72, digits: 4)))
        return attributes
    }

    /// Lines as one Graphviz label. Graphviz reads backslash escapes (`\N` is the node name,
    /// `\l` ends a line) and HTML entities in plain labels, so both are neutralised; the text
    /// Graphviz draws is replaced by the real lines afterwards anyway, this only has to
    /// measure right.
    ///
    /// `padded` adds a space on each side of every line: Graphviz puts an edge label right
    /// against its line, and the drawn text, centred in the wider box, keeps clear of it.
    static func graphvizLabel(_ lines: [String], padded: Bool = false) -> String {
        lines.map { line in
            let escaped = line.replacing("\\", with: "\\\\").replacing("&", with: "&amp;")
            return padded ? " \(escaped) " : escaped
        }.joined(separator: "\n")
    }

    /// A number in the fixed form `SVGNumber` writes, for attribute values.
    private static func number(_ value: Double, digits: Int = 2) -> String {
        SVGNumber.format(value, digits: digits)
    }
}
