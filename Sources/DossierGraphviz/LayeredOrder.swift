/// Ranks and the order of nodes within each rank, as `dot`'s first two phases leave them for
/// a forest.
///
/// In a forest every edge can span exactly one rank, so ranking is a walk from any node of
/// each connected part (numbered from 0 at the top, part by part, as dot normalises each
/// component). The order is dot's initial one (`build_ranks`): parts in the order of their
/// first node, each part's nodes installed breadth-first from its first source, following
/// out-edges before in-edges, and each rank reversed when ranks run across (LR, RL). dot
/// keeps that order when it has no crossings, which a breadth-first forest almost always
/// has; when it has one, dot starts reordering, and the diagram goes to Graphviz instead.
struct LayeredOrder {
    /// Rank of each node.
    var rank: [Int]
    /// Nodes of each rank, in dot's internal left-to-right order.
    var ranks: [[Int]]
    /// Every node, part by part, each part in depth-first order: dot's node list
    /// (`GD_nlist`), whose order decides ties in the placement.
    var nodeList: [Int]
    /// Each node's edges, as dot's fast graph lists them: out-edges by edge number, in-edges
    /// by tail node then edge number.
    var outEdges: [[Int]]
    var inEdges: [[Int]]
}

extension LayeredOrder {
    init(_ graph: LayeredGraph) throws(LayeredGraph.Unsupported) {
        let count = graph.nodes.count
        var outEdges = Array(repeating: [Int](), count: count)
        var inEdges = outEdges
        for (index, edge) in graph.edges.enumerated() { outEdges[edge.tail].append(index) }
        for node in 0..<count {
            for edge in outEdges[node] { inEdges[graph.edges[edge].head].append(edge) }
        }

        // Parts, each depth-first from its first node: out-edges, then in-edges (`decompose`).
        var seen = Array(repeating: false, count: count)
        var parts: [[Int]] = []
        for start in 0..<count where !seen[start] {
            var part: [Int] = []
            var stack = [start]
            while let node = stack.popLast() {
                if seen[node] { continue }
                seen[node] = true
                part.append(node)
                let neighbours = outEdges[node].map { graph.edges[$0].head } + inEdges[node].map { graph.edges[$0].tail }
                stack += neighbours.reversed().filter { !seen[$0] }
            }
            parts.append(part)
        }

        // Ranks: one per edge, each part starting at 0.
        var rank = Array(repeating: 0, count: count)
        for part in parts {
            var placed: Set<Int> = [part[0]]
            var queue = [part[0]], next = 0
            while next < queue.count {
                let node = queue[next]
                next += 1
                for edge in outEdges[node] where placed.insert(graph.edges[edge].head).inserted {
                    rank[graph.edges[edge].head] = rank[node] + 1
                    queue.append(graph.edges[edge].head)
                }
                for edge in inEdges[node] where placed.insert(graph.edges[edge].tail).inserted {
                    rank[graph.edges[edge].tail] = rank[node] - 1
                    queue.append(graph.edges[edge].tail)
                }
            }
            let lowest = part.map { rank[$0] }.min() ?? 0
            for node in part { rank[node] -= lowest }
        }

        // Order: breadth-first from each part's first source (`build_ranks`, pass 0).
        let across = graph.direction == .LR || graph.direction == .RL
        var ranks = Array(repeating: [Int](), count: (rank.max() ?? 0) + 1)
        for part in parts {
            var slices = Array(repeating: [Int](), count: ranks.count)
            var marked = Set<Int>()
            for source in part where inEdges[source].isEmpty && !marked.contains(source) {
                marked.insert(source)
                var queue = [source], next = 0
                while next < queue.count {
                    let node = queue[next]
                    next += 1
                    slices[rank[node]].append(node)
                    let neighbours = outEdges[node].map { graph.edges[$0].head } + inEdges[node].map { graph.edges[$0].tail }
                    for neighbour in neighbours where marked.insert(neighbour).inserted { queue.append(neighbour) }
                }
            }
            for index in slices.indices {
                ranks[index] += across ? slices[index].reversed() : slices[index]
            }
        }
        self.rank = rank
        self.ranks = ranks
        self.nodeList = parts.flatMap { $0 }
        self.outEdges = outEdges
        self.inEdges = inEdges
        if crossings(graph) > 0 { throw .crossings }
    }

    /// Pairs of edges that cross between adjacent ranks in the current order.
    func crossings(_ graph: LayeredGraph) -> Int {
        var position = Array(repeating: 0, count: rank.count)
        for nodes in ranks { for (index, node) in nodes.enumerated() { position[node] = index } }
        var byRank = Array(repeating: [(Int, Int)](), count: ranks.count)
        for edge in graph.edges {
            byRank[rank[edge.tail]].append((position[edge.tail], position[edge.head]))
        }
        var count = 0
        for pairs in byRank {
            for (i, a) in pairs.enumerated() {
                for b in pairs[(i + 1)...] where (a.0 - b.0) * (a.1 - b.1) < 0 { count += 1 }
            }
        }
        return count
    }
}
