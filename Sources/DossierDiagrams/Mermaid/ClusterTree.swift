import DossierModel

/// The nesting of a diagram's clusters, recovered from their node lists.
///
/// ``DiagramCluster`` is flat: a nested subgraph's nodes are listed in it and in every
/// subgraph around it, and clusters come outer before inner (pre-order). A cluster with
/// nodes therefore sits inside the nearest earlier cluster whose nodes include all of its
/// own. An empty cluster cannot say; it is put first inside the cluster listed just before
/// it, the one place that keeps every cluster's position in the list whatever the nesting
/// was. A node belongs directly to the last (innermost) cluster that lists it.
struct ClusterTree {
    let clusters: [DiagramCluster]
    /// Index of each cluster's parent.
    let parent: [Int?]
    /// Each cluster's children, in order.
    let children: [[Int]]
    /// For each node id, the innermost cluster listing it.
    let owner: [String: Int]

    init(_ clusters: [DiagramCluster]) {
        self.clusters = clusters
        let sets = clusters.map { Set($0.nodes) }
        var parent: [Int?] = []
        for (index, set) in sets.enumerated() {
            if set.isEmpty {
                parent.append(index > 0 ? index - 1 : nil)
                continue
            }
            var found: Int?
            for candidate in stride(from: index - 1, through: 0, by: -1) where set.isSubset(of: sets[candidate]) {
                found = candidate
                break
            }
            parent.append(found)
        }
        self.parent = parent
        var children = Array(repeating: [Int](), count: clusters.count)
        for (index, up) in parent.enumerated() {
            if let up { children[up].append(index) }
        }
        self.children = children
        var owner: [String: Int] = [:]
        for (index, cluster) in clusters.enumerated() {
            for id in cluster.nodes { owner[id] = index }
        }
        self.owner = owner
    }

    /// Writes every cluster as a `subgraph` block: its own nodes by id (they are declared
    /// before), then the clusters inside it.
    func write(into out: inout String, names: inout MermaidWriter.Names) {
        for index in clusters.indices where parent[index] == nil {
            write(index, depth: 1, into: &out, names: &names)
        }
    }

    private func write(_ index: Int, depth: Int, into out: inout String, names: inout MermaidWriter.Names) {
        let indent = String(repeating: "    ", count: depth)
        let cluster = clusters[index]
        out += "\(indent)subgraph \(names.cluster(cluster.id))[\(MermaidText.quoted(cluster.label))]\n"
        for id in cluster.nodes where owner[id] == index {
            out += "\(indent)    \(names.node(id))\n"
        }
        for child in children[index] {
            write(child, depth: depth + 1, into: &out, names: &names)
        }
        out += "\(indent)end\n"
    }
}
