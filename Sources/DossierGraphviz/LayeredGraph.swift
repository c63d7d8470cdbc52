import DossierModel

/// A diagram in the one shape Dossier lays out itself instead of asking Graphviz: a forest
/// (chains, and trees that branch out or join in) of box-like nodes without clusters or
/// edge labels, read from the very `LayoutGraph` Graphviz would be given.
///
/// Reading the `LayoutGraph` rather than the `Diagram` keeps one source of truth for sizes
/// and spacing: any attribute this reader does not know (a new shape, an edge label,
/// `nslimit`) makes the diagram go to Graphviz, as everything did before.
struct LayeredGraph {
    struct Node {
        /// Size in points, rounded to whole points as `dot` rounds node sizes.
        var width: Double
        var height: Double
        var rounded: Bool
        /// Lines of text, one `<text>` each.
        var lineCount: Int
    }

    struct Edge {
        var tail: Int
        var head: Int
        var arrow: Bool
        var penwidth: Double
    }

    /// Why a plan goes to Graphviz.
    enum Unsupported: Error, Equatable {
        case empty, tooLarge, clusters, edgeLabels, cycle, crossings, curvedEdge
        /// Network simplex did not finish (never seen; a safety net).
        case placement
        /// An attribute (or value) this layout does not draw, such as `shape=cylinder`.
        case attribute(String)
    }

    /// Above this many nodes a diagram goes to Graphviz: every diagram in the handbooks
    /// Dossier was measured on is far smaller, and big graphs are where dot's care pays.
    static let largest = 40

    var direction: Diagram.Direction
    var nodes: [Node]
    var edges: [Edge]
    /// `nodesep` and `ranksep` in whole points, as `dot` rounds them.
    var nodeSeparation: Double
    var rankSeparation: Double
    var pad: Double
    /// Arrowhead length and half-width factor (`arrowsize` × 10 points, × 0.35).
    var arrowLength: Double
}

extension LayeredGraph {
    init(_ plan: DiagramPlan) throws(Unsupported) {
        let graph = plan.graph
        guard graph.clusters.isEmpty, plan.clusters.isEmpty else { throw .clusters }
        guard !plan.nodes.isEmpty, graph.nodes.count == plan.nodes.count else { throw .empty }
        guard plan.nodes.count <= Self.largest else { throw .tooLarge }

        var settings: [String: String] = [:]
        for attribute in graph.graphAttributes {
            switch attribute.name {
            case "rankdir", "nodesep", "ranksep", "pad": settings[attribute.name] = attribute.value
            case "fontname", "fontsize", "outputorder": continue
            default: throw .attribute(attribute.name)
            }
        }
        for attribute in graph.nodeDefaults {
            switch (attribute.name, attribute.value) {
            case ("shape", "box"), ("fontname", _), ("fontsize", _), ("margin", _): continue
            default: throw .attribute("node " + attribute.name)
            }
        }
        var arrowsize = 1.0
        for attribute in graph.edgeDefaults {
            switch attribute.name {
            case "arrowsize": arrowsize = try Self.number(attribute)
            case "fontname", "fontsize": continue
            default: throw .attribute("edge " + attribute.name)
            }
        }

        direction = Diagram.Direction(rawValue: settings["rankdir"] ?? "TB") ?? .TB
        nodeSeparation = Self.points(Double(settings["nodesep"] ?? "0.25") ?? 0.25)
        rankSeparation = Self.points(Double(settings["ranksep"] ?? "0.5") ?? 0.5)
        pad = (Double(settings["pad"] ?? "0.0555") ?? 0.0555) * 72
        arrowLength = 10 * arrowsize

        var index: [String: Int] = [:]
        nodes = []
        for (position, node) in graph.nodes.enumerated() {
            index[node.name] = position
            var width = 0.0, height = 0.0, rounded = false
            for attribute in node.attributes {
                switch (attribute.name, attribute.value) {
                case ("id", _), ("label", _): continue
                case ("width", _): width = try Self.number(attribute)
                case ("height", _): height = try Self.number(attribute)
                case ("style", "rounded"): rounded = true
                case ("shape", "box"): continue
                default: throw .attribute("node " + attribute.name + "=" + attribute.value)
                }
            }
            nodes.append(Node(width: Self.points(width), height: Self.points(height), rounded: rounded,
                              lineCount: plan.nodes[position].lines.count))
        }

        edges = []
        for edge in graph.edges {
            guard let tail = index[edge.tail], let head = index[edge.head] else { throw .attribute("edge end") }
            var arrow = true, penwidth = 1.0
            for attribute in edge.attributes {
                switch (attribute.name, attribute.value) {
                case ("id", _): continue
                case ("dir", "none"): arrow = false
                case ("penwidth", _): penwidth = try Self.number(attribute)
                case ("label", _): throw .edgeLabels
                default: throw .attribute("edge " + attribute.name + "=" + attribute.value)
                }
            }
            edges.append(Edge(tail: tail, head: head, arrow: arrow, penwidth: penwidth))
        }
        guard Self.isForest(nodeCount: nodes.count, edges) else { throw .cycle }
    }

    /// Whether the edges, ignoring direction, form no cycle: no loop, no two edges between
    /// the same pair of nodes, no ring. Then every edge can span exactly one rank.
    static func isForest(nodeCount: Int, _ edges: [Edge]) -> Bool {
        var parent = Array(0..<nodeCount)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for edge in edges {
            let (a, b) = (root(edge.tail), root(edge.head))
            if a == b { return false }
            parent[a] = b
        }
        return true
    }

    /// Inches to whole points, rounding halves away from zero like Graphviz's `POINTS`.
    static func points(_ inches: Double) -> Double {
        Graphviz.round(inches * 72)
    }

    private static func number(_ attribute: LayoutGraph.Attribute) throws(Unsupported) -> Double {
        guard let value = Double(attribute.value), value.isFinite, value >= 0 else { throw .attribute(attribute.name) }
        return value
    }
}

/// Graphviz's own arithmetic, where the layout must round as it does.
enum Graphviz {
    /// `ROUND(f)`: to the nearest integer, halves away from zero.
    static func round(_ value: Double) -> Double {
        value >= 0 ? (value + 0.5).rounded(.towardZero) : (value - 0.5).rounded(.towardZero)
    }
}
