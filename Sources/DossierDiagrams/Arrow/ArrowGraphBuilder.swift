import DossierCore
import DossierModel

/// Collects the nodes, edges and diagnostics of one arrow diagram as it is read.
///
/// A label is a node: the same label twice in one diagram is the same node, so a flow that
/// returns to a step draws a loop instead of a second box. Edges are kept once per
/// (from, to, label): `|` followed by `v` under the same box is one connection.
struct ArrowGraphBuilder {
    let block: FencedBlock
    private(set) var nodes: [DiagramNode] = []
    private(set) var edges: [DiagramEdge] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Edges that join nodes on one line (`A → B`), as opposed to `↓` rows and tree branches.
    private(set) var horizontalEdgeCount = 0
    private var idByLabel: [String: String] = [:]
    private var ids = NodeIDAllocator()
    private var edgeKeys: Set<EdgeKey> = []

    private struct EdgeKey: Hashable {
        var from: String, to: String, label: String?
    }

    init(block: FencedBlock) {
        self.block = block
    }

    /// The id of the node with this label, creating the node on first sight.
    mutating func node(_ label: String) -> String {
        if let id = idByLabel[label] { return id }
        let id = ids.allocate(for: label)
        idByLabel[label] = id
        nodes.append(DiagramNode(id: id, label: label, shape: .box, future: Self.isFuture(label)))
        return id
    }

    mutating func connect(_ from: String, _ to: String, label: String? = nil, horizontal: Bool) {
        guard edgeKeys.insert(EdgeKey(from: from, to: to, label: label)).inserted else { return }
        edges.append(DiagramEdge(from: from, to: to, label: label))
        if horizontal { horizontalEdgeCount += 1 }
    }

    /// An edge drawn with `direction`: `←` turns it around, `↔` draws both ways.
    mutating func connect(_ a: String, _ b: String, direction: ArrowGlyphs.Direction, label: String? = nil) {
        switch direction {
        case .forward: connect(a, b, label: label, horizontal: true)
        case .backward: connect(b, a, label: label, horizontal: true)
        case .both:
            connect(a, b, label: label, horizontal: true)
            connect(b, a, label: label, horizontal: true)
        }
    }

    mutating func warn(_ code: String, _ message: String, line: Int, byte: Int) {
        diagnostics.append(.warning(code, message, at: block.location(line: line, byteOffset: byte)))
    }

    func diagram(direction: Diagram.Direction) -> Diagram {
        var diagram = Diagram(kind: .arrow, direction: direction, nodes: nodes, edges: edges, source: block.source)
        diagram.mermaid = MermaidWriter.write(diagram)
        return diagram
    }

    /// `(future)` anywhere in the label, in any case, marks a planned component.
    static func isFuture(_ label: String) -> Bool {
        label.lowercased().contains("(future)")
    }
}
