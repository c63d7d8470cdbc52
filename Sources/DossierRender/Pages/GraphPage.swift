import DossierCore
import DossierGraphviz
import DossierModel

/// `graph/`: who delegates to, hands off to and works with whom. The profiles and their
/// relations as a graph laid out by Graphviz (each node a link to its profile), a legend
/// for its lines, and every relation in a table below it.
public struct GraphPage {
    public var overview: SiteOverview

    public init(overview: SiteOverview) {
        self.overview = overview
    }

    public static let page = "graph/"
    /// Larger handbooks draw their best-connected profiles; the table below has them all.
    static let maxNodes = 120
    /// Agents without a profile are drawn only in small handbooks, where they are most of
    /// what there is to see; in large ones they would crowd the profiles out.
    static let maxProfilesWithExternal = 30
    /// Up to this many agents and lines the graph is drawn in layers (Graphviz `dot`, which
    /// keeps line labels apart) with every line labelled. Beyond, it is drawn in rings around
    /// the best-connected profile (`twopi`) without labels: the line styles, the legend and
    /// the table tell the kinds. (Not `circo`: Debian's Graphviz 2.42 crashes laying out a
    /// second graph with it in one process; not `fdp`: not deterministic.)
    static let maxLayeredNodes = 20
    static let maxLayeredEdges = 30
    /// Up to this many lines the rings route them around the agents; beyond, they are drawn
    /// straight, under the agents. Graphviz's routing grows faster than the lines do: the
    /// 300 lines of a 1,000-profile handbook took it 2 s of a 10 s build (4.8 s at 10,000).
    static let maxRoutedEdges = 100

    /// One relation, the way round the work goes: nodes are profiles (`p-<id>`) and agents
    /// the profiles name that have no profile here (`x-<slug>`, drawn dashed).
    struct Link: Hashable {
        var from: String
        var to: String
        var kind: Relation.Kind
    }

    /// How a line is drawn; the legend shows the same.
    enum Line: String, CaseIterable {
        case delegates, handsOff = "hands-off", together

        var color: String { "var(--graph-\(rawValue))" }
        var style: DiagramEdge.Style {
            switch self {
            case .delegates: .thick
            case .handsOff: .solid
            case .together: .dotted
            }
        }
        var legend: String {
            switch self {
            case .delegates: "delegates to"
            case .handsOff: "hands off to"
            case .together: "works or integrates with (drawn where no arrow joins the two)"
            }
        }
    }

    /// The order of kinds in labels and table columns: work passed on first.
    static let kinds: [Relation.Kind] = [.delegatesTo, .handsOffTo, .worksWith, .integratesWith, .usedBy]

    public func render(site: RenderSite) -> (html: String, diagnostics: [Diagnostic]) {
        var context = site.chrome.context(page: Self.page, title: "Collaboration graph",
                                          description: "Who works with, delegates to and hands off to whom in \(site.config.title).")
        let profiles = overview.profiles
        let (links, external) = Self.links(of: profiles)
        var degree: [String: Int] = [:]
        for link in links { degree[link.from, default: 0] += 1; degree[link.to, default: 0] += 1 }
        let candidates = profiles.map { "p-" + $0.id } + external.keys.sorted()
        let shownIDs: Set<String> = candidates.count <= Self.maxNodes
            ? Set(candidates)
            : Set(candidates.filter { degree[$0] != nil }.sorted { (degree[$0]!, $1) > (degree[$1]!, $0) }.prefix(Self.maxNodes))
        let drawn = links.filter { shownIDs.contains($0.from) && shownIDs.contains($0.to) }
        let names = Self.names(profiles: profiles, external: external)

        var diagnostics: [Diagnostic] = []
        let edges = Self.edges(for: drawn)
        let shown = candidates.filter(shownIDs.contains)
        let layered = shown.count <= Self.maxLayeredNodes && edges.count <= Self.maxLayeredEdges
        let nodes = (layered ? Self.passersFirst(shown, links: drawn) : shown).map { id in
            DiagramNode(id: id, label: names[id] ?? id, shape: .rounded, future: id.hasPrefix("x-"))
        }
        if !nodes.isEmpty {
            let lines = layered ? edges : edges.map { edge in var edge = edge; edge.label = nil; return edge }
            let diagram = Diagram(kind: .mermaid, direction: .TB, nodes: nodes, edges: lines, source: SourceRef(path: "graph", line: 1))
            var nodeLinks: [String: String] = [:]
            for profile in profiles {
                if let record = overview.record(ofProfile: profile.id) { nodeLinks["p-" + profile.id] = SitePaths.relative(from: Self.page, to: record.page) }
            }
            let options = DrawingOptions(idPrefix: "graph", title: "Collaboration between the profiles of \(site.config.title)", links: nodeLinks)
            // Graphviz calls are serialised process-wide, so a second renderer is safe.
            let renderer = layered ? GraphvizRenderer(store: site.graphviz.store) : GraphvizRenderer(engine: "twopi", store: site.graphviz.store, routesAroundNodes: lines.count <= Self.maxRoutedEdges)
            do {
                context["svg"] = Self.markingEnds(of: lines, in: try renderer.svg(for: diagram, options: options))
                context["layout"] = layered ? "layered" : "rings"
            } catch {
                diagnostics.append(.warning("graph.layout-failed", "the collaboration graph could not be drawn: \(error)", at: nil))
            }
        }
        if nodes.count < candidates.count {
            context["note"] = "The graph shows the \(nodes.count) best-connected of \(candidates.count) agents; the table below has every relation."
        }
        let used = Set(edges.compactMap(\.color))
        context["legend"] = Line.allCases.filter { used.contains($0.color) }.map { ["line": $0.rawValue, "text": $0.legend] }
        context["hasExternal"] = nodes.contains { $0.future }
        context.merge(table(links: links, profiles: profiles, names: names)) { _, new in new }
        context["hasRelations"] = !links.isEmpty
        return (site.templates.render("graph", context), diagnostics)
    }

    /// Every relation of the profiles once, the way round the work goes, and the agents
    /// without a profile they name (node id → name as first written).
    static func links(of profiles: [Profile]) -> (links: [Link], external: [String: String]) {
        let ids = Set(profiles.map(\.id))
        var links: [Link] = []
        var seen = Set<Link>()
        var external: [String: String] = [:]
        for profile in profiles {
            for relation in profile.relations {
                let other: String
                if let target = relation.targetID, ids.contains(target) {
                    guard target != profile.id else { continue }
                    other = "p-" + target
                } else {
                    guard profiles.count <= maxProfilesWithExternal else { continue }
                    other = "x-" + Slug.make(relation.target)
                    if external[other] == nil { external[other] = relation.target }
                }
                let link = relation.direction == .outgoing
                    ? Link(from: "p-" + profile.id, to: other, kind: relation.kind)
                    : Link(from: other, to: "p-" + profile.id, kind: relation.kind)
                if seen.insert(link).inserted { links.append(link) }
            }
        }
        return (links, external)
    }

    /// Node id → the name shown; profiles that share a title get their id added, so the
    /// graph and the table never show two agents under one name.
    static func names(profiles: [Profile], external: [String: String]) -> [String: String] {
        var names = external
        let titles = Dictionary(grouping: profiles, by: \.title)
        for profile in profiles {
            names["p-" + profile.id] = titles[profile.title]!.count > 1 ? "\(profile.title) (\(profile.id))" : profile.title
        }
        return names
    }

    /// The lines between agents: for each pair, an arrow for each way work is delegated or
    /// handed off, labelled with those kinds; a pair with neither gets one dotted line without
    /// arrowheads, labelled with how they work together. Pairs in the order first met.
    static func edges(for links: [Link]) -> [DiagramEdge] {
        struct Pair: Hashable { var first: String; var second: String }
        var pairs: [Pair] = []
        var byPair: [Pair: [Link]] = [:]
        for link in links {
            let pair = link.from < link.to ? Pair(first: link.from, second: link.to) : Pair(first: link.to, second: link.from)
            if byPair[pair] == nil { pairs.append(pair) }
            byPair[pair, default: []].append(link)
        }
        func label(_ kinds: [Relation.Kind]) -> String {
            Self.kinds.filter(kinds.contains).map(Self.label).joined(separator: ", ")
        }
        var edges: [DiagramEdge] = []
        for pair in pairs {
            let links = byPair[pair]!
            let passed = links.filter { $0.kind == .delegatesTo || $0.kind == .handsOffTo }
            guard let first = passed.first else {
                let line = Line.together
                edges.append(DiagramEdge(from: links[0].from, to: links[0].to, label: label(links.map(\.kind)), style: line.style, arrow: false, color: line.color))
                continue
            }
            var ways = [(first.from, first.to)]
            if let back = passed.first(where: { $0.from != first.from }) { ways.append((back.from, back.to)) }
            for (from, to) in ways {
                let kinds = passed.filter { $0.from == from }.map(\.kind)
                let line: Line = kinds.contains(.delegatesTo) ? .delegates : .handsOff
                edges.append(DiagramEdge(from: from, to: to, label: label(kinds), style: line.style, color: line.color))
            }
        }
        return edges
    }

    /// Agents that pass more work on than they receive first: Graphviz's layers then run
    /// from those who delegate towards those who finish the work. Ties keep their order.
    static func passersFirst(_ ids: [String], links: [Link]) -> [String] {
        var balance: [String: Int] = [:]
        for link in links where link.kind == .delegatesTo || link.kind == .handsOffTo {
            balance[link.from, default: 0] += 1
            balance[link.to, default: 0] -= 1
        }
        return ids.enumerated().sorted { a, b in
            let (x, y) = (balance[a.element] ?? 0, balance[b.element] ?? 0)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// Each line of the drawn graph marked with the agents it joins (`data-from`, `data-to`,
    /// the nodes' `data-id`s), so the script can bring out a profile's lines. Graphviz's
    /// SVG writer draws the lines in the diagram's order; if they cannot be matched one to
    /// one, the drawing is left as it is.
    static func markingEnds(of edges: [DiagramEdge], in svg: String) -> String {
        let marker = "<g class=\"dg-edge"
        let parts = svg.components(separatedBy: marker)
        guard parts.count == edges.count + 1 else { return svg }
        func attribute(_ id: String) -> String {
            id.replacing("&", with: "&amp;").replacing("\"", with: "&quot;").replacing("<", with: "&lt;")
        }
        var out = parts[0]
        for (edge, part) in zip(edges, parts.dropFirst()) {
            out += "<g data-from=\"\(attribute(edge.from))\" data-to=\"\(attribute(edge.to))\" class=\"dg-edge" + part
        }
        return out
    }

    /// The relations as a table: a row for each agent that delegates to, hands off to or
    /// works with another, a column for each kind the handbook has.
    func table(links: [Link], profiles: [Profile], names: [String: String]) -> [String: Any] {
        let kinds = Self.kinds.filter { kind in links.contains { $0.kind == kind } }
        var sources = profiles.map { "p-" + $0.id }
        sources += Set(links.map(\.from)).filter { $0.hasPrefix("x-") }.sorted()
        func entry(_ id: String) -> [String: Any] {
            let name = names[id] ?? String(id.dropFirst(2))
            if id.hasPrefix("p-"), let record = overview.record(ofProfile: String(id.dropFirst(2))) {
                return ["name": name, "href": SitePaths.relative(from: Self.page, to: record.page), "hasHref": true]
            }
            return ["name": name, "hasHref": false]
        }
        let rows = sources.compactMap { source -> [String: Any]? in
            let outgoing = links.filter { $0.from == source }
            guard !outgoing.isEmpty else { return nil }
            var row = entry(source)
            row["cells"] = kinds.map { kind -> [String: Any] in
                let targets = outgoing.filter { $0.kind == kind }.map { entry($0.to) }
                return ["kind": Self.title(kind), "targets": targets, "hasTargets": !targets.isEmpty]
            }
            return row
        }
        return ["kindColumns": kinds.map { ["title": Self.title($0)] }, "rows": rows]
    }

    /// "Delegates to", for a column heading.
    static func title(_ kind: Relation.Kind) -> String {
        let label = label(kind)
        return label.prefix(1).uppercased() + label.dropFirst()
    }

    static func label(_ kind: Relation.Kind) -> String {
        switch kind {
        case .worksWith: "works with"
        case .delegatesTo: "delegates to"
        case .integratesWith: "integrates with"
        case .handsOffTo: "hands off to"
        case .usedBy: "used by"
        }
    }
}
