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

    /// One box, at the same index as in ``Diagram/clusters``.
    struct Cluster: Sendable {
        /// The cluster, with `nodes` cut to the drawn nodes inside its box (its own and
        /// those of the clusters inside it), each once.
        var source: DiagramCluster
        var lines: [String]
        /// The cluster whose box this one is drawn inside (``Diagram/ClusterNesting``).
        var parent: Int?
        /// Indices in `nodes` of the nodes drawn directly in this box, not in a box inside.
        var members: [Int]
        /// No node and no cluster inside: an invisible node holds the box open, as Mermaid
        /// draws an empty subgraph as an empty box.
        var isEmpty: Bool
    }

    var direction: Diagram.Direction
    /// Node `i` is Graphviz's `n<i>`.
    var nodes: [Node]
    /// Edge `i` is Graphviz's `e<i>`.
    var edges: [Edge]
    /// Cluster `i` is Graphviz's `c<i>` (`cluster_<i>`); an empty one holds `p<i>`.
    var clusters: [Cluster]
    var graph: LayoutGraph
}

extension DiagramPlan {
    /// From this many nodes on, dot's network simplex placement (`nslimit`) is capped at one
    /// pass per node: uncapped, a 2,000-node Mermaid graph took 37 s to place, capped 5 s,
    /// and a graph that size is read by its structure, not by a few points of alignment.
    static let largeGraph = 300

    /// Plans `diagram`, repairing what Graphviz would reject or crash on: a repeated node id
    /// keeps its first definition, an edge to an undeclared id gets a box labelled with the
    /// id (as Mermaid does), and a node listed in several clusters is drawn once, in the
    /// innermost (``Diagram/ClusterNesting``), with the clusters' boxes nested as theirs.
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

        let clusters = Self.clusters(of: diagram, position: position, wrapper: clusterWrapper)

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
            ] + (nodes.count > Self.largeGraph ? [.init("nslimit", "1")] : []),
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
            } + clusters.indices.filter { clusters[$0].isEmpty }.map { index in
                LayoutGraph.Node(name: "p\(index)", attributes: Self.placeholder(id: "p\(index)"))
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
                    name: "cluster_\(index)", parent: cluster.parent.map { "cluster_\($0)" }, attributes: attributes,
                    nodes: cluster.isEmpty ? ["p\(index)"] : cluster.members.map { "n\($0)" })
            }
        )
    }

    /// Every cluster of `diagram`, nested as ``Diagram/clusterNesting`` says, with each
    /// drawn node (`position`) placed only in the innermost cluster listing it. Ids listed
    /// in a cluster that are not nodes are left out.
    private static func clusters(of diagram: Diagram, position: [String: Int], wrapper: LabelWrapper) -> [Cluster] {
        let nesting = diagram.clusterNesting
        /// Whether cluster `inner` is `outer` or sits somewhere inside it.
        func isWithin(_ inner: Int, _ outer: Int) -> Bool {
            var current: Int? = inner
            while let index = current, index >= outer {
                if index == outer { return true }
                current = nesting.parents[index]
            }
            return false
        }
        return diagram.clusters.enumerated().map { index, cluster in
            var seen: Set<String> = []
            var kept = cluster
            kept.nodes = cluster.nodes.filter { id in
                guard position[id] != nil, let owner = nesting.innermostCluster(ofNode: id) else { return false }
                return isWithin(owner, index) && seen.insert(id).inserted
            }
            let members = nesting.ownNodes[index].compactMap { position[$0] }
            return Cluster(source: kept, lines: wrapper.lines(cluster.label), parent: nesting.parents[index],
                           members: members, isEmpty: members.isEmpty && nesting.children[index].isEmpty)
        }
    }

    /// An invisible node that gives an empty cluster something to draw its box around.
    private static func placeholder(id: String) -> [LayoutGraph.Attribute] {
        [.init("id", id), .init("label", ""), .init("style", "invis"),
         .init("width", number(Typography.clusterFontSize * 4 / 72, digits: 4)),
         .init("height", number(Typography.clusterFontSize / 72, digits: 4))]
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
