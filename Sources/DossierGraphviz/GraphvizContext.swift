import CGraphviz
import Foundation

/// The one file that calls Graphviz: builds a `LayoutGraph` with cgraph, lays it out with
/// `dot`, renders SVG into memory, and frees every Graphviz object before returning a Swift
/// string.
///
/// Graphviz is not thread-safe, and not only per context: plugin tables, the error handler
/// and statics inside the `dot` layout are process-wide, so two contexts used from two
/// threads at once would still race. Every call therefore holds `libraryLock`, one lock for
/// the process that guards the C library itself (it protects no Swift state). Callers own a
/// `GraphvizRenderer`, which owns a context; nothing else is shared.
final class GraphvizContext: @unchecked Sendable {
    // @unchecked: `gvc` is only touched while `libraryLock` is held.
    private static let libraryLock = NSLock()
    private let gvc: OpaquePointer

    init() throws(GraphvizError) {
        Self.libraryLock.lock()
        defer { Self.libraryLock.unlock() }
        guard let gvc = gvContext() else { throw GraphvizError("could not start Graphviz") }
        self.gvc = gvc
    }

    deinit {
        Self.libraryLock.lock()
        defer { Self.libraryLock.unlock() }
        gvFreeContext(gvc)
    }

    /// Lays `graph` out with `engine` and returns Graphviz's SVG, or what Graphviz said when
    /// it failed. Warnings on success are dropped: they concern fonts and sizes the drawing
    /// fixes anyway.
    func svg(for graph: LayoutGraph, engine: String = "dot") throws(GraphvizError) -> String {
        Self.libraryLock.lock()
        defer { Self.libraryLock.unlock() }
        let messages = GraphvizMessages()
        let result = GraphvizMessages.$current.withValue(messages) {
            let previous = agseterrf { fragment in
                if let fragment { GraphvizMessages.current?.append(String(cString: fragment)) }
                return 0
            }
            defer { agseterrf(previous) }
            return render(graph, engine: engine)
        }
        switch result {
        case .success(let svg): return svg
        case .failure(var error):
            error.graphvizMessages = messages.lines
            throw error
        }
    }

    /// The cgraph and gvc calls proper; `libraryLock` is held.
    private func render(_ graph: LayoutGraph, engine: String) -> Result<String, GraphvizError> {
        agreseterrors()
        var descriptor = Agdesc_t()
        descriptor.directed = 1
        descriptor.maingraph = 1
        guard let root = withC("G", { agopen($0, descriptor, nil) }) else {
            return .failure(GraphvizError("could not create a graph"))
        }
        defer { agclose(root) }

        for attribute in graph.graphAttributes { declare(root, AGRAPH, attribute) }
        for attribute in graph.nodeDefaults { declare(root, AGNODE, attribute) }
        for attribute in graph.edgeDefaults { declare(root, AGOUTEDGE, attribute) }

        var nodes: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        for node in graph.nodes {
            guard let created = withC(node.name, { agnode(root, $0, 1) }) else {
                return .failure(GraphvizError("could not create node \(node.name)"))
            }
            nodes[node.name] = created
            for attribute in node.attributes { set(created, attribute) }
        }
        // A nested cluster is a subgraph of its parent's subgraph, created after it.
        var subgraphs: [String: UnsafeMutablePointer<Agraph_t>] = [:]
        for cluster in graph.clusters {
            let parent = cluster.parent.flatMap { subgraphs[$0] } ?? root
            guard let subgraph = withC(cluster.name, { agsubg(parent, $0, 1) }) else {
                return .failure(GraphvizError("could not create cluster \(cluster.name)"))
            }
            subgraphs[cluster.name] = subgraph
            for attribute in cluster.attributes { set(subgraph, attribute) }
            for name in cluster.nodes {
                if let node = nodes[name] { agsubnode(subgraph, node, 1) }
            }
        }
        for (index, edge) in graph.edges.enumerated() {
            guard let tail = nodes[edge.tail], let head = nodes[edge.head],
                  let created = withC("e\(index)", { agedge(root, tail, head, $0, 1) })
            else { return .failure(GraphvizError("could not create edge \(edge.tail) -> \(edge.head)")) }
            for attribute in edge.attributes { set(created, attribute) }
        }

        guard gvLayout(gvc, root, engine) == 0 else { return .failure(GraphvizError("layout failed")) }
        defer { gvFreeLayout(gvc, root) }

        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(gvc, root, "svg", &data, &length) == 0, let data else {
            return .failure(GraphvizError("SVG rendering failed"))
        }
        defer { gvFreeRenderData(data) }
        let bytes = UnsafeRawBufferPointer(start: data, count: Int(length))
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// Declares an attribute for every object of `kind`, with its default value.
    private func declare(_ root: UnsafeMutablePointer<Agraph_t>, _ kind: Int32, _ attribute: LayoutGraph.Attribute) {
        withC(attribute.name) { name in
            withC(attribute.value) { value in _ = agattr(root, kind, name, value) }
        }
    }

    /// Sets an attribute on one graph, node or edge, declaring it (default empty) if needed.
    private func set(_ object: UnsafeMutableRawPointer, _ attribute: LayoutGraph.Attribute) {
        withC(attribute.name) { name in
            withC(attribute.value) { value in
                withC("") { empty in _ = agsafeset(object, name, value, empty) }
            }
        }
    }

    /// cgraph takes `char *` but copies what it keeps, so a temporary C string will do.
    private func withC<R>(_ text: String, _ body: (UnsafeMutablePointer<CChar>) -> R) -> R {
        text.withCString { body(UnsafeMutablePointer(mutating: $0)) }
    }
}

/// Collects what Graphviz reports through `agerr` while one call runs.
///
/// Graphviz's error hook is a bare C function pointer with no context argument, so the
/// collector for the current call is found through a task-local value rather than a global.
/// The hook runs synchronously on the calling thread, inside `withValue`.
private final class GraphvizMessages: @unchecked Sendable {
    // @unchecked: appended to only by the error hook, on the thread that holds `libraryLock`.
    @TaskLocal static var current: GraphvizMessages?

    private var text = ""

    /// Graphviz passes a message in pieces ("Error", ": ", "the message\n").
    func append(_ fragment: String) {
        text += fragment
    }

    /// One entry per message, without Graphviz's `Error: ` / `Warning: ` prefix.
    var lines: [String] {
        text.split(separator: "\n").map { line in
            var line = Substring(line)
            for prefix in ["Error: ", "Warning: "] where line.hasPrefix(prefix) {
                line = line.dropFirst(prefix.count)
            }
            return line.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }
}
