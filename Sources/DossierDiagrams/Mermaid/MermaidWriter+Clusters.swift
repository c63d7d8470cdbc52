import DossierModel

extension MermaidWriter {
    /// Writes every cluster as a `subgraph` block, nested as ``Diagram/clusterNesting``
    /// says: its own nodes by id (they are declared before), then the clusters inside it.
    /// Read back, each block lists its nodes and those of the blocks inside it, which is
    /// the flat list the diagram started from.
    static func writeClusters(of diagram: Diagram, into out: inout String, names: inout Names) {
        let nesting = diagram.clusterNesting
        for index in nesting.roots {
            writeCluster(index, of: diagram, nesting: nesting, depth: 1, into: &out, names: &names)
        }
    }

    private static func writeCluster(_ index: Int, of diagram: Diagram, nesting: Diagram.ClusterNesting, depth: Int,
                                     into out: inout String, names: inout Names) {
        let indent = String(repeating: "    ", count: depth)
        let cluster = diagram.clusters[index]
        out += "\(indent)subgraph \(names.cluster(cluster.id))[\(MermaidText.quoted(cluster.label))]\n"
        for id in nesting.ownNodes[index] {
            out += "\(indent)    \(names.node(id))\n"
        }
        for child in nesting.children[index] {
            writeCluster(child, of: diagram, nesting: nesting, depth: depth + 1, into: &out, names: &names)
        }
        out += "\(indent)end\n"
    }
}
