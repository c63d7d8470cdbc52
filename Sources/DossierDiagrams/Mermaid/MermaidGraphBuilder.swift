import DossierCore
import DossierModel

/// What a Mermaid flowchart declares, gathered statement by statement and assembled into a
/// ``Diagram`` at the end (styles and subgraph membership depend on the whole text).
struct MermaidGraphBuilder {
    struct Cluster {
        var id: String
        var label: String
        var parent: Int?
        var offset: Int
        /// Every node mentioned between `subgraph` and `end`, nested subgraphs included.
        var mentions: [String] = []
        var mentioned: Set<String> = []
    }

    enum LinkTargets {
        case all
        case indices([(number: Int, offset: Int)])
    }

    private(set) var nodes: [DiagramNode] = []
    private var nodeIndex: [String: Int] = [:]
    private(set) var edges: [DiagramEdge] = []
    /// For each Mermaid link number (what `linkStyle` counts), the edge it became; `nil`
    /// for invisible links (`~~~`), which are not drawn.
    private var linkSlots: [Int?] = []
    private(set) var clusters: [Cluster] = []
    private(set) var open: [Int] = []
    /// The subgraph a node was claimed by: the first to close among those that mention it,
    /// as in Mermaid, so an inner subgraph keeps its nodes.
    private var owner: [String: Int] = [:]
    private var classDefs: [String: [MermaidStyleProperty]] = [:]
    private var nodeClasses: [String: [String]] = [:]
    private var nodeStyles: [String: [MermaidStyleProperty]] = [:]
    private var linkStyles: [(targets: LinkTargets, properties: [MermaidStyleProperty])] = []
    private var clusterIDs: Set<String> = []

    // MARK: Nodes and edges

    /// Mentions a node, declaring it on first sight; a later declaration with a label or
    /// shape replaces the earlier one (as in Mermaid).
    mutating func vertex(_ id: String, label: String? = nil, shape: DiagramNode.Shape? = nil) {
        if let index = nodeIndex[id] {
            if let label { nodes[index].label = label }
            if let shape { nodes[index].shape = shape }
        } else {
            nodeIndex[id] = nodes.count
            nodes.append(DiagramNode(id: id, label: label ?? id, shape: shape ?? .box))
        }
        for cluster in open where clusters[cluster].mentioned.insert(id).inserted {
            clusters[cluster].mentions.append(id)
        }
    }

    func hasNode(_ id: String) -> Bool { nodeIndex[id] != nil }

    mutating func link(from: String, to: String, token: MermaidLinkToken) {
        if token.invisible {
            linkSlots.append(nil)
            return
        }
        linkSlots.append(edges.count)
        edges.append(DiagramEdge(from: from, to: to, label: token.label, style: token.style, arrow: token.arrow))
    }

    // MARK: Subgraphs

    mutating func openCluster(id: String?, label: String, offset: Int) {
        let base = id ?? Slug.make(label, fallback: "subgraph").replacing("-", with: "_")
        var unique = base
        var n = 2
        while !clusterIDs.insert(unique).inserted {
            unique = "\(base)_\(n)"
            n += 1
        }
        clusters.append(Cluster(id: unique, label: label, parent: open.last, offset: offset))
        open.append(clusters.count - 1)
    }

    /// Closes the innermost subgraph; `false` when none is open.
    mutating func closeCluster() -> Bool {
        guard let index = open.popLast() else { return false }
        for id in clusters[index].mentions where owner[id] == nil { owner[id] = index }
        return true
    }

    // MARK: Styles

    mutating func defineClass(_ name: String, _ properties: [MermaidStyleProperty]) {
        classDefs[name, default: []] += properties
    }

    mutating func assignClass(_ name: String, to id: String) {
        nodeClasses[id, default: []].append(name)
    }

    mutating func style(_ id: String, _ properties: [MermaidStyleProperty]) {
        nodeStyles[id, default: []] += properties
    }

    mutating func styleLinks(_ targets: LinkTargets, _ properties: [MermaidStyleProperty]) {
        linkStyles.append((targets, properties))
    }

    // MARK: Assembly

    /// The finished graph; `report` receives positioned problems found only now
    /// (`linkStyle` numbers past the last link, ids used for both a node and a subgraph).
    func diagram(direction: Diagram.Direction, source: SourceRef,
                 report: (Severity, String, String, Int) -> Void) -> Diagram {
        var nodes = self.nodes
        for index in nodes.indices {
            let id = nodes[index].id
            nodes[index].future = ArrowGraphBuilder.isFuture(nodes[index].label)
            var properties = classDefs["default"] ?? []
            for name in nodeClasses[id] ?? [] { properties += classDefs[name] ?? [] }
            properties += nodeStyles[id] ?? []
            if !properties.isEmpty {
                var style = DiagramStyle()
                MermaidStyleProperty.apply(properties, to: &style)
                if style != DiagramStyle() { nodes[index].style = style }
            }
        }
        var edges = self.edges
        for (targets, properties) in linkStyles {
            guard let color = properties.last(where: { $0.key == "stroke" })?.value else { continue }
            switch targets {
            case .all:
                for index in edges.indices { edges[index].color = color }
            case .indices(let numbers):
                for (number, offset) in numbers {
                    if number < linkSlots.count {
                        if let edge = linkSlots[number] { edges[edge].color = color }
                    } else {
                        report(.warning, "diagram.mermaid-link-style",
                               "linkStyle \(number) names no link: the flowchart has \(linkSlots.count) (numbered from 0); mermaid.js stops drawing here",
                               offset)
                    }
                }
            }
        }
        var result: [DiagramCluster] = []
        for (index, cluster) in clusters.enumerated() {
            if nodeIndex[cluster.id] != nil {
                report(.note, "diagram.mermaid-ignored",
                       "'\(cluster.id)' names both a node and a subgraph: links to it are drawn to a node", cluster.offset)
            }
            // Members in the diagram's node order, so the list does not depend on where in
            // the subgraph a node happened to be mentioned first.
            let members = cluster.mentions.filter { id in
                guard var home = owner[id] else { return false }
                while home != index {
                    guard let up = clusters[home].parent else { return false }
                    home = up
                }
                return true
            }
            let ordered = members.sorted { (nodeIndex[$0] ?? 0) < (nodeIndex[$1] ?? 0) }
            result.append(DiagramCluster(id: cluster.id, label: cluster.label, nodes: ordered))
        }
        return Diagram(kind: .mermaid, direction: direction, nodes: nodes, edges: edges, clusters: result, source: source)
    }
}
