/// Keeps diagrams away from a crash in Graphviz 2.42's `dot`: a labelled edge whose ends
/// land on the same rank ("flat"), on the top rank, in a graph with clusters, makes `dot`
/// grow its rank array while clusters still point into the old one — a double free that
/// aborts the process (valgrind: realloc in `flat_edges`, free in `gvFreeLayout`).
///
/// Graphs without clusters never get flat edges (Dossier sets no `rank=same`), so only
/// graphs with clusters and edge labels are guarded. They are laid out twice: first with
/// every edge label as an `xlabel` (placed after layout, outside the code that crashes) to
/// see which edges come out flat, then for real with `label` on every edge except those.
/// Adding labels doubles every edge's minimum length, which scales the ranking without
/// changing which edges are flat, so the second layout has no flat edge with a `label`.
enum FlatEdgeLabels {
    /// Whether `graph` needs the probe: it has clusters and at least one edge label.
    static func needProbe(_ graph: LayoutGraph) -> Bool {
        !graph.clusters.isEmpty && graph.edges.contains { $0.attributes.contains { $0.name == "label" } }
    }

    /// `graph` with the `label` of the edges at `indices` (all edges when `nil`) renamed
    /// `xlabel`.
    static func outside(_ graph: LayoutGraph, edges indices: Set<Int>? = nil) -> LayoutGraph {
        var graph = graph
        for index in graph.edges.indices where indices?.contains(index) ?? true {
            for attribute in graph.edges[index].attributes.indices where graph.edges[index].attributes[attribute].name == "label" {
                graph.edges[index].attributes[attribute].name = "xlabel"
            }
        }
        return graph
    }

    /// Edges of `graph` whose two ends `drawing` shows on the same rank: the same y for
    /// top-to-bottom layouts, the same x for left-to-right ones (`dot` centres every node of
    /// a rank on one line). Self-loops are not flat edges.
    static func flatEdges(of graph: LayoutGraph, in drawing: Drawing) -> Set<Int> {
        let across = graph.graphAttributes.contains { $0.name == "rankdir" && ($0.value == "LR" || $0.value == "RL") }
        func rankPosition(_ name: String) -> Double? {
            guard let index = Int(name.dropFirst()), let bounds = drawing.nodes[index]?.bounds else { return nil }
            return across ? bounds.midX : bounds.midY
        }
        var flat: Set<Int> = []
        for (index, edge) in graph.edges.enumerated() where edge.tail != edge.head {
            if let tail = rankPosition(edge.tail), let head = rankPosition(edge.head), abs(tail - head) < 0.5 {
                flat.insert(index)
            }
        }
        return flat
    }
}
