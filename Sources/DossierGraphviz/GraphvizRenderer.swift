import DossierCore
import DossierModel

/// Lays diagrams out with Graphviz's `dot`, in process, and draws them as SVG for inline use
/// in HTML: accessible, classed for `DiagramSVG.stylesheet`, colour-free, deterministic.
///
/// Create one renderer for a build and pass it to whoever draws diagrams; it is safe to call
/// from many tasks at once. Graphviz calls are serialised (Graphviz is not thread-safe) and
/// each distinct layout runs once per renderer: results are cached by what Graphviz is given
/// (`LayoutGraph.cacheKey`), so the same diagram on several pages, or drawn with different
/// ids, links or tiers, is laid out a single time. The cache lives as long as the renderer;
/// a `LayoutStore` keeps layouts from one build to the next.
///
/// The common diagrams — chains and trees of boxes, without clusters or edge labels — skip
/// all of that: `LayeredLayout` draws them as `dot` would, on the calling task, without the
/// lock, the cache or the store. They are cheap enough to lay out again every time, and a
/// cache would bring back a lock every task waits on.
public final class GraphvizRenderer: Sendable {
    private struct State {
        var context: GraphvizContext?
        var layouts: [String: Result<Drawing, GraphvizError>] = [:]
        var layoutCount = 0
    }

    private let state = Locked(State())
    /// The layout engine: `dot` (layered, for architecture diagrams) unless asked otherwise;
    /// tests use a missing one to see Graphviz fail.
    private let engine: String
    /// Layouts kept across builds, consulted before Graphviz runs.
    public let store: (any LayoutStore)?
    /// Whether diagrams `LayeredLayout` can draw skip Graphviz (only with `dot`).
    public let laysOutSimpleDiagrams: Bool
    /// Whether the other engines route lines around the nodes (`splines=true`) rather than
    /// draw them straight under the nodes (`splines=line`).
    private let routesAroundNodes: Bool

    /// `laysOutSimpleDiagrams: false` sends every diagram to Graphviz, to compare the two.
    public init(store: (any LayoutStore)? = nil, laysOutSimpleDiagrams: Bool = true) {
        self.engine = "dot"
        self.store = store
        self.laysOutSimpleDiagrams = laysOutSimpleDiagrams
        self.routesAroundNodes = true
    }

    /// A renderer using another Graphviz engine: `neato` (force-directed, deterministic)
    /// suits networks such as who-works-with-whom better than layers. Avoid `circo` with
    /// Debian's Graphviz 2.42 (it crashes on a second graph in one process) and `fdp`
    /// (its output varies from run to run).
    ///
    /// `routesAroundNodes: false` draws straight lines, which the nodes cover where they
    /// cross: routing hundreds of lines around a hundred nodes takes Graphviz seconds.
    public init(engine: String, store: (any LayoutStore)? = nil, routesAroundNodes: Bool = true) {
        self.engine = engine
        self.store = store
        self.laysOutSimpleDiagrams = engine == "dot"
        self.routesAroundNodes = routesAroundNodes
    }

    /// How many diagrams Graphviz has laid out for this renderer — the misses of both caches —
    /// for tests and build statistics. (A cluster diagram's probe layout is not counted apart.)
    public var layoutCount: Int {
        state.withLock { $0.layoutCount }
    }

    /// The diagram as an `<svg>` element, or what Graphviz said when it could not lay it out.
    public func svg(for diagram: Diagram, options: DrawingOptions) throws(GraphvizError) -> String {
        svg(for: try layOut(diagram), options: options)
    }

    /// A diagram laid out, to be drawn more than once: a profile's page and a pattern's guide
    /// show the same diagram with different ids, links and tiers, and the plan and the layout
    /// are most of the work.
    public struct LaidOutDiagram: Sendable {
        fileprivate let plan: DiagramPlan
        fileprivate let drawing: Drawing
    }

    /// Lays `diagram` out: by `LayeredLayout` when it can, else by Graphviz (cached).
    public func layOut(_ diagram: Diagram) throws(GraphvizError) -> LaidOutDiagram {
        let plan = DiagramPlan(diagram)
        if let drawing = ownDrawing(of: plan) {
            return LaidOutDiagram(plan: plan, drawing: drawing)
        }
        var graph = plan.graph
        if engine != "dot" {
            // Force-directed and circular layouts: keep nodes apart and route edges around them.
            graph.graphAttributes += [.init("overlap", "prism"), .init("sep", "+2"), .init("mode", "major"),
                                      .init("splines", routesAroundNodes ? "true" : "line")]
        }
        return LaidOutDiagram(plan: plan, drawing: try layout(graph).get())
    }

    /// A laid-out diagram as an `<svg>` element, with these ids, links and tiers.
    public func svg(for laidOut: LaidOutDiagram, options: DrawingOptions) -> String {
        DiagramSVGWriter(plan: laidOut.plan, drawing: laidOut.drawing, options: options).svg()
    }

    /// Whether `diagram` is laid out by `LayeredLayout` rather than Graphviz.
    public func laysOutWithoutGraphviz(_ diagram: Diagram) -> Bool {
        ownDrawing(of: DiagramPlan(diagram)) != nil
    }

    private func ownDrawing(of plan: DiagramPlan) -> Drawing? {
        guard laysOutSimpleDiagrams, engine == "dot" else { return nil }
        return try? LayeredLayout.drawing(for: plan).get()
    }

    /// The cached drawing of `graph`, laying it out first if needed. The lock is held during
    /// the layout, so concurrent requests for the same new graph lay it out once. Failures
    /// are cached too. Graphs with clusters and edge labels get a probe layout first
    /// (`FlatEdgeLabels`).
    private func layout(_ graph: LayoutGraph) -> Result<Drawing, GraphvizError> {
        let key = graph.cacheKey
        let storeKey = engine + "\n" + key
        LayoutUsage.current?.record(storeKey)
        return state.withLock { state in
            if let cached = state.layouts[key] { return cached }
            // A stored layout that no longer parses is laid out again, and replaced.
            if let svg = store?.layout(forKey: storeKey), let drawing = try? Drawing(graphvizSVG: svg) {
                state.layouts[key] = .success(drawing)
                return .success(drawing)
            }
            let result = Result { () throws(GraphvizError) -> (Drawing, String) in
                if state.context == nil { state.context = try GraphvizContext() }
                let context = state.context!
                var graph = graph
                if FlatEdgeLabels.needProbe(graph) {
                    let probe = try Drawing(graphvizSVG: context.svg(for: FlatEdgeLabels.outside(graph), engine: engine))
                    graph = FlatEdgeLabels.outside(graph, edges: FlatEdgeLabels.flatEdges(of: graph, in: probe))
                }
                let svg = try context.svg(for: graph, engine: engine)
                return (try Drawing(graphvizSVG: svg), svg)
            }
            state.layoutCount += 1
            if case .success(let (_, svg)) = result { store?.store(layout: svg, forKey: storeKey) }
            let drawing = result.map(\.0)
            state.layouts[key] = drawing
            return drawing
        }
    }
}
