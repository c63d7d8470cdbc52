/// The text of a diagram's `<desc>`: its nodes in order, then its connections, so a screen
/// reader user gets what the picture shows.
///
/// "Nodes: Frontend, CloudFront, API Gateway. Connections: Frontend to CloudFront;
/// CloudFront to API Gateway."
struct DiagramDescription {
    var plan: DiagramPlan

    var text: String {
        let labels = plan.nodes.map { node -> String in
            let label = node.lines.joined(separator: " ")
            let name = label.isEmpty ? node.source.id : label
            return node.source.future && !name.lowercased().contains("future") ? name + " (future)" : name
        }
        var text = "Nodes: " + labels.joined(separator: ", ") + "."
        let index = Dictionary(plan.nodes.enumerated().map { ($1.source.id, $0) }, uniquingKeysWith: { first, _ in first })
        let connections = plan.edges.compactMap { edge -> String? in
            guard let from = index[edge.source.from], let to = index[edge.source.to] else { return nil }
            var connection = "\(labels[from]) to \(labels[to])"
            if !edge.lines.isEmpty { connection += " (\(edge.lines.joined(separator: " ")))" }
            return connection
        }
        if !connections.isEmpty { text += " Connections: " + connections.joined(separator: "; ") + "." }
        for cluster in plan.clusters where !cluster.lines.isEmpty {
            let members = cluster.source.nodes.compactMap { index[$0] }.map { labels[$0] }
            text += " Group \(cluster.lines.joined(separator: " "))"
            text += members.isEmpty ? " (empty)." : ": " + members.joined(separator: ", ") + "."
        }
        return text
    }
}
