/// What Graphviz is given for one diagram: object names and attribute values, nothing else.
///
/// Kept apart from the `Diagram` so that everything Graphviz sees is one plain value: it is
/// the cache key (two diagrams that give Graphviz the same input share one layout, whatever
/// their colours, links or ids) and the only thing the C wrapper has to translate.
struct LayoutGraph: Hashable, Sendable {
    struct Attribute: Hashable, Sendable {
        var name: String
        var value: String

        init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    struct Node: Hashable, Sendable {
        var name: String
        var attributes: [Attribute]
    }

    struct Edge: Hashable, Sendable {
        var tail: String
        var head: String
        var attributes: [Attribute]
    }

    /// A `cluster_…` subgraph: Graphviz draws a box around its nodes and the clusters
    /// inside it.
    struct Cluster: Hashable, Sendable {
        var name: String
        /// The cluster this one is a subgraph of; it comes earlier in `clusters`.
        var parent: String?
        var attributes: [Attribute]
        /// Nodes directly in this cluster, none of them in another cluster.
        var nodes: [String]
    }

    var graphAttributes: [Attribute]
    /// Defaults declared once for every node (`node [...]` in DOT).
    var nodeDefaults: [Attribute]
    /// Defaults declared once for every edge (`edge [...]` in DOT).
    var edgeDefaults: [Attribute]
    var nodes: [Node]
    var edges: [Edge]
    var clusters: [Cluster]
}

extension LayoutGraph {
    /// A DOT-like text with every value quoted and escaped, so different graphs never share
    /// a key and the same graph always has the same key, in any process.
    ///
    /// Backslashes and quotes are both escaped (which real DOT does not do), so this is a key
    /// and a debugging aid, not input for `dot`.
    var cacheKey: String {
        var text = "digraph {\n"
        func line(_ head: String, _ attributes: [Attribute]) {
            text += head
            if !attributes.isEmpty {
                text += " [" + attributes.map { "\($0.name)=\(quoted($0.value))" }.joined(separator: ", ") + "]"
            }
            text += ";\n"
        }
        line("graph", graphAttributes)
        line("node", nodeDefaults)
        line("edge", edgeDefaults)
        for node in nodes { line(quoted(node.name), node.attributes) }
        func subgraph(_ cluster: Cluster, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            text += indent
            line("subgraph \(quoted(cluster.name)) {", cluster.attributes)
            for node in cluster.nodes { text += "\(indent)  \(quoted(node));\n" }
            for inner in clusters where inner.parent == cluster.name { subgraph(inner, depth: depth + 1) }
            text += indent + "}\n"
        }
        for cluster in clusters where cluster.parent == nil { subgraph(cluster, depth: 0) }
        for edge in edges { line("\(quoted(edge.tail)) -> \(quoted(edge.head))", edge.attributes) }
        return text + "}\n"
    }

    private func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
