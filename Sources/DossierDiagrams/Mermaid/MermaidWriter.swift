import DossierModel

/// Writes any ``Diagram`` as Mermaid flowchart text that draws the same graph, so a page
/// or an export can hand it to GitHub or mermaid.js.
///
/// Every node is declared first, in order, with its shape and a quoted, escaped label
/// (``MermaidText``); subgraphs then list their members (Mermaid moves a declared node into
/// the subgraph that names it), nested as the clusters nest; edges follow in order, so
/// `linkStyle N` numbers match ``Diagram/edges``; styles come last. Ids that Mermaid could
/// misread (`end`, `a-b`, non-ASCII) are rewritten; labels carry what is shown.
public enum MermaidWriter {
    public static func write(_ diagram: Diagram) -> String {
        var names = Names(diagram)
        var out = "flowchart \(diagram.direction.rawValue)\n"
        for node in diagram.nodes {
            let (open, close) = delimiters(node.shape)
            out += "    \(names.node(node.id))\(open)\(MermaidText.quoted(node.label))\(close)\n"
        }
        writeClusters(of: diagram, into: &out, names: &names)
        for edge in diagram.edges {
            var line = "    \(names.node(edge.from)) \(link(edge))"
            if let label = edge.label { line += "|\(MermaidText.quoted(label))|" }
            out += line + " \(names.node(edge.to))\n"
        }
        for node in diagram.nodes {
            if let style = node.style, let text = styleText(style) { out += "    style \(names.node(node.id)) \(text)\n" }
        }
        for (index, edge) in diagram.edges.enumerated() {
            if let color = edge.color { out += "    linkStyle \(index) stroke:\(cleanValue(color))\n" }
        }
        return out
    }

    static func delimiters(_ shape: DiagramNode.Shape) -> (String, String) {
        switch shape {
        case .box: ("[", "]")
        case .rounded: ("(", ")")
        case .stadium: ("([", "])")
        case .subroutine: ("[[", "]]")
        case .cylinder: ("[(", ")]")
        case .circle: ("((", "))")
        case .asymmetric: (">", "]")
        case .rhombus: ("{", "}")
        case .hexagon: ("{{", "}}")
        }
    }

    static func link(_ edge: DiagramEdge) -> String {
        switch (edge.style, edge.arrow) {
        case (.solid, true): "-->"
        case (.solid, false): "---"
        case (.dotted, true): "-.->"
        case (.dotted, false): "-.-"
        case (.thick, true): "==>"
        case (.thick, false): "==="
        }
    }

    static func styleText(_ style: DiagramStyle) -> String? {
        var parts: [String] = []
        if let fill = style.fill { parts.append("fill:\(cleanValue(fill))") }
        if let stroke = style.stroke { parts.append("stroke:\(cleanValue(stroke))") }
        if let width = style.strokeWidth { parts.append("stroke-width:\(cleanValue(width))") }
        if let color = style.color { parts.append("color:\(cleanValue(color))") }
        if let dashed = style.dashed { parts.append(dashed ? "stroke-dasharray:5 5" : "stroke-dasharray:0") }
        return parts.isEmpty ? nil : parts.joined(separator: ",")
    }

    /// A style value without the characters that end a Mermaid style list or statement.
    static func cleanValue(_ value: String) -> String {
        String(value.filter { $0 != "," && $0 != ";" && $0 != "\n" && $0 != "\r" })
    }

    /// The ids written for nodes and clusters: the diagram's own where Mermaid reads them
    /// back unchanged (``MermaidIdentifier/isSafe(_:)``), a sanitized unique spelling
    /// otherwise.
    struct Names {
        private var nodes: [String: String] = [:]
        private var clusters: [String: String] = [:]
        private var used: Set<String> = []

        init(_ diagram: Diagram) {
            let nodeIDs = diagram.nodes.map(\.id) + diagram.edges.flatMap { [$0.from, $0.to] }
                + diagram.clusters.flatMap(\.nodes)
            for id in nodeIDs where nodes[id] == nil && MermaidIdentifier.isSafe(id) && used.insert(id).inserted {
                nodes[id] = id
            }
            for id in nodeIDs where nodes[id] == nil { nodes[id] = fresh(MermaidIdentifier.sanitized(id)) }
            for cluster in diagram.clusters where clusters[cluster.id] == nil {
                clusters[cluster.id] = MermaidIdentifier.isSafe(cluster.id) && used.insert(cluster.id).inserted
                    ? cluster.id : fresh(MermaidIdentifier.sanitized(cluster.id))
            }
        }

        mutating func node(_ id: String) -> String {
            if let name = nodes[id] { return name }
            let name = fresh(MermaidIdentifier.sanitized(id))
            nodes[id] = name
            return name
        }

        func cluster(_ id: String) -> String { clusters[id] ?? id }

        private mutating func fresh(_ base: String) -> String {
            if used.insert(base).inserted { return base }
            var n = 2
            while !used.insert("\(base)_\(n)").inserted { n += 1 }
            return "\(base)_\(n)"
        }
    }
}
