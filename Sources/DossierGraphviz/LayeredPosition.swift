/// Where each node's centre goes, in dot's internal frame: ranks run down the y axis (rank 0
/// at the top, y growing upwards as in Graphviz), nodes of a rank along x. `LayeredLayout`
/// turns the frame for LR, BT and RL as dot does.
///
/// x comes from dot's auxiliary graph (`position.c`): a constraint edge between neighbours
/// of a rank (at least half of each plus `nodesep` apart) and, for every edge, a slack node
/// pulling its two ends together, solved by `NetworkSimplex`. y puts each rank half its
/// tallest node below the previous one's half, plus `ranksep`.
struct LayeredPosition {
    /// Half a node's extent across the ranks (dot's `lw`/`rw`) and along them (`ht` / 2).
    var halfWidth: [Double]
    var halfHeight: [Double]
    var x: [Double]
    var y: [Double]
    /// Half the tallest node of each rank: a rank spans `y ± rankHalfHeight`.
    var rankHalfHeight: [Double]
    /// The drawing's box in the internal frame.
    var minX: Double, maxX: Double, minY: Double, maxY: Double
}

extension LayeredPosition {
    init?(_ graph: LayeredGraph, _ order: LayeredOrder) {
        let across = graph.direction == .LR || graph.direction == .RL
        let halfWidth = graph.nodes.map { (across ? $0.height : $0.width) / 2 }
        let halfHeight = graph.nodes.map { (across ? $0.width : $0.height) / 2 }
        self.halfWidth = halfWidth
        self.halfHeight = halfHeight
        let count = graph.nodes.count

        // Neighbours in a rank: initial positions as dot sums them (stored in an int, so
        // truncated), constraint lengths rounded.
        var edges: [NetworkSimplex.Edge] = []
        var initial = Array(repeating: 0, count: count)
        for nodes in order.ranks {
            var last = 0.0
            for (left, right) in zip(nodes, nodes.dropFirst()) {
                let width = halfWidth[left] + halfWidth[right] + graph.nodeSeparation
                edges.append(.init(tail: left, head: right, minlen: Int(Graphviz.round(width)), weight: 0))
                initial[right] = Int(last + width)
                last = Double(initial[right])
            }
        }
        // One slack node per edge, made in node-list order (dot puts each new node first in
        // its list); weight 2 when both ends have no other edge, as dot's `virtual_weight`.
        var degree = Array(repeating: 0, count: count)
        for edge in graph.edges {
            degree[edge.tail] += 1
            degree[edge.head] += 1
        }
        var slackNodes: [Int] = []
        for node in order.nodeList {
            for index in order.outEdges[node] {
                let edge = graph.edges[index]
                let slack = count + slackNodes.count
                slackNodes.append(slack)
                let weight = degree[edge.tail] <= 1 && degree[edge.head] <= 1 ? 2 : 1
                edges.append(.init(tail: slack, head: edge.tail, minlen: 1, weight: weight))
                edges.append(.init(tail: slack, head: edge.head, minlen: 1, weight: weight))
                initial.append(min(initial[edge.tail] - 1, initial[edge.head] - 1))
            }
        }
        var simplex = NetworkSimplex(rank: initial, edges: edges, nodeList: slackNodes.reversed() + order.nodeList)
        guard simplex.solve() else { return nil }
        let x = simplex.rank.prefix(count).map(Double.init)
        self.x = x

        // Ranks from the bottom up, each its tallest half plus the next one's plus ranksep.
        let rankHalfHeight = order.ranks.map { nodes in nodes.map { halfHeight[$0] }.max() ?? 0 }
        self.rankHalfHeight = rankHalfHeight
        var rankY = Array(repeating: 0.0, count: order.ranks.count)
        if let last = rankY.indices.last {
            rankY[last] = rankHalfHeight[last]
            for rank in stride(from: last - 1, through: 0, by: -1) {
                rankY[rank] = rankY[rank + 1] + rankHalfHeight[rank + 1] + rankHalfHeight[rank] + graph.rankSeparation
            }
        }
        y = order.rank.map { rankY[$0] }

        minX = .infinity
        maxX = -.infinity
        for nodes in order.ranks {
            guard let first = nodes.first, let last = nodes.last else { continue }
            minX = Swift.min(minX, x[first] - halfWidth[first])
            maxX = Swift.max(maxX, x[last] + halfWidth[last])
        }
        minY = (rankY.last ?? 0) - (rankHalfHeight.last ?? 0)
        maxY = (rankY.first ?? 0) + (rankHalfHeight.first ?? 0)
    }
}
