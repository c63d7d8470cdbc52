/// Network simplex over integer "ranks" (Gansner, Koutsofios, North and Vo, *A Technique for
/// Drawing Directed Graphs*, 1993): minimises Σ weight × (rank(head) − rank(tail)) subject
/// to rank(head) − rank(tail) ≥ minlen for every edge.
///
/// dot uses it to place nodes across each rank (on an auxiliary graph, `LayeredPosition`).
/// Such problems have many optimal solutions, and which one dot picks is decided by the
/// order it visits nodes and edges in: the initial tight tree grown from subtrees merged
/// smallest first, the cyclic search for a leaving edge (30 at a time), the depth-first
/// search for an entering one, and the final left-right balancing that centres what can
/// slide. This follows Graphviz 2.43's `lib/common/ns.c` step for step, so the same input
/// gives the same ranks. Everything is local to one value: no shared state.
struct NetworkSimplex {
    struct Edge {
        var tail: Int
        var head: Int
        var minlen: Int
        var weight: Int
    }

    private(set) var rank: [Int]
    private let edges: [Edge]
    /// dot's node list: its order breaks ties.
    private let nodeList: [Int]
    private let outEdges: [[Int]]
    private let inEdges: [[Int]]

    private var treeIndex: [Int]
    private var cutvalue: [Int]
    private var treeEdges: [Int] = []
    private var treeOut: [[Int]]
    private var treeIn: [[Int]]
    private var parent: [Int]
    private var low: [Int]
    private var lim: [Int]
    private var searchStart = 0
    private let searchSize = 30

    /// `rank` holds the initial ranks (they are kept if every edge is long enough); nodes are
    /// `0..<rank.count`, `nodeList` lists each once; edges are listed per node in the order
    /// given.
    init(rank: [Int], edges: [Edge], nodeList: [Int]) {
        self.rank = rank
        self.edges = edges
        self.nodeList = nodeList
        var outEdges = Array(repeating: [Int](), count: rank.count)
        var inEdges = outEdges
        for (index, edge) in edges.enumerated() {
            outEdges[edge.tail].append(index)
            inEdges[edge.head].append(index)
        }
        self.outEdges = outEdges
        self.inEdges = inEdges
        treeIndex = Array(repeating: -1, count: edges.count)
        cutvalue = Array(repeating: 0, count: edges.count)
        treeOut = Array(repeating: [], count: rank.count)
        treeIn = treeOut
        parent = Array(repeating: -1, count: rank.count)
        low = Array(repeating: 0, count: rank.count)
        lim = Array(repeating: 0, count: rank.count)
    }

    /// Solves, then balances left and right (dot's `rank2(g, 2, …)`). `false` when the graph
    /// is not connected or the iterations run away, which the callers' graphs never are.
    mutating func solve(maxIterations: Int = 100_000) -> Bool {
        if !isFeasible { initialRanks() }
        guard feasibleTree() else { return false }
        var iterations = 0
        while let leaving = leaveEdge() {
            guard let entering = enterEdge(leaving), iterations < maxIterations else { return false }
            update(leaving, entering)
            iterations += 1
        }
        balanceLeftRight()
        return true
    }

    private func slack(_ edge: Int) -> Int {
        rank[edges[edge].head] - rank[edges[edge].tail] - edges[edge].minlen
    }

    private func isTreeEdge(_ edge: Int) -> Bool { treeIndex[edge] >= 0 }

    // MARK: Initial ranks

    private var isFeasible: Bool {
        nodeList.allSatisfy { node in inEdges[node].allSatisfy { slack($0) >= 0 } }
    }

    /// Longest paths from the sources, in dot's queue order (`init_rank`).
    private mutating func initialRanks() {
        var waiting = inEdges.map(\.count)
        var queue = nodeList.filter { waiting[$0] == 0 }, next = 0
        while next < queue.count {
            let node = queue[next]
            next += 1
            rank[node] = 0
            for edge in inEdges[node] { rank[node] = max(rank[node], rank[edges[edge].tail] + edges[edge].minlen) }
            for edge in outEdges[node] {
                waiting[edges[edge].head] -= 1
                if waiting[edges[edge].head] <= 0 { queue.append(edges[edge].head) }
            }
        }
    }

    // MARK: The tight spanning tree

    private struct Subtree {
        var representative: Int
        var size: Int
        var heapIndex: Int
        var parent: Int
    }

    private mutating func addTreeEdge(_ edge: Int) {
        treeIndex[edge] = treeEdges.count
        treeEdges.append(edge)
        treeOut[edges[edge].tail].append(edge)
        treeIn[edges[edge].head].append(edge)
    }

    /// Grows tight subtrees from every node, then merges them smallest first through their
    /// tightest connecting edge, shifting the smaller side to make it tight (`feasible_tree`).
    private mutating func feasibleTree() -> Bool {
        var owner = Array(repeating: -1, count: rank.count)
        var trees: [Subtree] = []
        for node in nodeList where owner[node] < 0 {
            trees.append(Subtree(representative: node, size: 0, heapIndex: -1, parent: trees.count))
            trees[trees.count - 1].size = tightSubtree(from: node, tree: trees.count - 1, owner: &owner)
        }

        func find(_ node: Int) -> Int {
            var tree = owner[node]
            while trees[tree].parent != tree {
                trees[tree].parent = trees[trees[tree].parent].parent
                tree = trees[tree].parent
            }
            return tree
        }

        var heap = Array(trees.indices)
        for (index, tree) in heap.enumerated() { trees[tree].heapIndex = index }
        var heapSize = heap.count
        func heapify(_ start: Int) {
            var index = start
            while index < heapSize {
                let left = 2 * index + 1, right = 2 * index + 2
                var smallest = left < heapSize && trees[heap[left]].size < trees[heap[index]].size ? left : index
                if right < heapSize && trees[heap[right]].size < trees[heap[smallest]].size { smallest = right }
                guard smallest != index else { break }
                heap.swapAt(index, smallest)
                trees[heap[index]].heapIndex = index
                trees[heap[smallest]].heapIndex = smallest
                index = smallest
            }
        }
        for index in stride(from: heapSize / 2, through: 0, by: -1) { heapify(index) }

        while heapSize > 1 {
            let smallest = heap[0]
            trees[smallest].heapIndex = -1
            heap[0] = heap[heapSize - 1]
            trees[heap[0]].heapIndex = 0
            heap[heapSize - 1] = smallest
            heapSize -= 1
            heapify(0)

            guard let edge = tightestEdge(from: trees[smallest].representative, coming: -1, best: nil, find: find) else {
                return false
            }
            let (tail, head) = (find(edges[edge].tail), find(edges[edge].head))
            if trees[tail].heapIndex == -1 {
                shift(trees[tail].representative, from: -1, by: slack(edge))
            } else {
                shift(trees[head].representative, from: -1, by: -slack(edge))
            }
            addTreeEdge(edge)
            // Union: the root still in the heap, else the larger (ties: the head's).
            var (r0, r1) = (tail, head)
            while trees[r0].parent != r0 { r0 = trees[r0].parent }
            while trees[r1].parent != r1 { r1 = trees[r1].parent }
            let root = trees[r1].heapIndex == -1 ? r0
                : trees[r0].heapIndex == -1 ? r1
                : trees[r1].size < trees[r0].size ? r0 : r1
            trees[r0].parent = root
            trees[r1].parent = root
            trees[root].size = trees[r0].size + trees[r1].size
            heapify(trees[root].heapIndex)
        }
        guard let root = nodeList.first else { return true }
        _ = setRanges(root, parent: -1, low: 1)
        setCutvalues(root, parent: -1)
        return true
    }

    /// Adds every tight edge reachable from `node` (in-edges first) to `tree`.
    private mutating func tightSubtree(from node: Int, tree: Int, owner: inout [Int]) -> Int {
        owner[node] = tree
        var size = 1
        for edge in inEdges[node] where !isTreeEdge(edge) {
            if owner[edges[edge].tail] < 0 && slack(edge) == 0 {
                addTreeEdge(edge)
                size += tightSubtree(from: edges[edge].tail, tree: tree, owner: &owner)
            }
        }
        for edge in outEdges[node] where !isTreeEdge(edge) {
            if owner[edges[edge].head] < 0 && slack(edge) == 0 {
                addTreeEdge(edge)
                size += tightSubtree(from: edges[edge].head, tree: tree, owner: &owner)
            }
        }
        return size
    }

    /// The non-tree edge of least slack leaving the tree that holds `node` (`inter_tree_edge`).
    private func tightestEdge(from node: Int, coming: Int, best: Int?, find: (Int) -> Int) -> Int? {
        var best = best
        let own = find(node)
        if let found = best, slack(found) == 0 { return found }
        for edge in outEdges[node] {
            if isTreeEdge(edge) {
                if edges[edge].head == coming { continue }
                best = tightestEdge(from: edges[edge].head, coming: node, best: best, find: find)
            } else if find(edges[edge].head) != own, best.map({ slack(edge) < slack($0) }) ?? true {
                best = edge
            }
        }
        for edge in inEdges[node] {
            if isTreeEdge(edge) {
                if edges[edge].tail == coming { continue }
                best = tightestEdge(from: edges[edge].tail, coming: node, best: best, find: find)
            } else if find(edges[edge].tail) != own, best.map({ slack(edge) < slack($0) }) ?? true {
                best = edge
            }
        }
        return best
    }

    /// Moves every node of the tree holding `node` by `delta` (`tree_adjust`).
    private mutating func shift(_ node: Int, from: Int, by delta: Int) {
        guard delta != 0 else { return }
        rank[node] += delta
        for edge in treeIn[node] where edges[edge].tail != from { shift(edges[edge].tail, from: node, by: delta) }
        for edge in treeOut[node] where edges[edge].head != from { shift(edges[edge].head, from: node, by: delta) }
    }
}

extension NetworkSimplex {
    // MARK: Cut values and the simplex steps

    /// Numbers the tree depth-first (`low`…`lim` covers a node's subtree; `dfs_range`).
    private mutating func setRanges(_ node: Int, parent edge: Int, low start: Int) -> Int {
        var next = start
        parent[node] = edge
        low[node] = start
        for child in treeOut[node] where child != edge { next = setRanges(edges[child].head, parent: child, low: next) }
        for child in treeIn[node] where child != edge { next = setRanges(edges[child].tail, parent: child, low: next) }
        lim[node] = next
        return next + 1
    }

    private mutating func setCutvalues(_ node: Int, parent edge: Int) {
        for child in treeOut[node] where child != edge { setCutvalues(edges[child].head, parent: child) }
        for child in treeIn[node] where child != edge { setCutvalues(edges[child].tail, parent: child) }
        if edge >= 0 { setCutvalue(edge) }
    }

    /// The cut value of tree edge `edge`, from those below it (`x_cutval`).
    private mutating func setCutvalue(_ edge: Int) {
        let (node, direction) = parent[edges[edge].tail] == edge ? (edges[edge].tail, 1) : (edges[edge].head, -1)
        var sum = 0
        for other in outEdges[node] + inEdges[node] {
            let far = edges[other].tail == node ? edges[other].head : edges[other].tail
            let outside = !(low[node] <= lim[far] && lim[far] <= lim[node])
            var value = outside ? edges[other].weight : (isTreeEdge(other) ? cutvalue[other] : 0) - edges[other].weight
            var sign = direction > 0 ? (edges[other].head == node ? 1 : -1) : (edges[other].tail == node ? 1 : -1)
            if outside { sign = -sign }
            if sign < 0 { value = -value }
            sum += value
        }
        cutvalue[edge] = sum
    }

    /// A tree edge with a negative cut value, searching cyclically, 30 candidates at a time.
    private mutating func leaveEdge() -> Int? {
        var found: Int?
        var count = 0
        let start = searchStart
        func consider(_ index: Int) -> Bool {
            let edge = treeEdges[index]
            guard cutvalue[edge] < 0 else { return false }
            if found.map({ cutvalue[$0] > cutvalue[edge] }) ?? true { found = edge }
            count += 1
            return count >= searchSize
        }
        while searchStart < treeEdges.count {
            if consider(searchStart) { return found }
            searchStart += 1
        }
        if start > 0 {
            searchStart = 0
            while searchStart < start {
                if consider(searchStart) { return found }
                searchStart += 1
            }
        }
        return found
    }

    /// The non-tree edge of least slack that reconnects the two halves `leaving` splits the
    /// tree into (`enter_edge`).
    private func enterEdge(_ leaving: Int) -> Int? {
        let (tail, head) = (edges[leaving].tail, edges[leaving].head)
        let (below, outward) = lim[tail] < lim[head] ? (tail, false) : (head, true)
        var search = EnteringSearch(low: low[below], lim: lim[below])
        if outward { search.outward(from: below, in: self) } else { search.inward(from: below, in: self) }
        return search.found
    }

    private struct EnteringSearch {
        let low: Int
        let lim: Int
        var found: Int?
        var slack = Int.max

        init(low: Int, lim: Int) {
            self.low = low
            self.lim = lim
        }

        mutating func outward(from node: Int, in simplex: NetworkSimplex) {
            for edge in simplex.outEdges[node] {
                let head = simplex.edges[edge].head
                if !simplex.isTreeEdge(edge) {
                    if !(low <= simplex.lim[head] && simplex.lim[head] <= lim) { consider(edge, simplex) }
                } else if simplex.lim[head] < simplex.lim[node] {
                    outward(from: head, in: simplex)
                }
            }
            for edge in simplex.treeIn[node] {
                guard slack > 0 else { break }
                if simplex.lim[simplex.edges[edge].tail] < simplex.lim[node] { outward(from: simplex.edges[edge].tail, in: simplex) }
            }
        }

        mutating func inward(from node: Int, in simplex: NetworkSimplex) {
            for edge in simplex.inEdges[node] {
                let tail = simplex.edges[edge].tail
                if !simplex.isTreeEdge(edge) {
                    if !(low <= simplex.lim[tail] && simplex.lim[tail] <= lim) { consider(edge, simplex) }
                } else if simplex.lim[tail] < simplex.lim[node] {
                    inward(from: tail, in: simplex)
                }
            }
            for edge in simplex.treeOut[node] {
                guard slack > 0 else { break }
                if simplex.lim[simplex.edges[edge].head] < simplex.lim[node] { inward(from: simplex.edges[edge].head, in: simplex) }
            }
        }

        private mutating func consider(_ edge: Int, _ simplex: NetworkSimplex) {
            let value = simplex.slack(edge)
            if value < slack || found == nil {
                found = edge
                slack = value
            }
        }
    }

    /// Swaps `leaving` for `entering`: moves one side to make `entering` tight, then fixes the
    /// cut values on the path between its ends and renumbers below their common ancestor.
    private mutating func update(_ leaving: Int, _ entering: Int) {
        let delta = slack(entering)
        if delta > 0 {
            let (tail, head) = (edges[leaving].tail, edges[leaving].head)
            if treeIn[tail].count + treeOut[tail].count == 1 {
                rerank(tail, by: delta)
            } else if treeIn[head].count + treeOut[head].count == 1 {
                rerank(head, by: -delta)
            } else if lim[tail] < lim[head] {
                rerank(tail, by: delta)
            } else {
                rerank(head, by: -delta)
            }
        }
        let value = cutvalue[leaving]
        let ancestor = updateCutvalues(from: edges[entering].tail, to: edges[entering].head, value, up: true)
        _ = updateCutvalues(from: edges[entering].head, to: edges[entering].tail, value, up: false)
        cutvalue[entering] = -value
        cutvalue[leaving] = 0
        exchange(leaving, entering)
        _ = setRanges(ancestor, parent: parent[ancestor], low: low[ancestor])
    }

    /// Walks from `node` up to the common ancestor with `other`, adjusting cut values.
    private mutating func updateCutvalues(from node: Int, to other: Int, _ value: Int, up direction: Bool) -> Int {
        var node = node
        while !(low[node] <= lim[other] && lim[other] <= lim[node]) {
            let edge = parent[node]
            let forward = node == edges[edge].tail ? direction : !direction
            cutvalue[edge] += forward ? value : -value
            node = lim[edges[edge].tail] > lim[edges[edge].head] ? edges[edge].tail : edges[edge].head
        }
        return node
    }

    /// Moves `node` and its subtree (away from its parent) by −`delta`.
    private mutating func rerank(_ node: Int, by delta: Int) {
        rank[node] -= delta
        for edge in treeOut[node] where edge != parent[node] { rerank(edges[edge].head, by: delta) }
        for edge in treeIn[node] where edge != parent[node] { rerank(edges[edge].tail, by: delta) }
    }

    /// Replaces tree edge `leaving` with `entering`, keeping the lists in dot's order (the
    /// last entry takes the removed one's place).
    private mutating func exchange(_ leaving: Int, _ entering: Int) {
        treeIndex[entering] = treeIndex[leaving]
        treeEdges[treeIndex[leaving]] = entering
        treeIndex[leaving] = -1
        func remove(_ edge: Int, from list: inout [Int]) {
            guard let index = list.firstIndex(of: edge) else { return }
            list[index] = list[list.count - 1]
            list.removeLast()
        }
        remove(leaving, from: &treeOut[edges[leaving].tail])
        remove(leaving, from: &treeIn[edges[leaving].head])
        treeOut[edges[entering].tail].append(entering)
        treeIn[edges[entering].head].append(entering)
    }

    /// Slides subtrees joined by a zero cut value to the middle of their free range
    /// (`LR_balance`): a parent between two children is centred over them.
    private mutating func balanceLeftRight() {
        for edge in treeEdges where cutvalue[edge] == 0 {
            guard let entering = enterEdge(edge) else { continue }
            let delta = slack(entering)
            guard delta > 1 else { continue }
            let (tail, head) = (edges[edge].tail, edges[edge].head)
            if lim[tail] < lim[head] { rerank(tail, by: delta / 2) } else { rerank(head, by: -delta / 2) }
        }
    }
}
