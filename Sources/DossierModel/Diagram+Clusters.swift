extension Diagram {
    /// How a diagram's clusters nest, recovered from their flat node lists.
    ///
    /// ``DiagramCluster`` has no parent: a nested subgraph's nodes are listed in it and in
    /// every subgraph around it, and clusters come outer before inner. Every reader of
    /// ``Diagram/clusters`` that draws boxes (the Mermaid writer, the Graphviz layout) needs
    /// the nesting back, and needs the same answer, so the rule lives here:
    ///
    /// - a node belongs directly to the last cluster that lists it (the innermost);
    /// - a cluster with nodes sits inside the nearest earlier cluster whose nodes include
    ///   all of its own;
    /// - an empty cluster cannot say, so it goes first inside the cluster listed just before
    ///   it, the one place that keeps every cluster's position in the list whatever the
    ///   nesting was.
    ///
    /// Clusters are named by their index in ``Diagram/clusters`` (ids are not guaranteed to
    /// be unique in a hand-built diagram). A parent always comes before its children in that
    /// list, so walking the indices in order meets every parent first.
    public struct ClusterNesting: Hashable, Sendable {
        /// For each cluster, the cluster it sits directly inside; `nil` at the top level.
        public let parents: [Int?]
        /// For each cluster, the clusters directly inside it, in list order.
        public let children: [[Int]]
        /// The clusters at the top level, in list order.
        public let roots: [Int]
        /// For each cluster, the node ids it holds itself rather than through a cluster
        /// inside it, in listed order, each once.
        public let ownNodes: [[String]]
        /// For each node id listed anywhere, the innermost cluster listing it.
        private let owners: [String: Int]

        public init(_ clusters: [DiagramCluster]) {
            let sets = clusters.map { Set($0.nodes) }
            var parents: [Int?] = []
            for (index, set) in sets.enumerated() {
                if set.isEmpty {
                    parents.append(index > 0 ? index - 1 : nil)
                } else {
                    parents.append(stride(from: index - 1, through: 0, by: -1).first { set.isSubset(of: sets[$0]) })
                }
            }
            var children = Array(repeating: [Int](), count: clusters.count)
            var roots: [Int] = []
            for (index, parent) in parents.enumerated() {
                if let parent { children[parent].append(index) } else { roots.append(index) }
            }
            var owners: [String: Int] = [:]
            for (index, cluster) in clusters.enumerated() {
                for id in cluster.nodes { owners[id] = index }
            }
            self.ownNodes = clusters.enumerated().map { index, cluster in
                var seen: Set<String> = []
                return cluster.nodes.filter { owners[$0] == index && seen.insert($0).inserted }
            }
            self.parents = parents
            self.children = children
            self.roots = roots
            self.owners = owners
        }

        /// The index of the innermost cluster listing node `id`, the one whose box the node
        /// is drawn in; `nil` when no cluster lists it.
        public func innermostCluster(ofNode id: String) -> Int? {
            owners[id]
        }
    }

    /// How ``clusters`` nest; see ``ClusterNesting`` for the rule.
    public var clusterNesting: ClusterNesting {
        ClusterNesting(clusters)
    }
}
