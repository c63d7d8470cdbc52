import DossierCore
import DossierGraphviz
import DossierModel

/// `graph/`: profiles and their relations as a graph laid out by Graphviz, each node a link
/// to its profile, with the same relations listed as text beside it.
public struct GraphPage {
    public var overview: SiteOverview

    public init(overview: SiteOverview) {
        self.overview = overview
    }

    public static let page = "graph/"
    /// Larger handbooks draw their best-connected profiles; the list below has them all.
    static let maxNodes = 120
    /// Agents without a profile are drawn only in small handbooks, where they are most of
    /// what there is to see; in large ones they would crowd the profiles out.
    static let maxProfilesWithExternal = 30
    /// Beyond this many edges, labels go and the line style alone tells the kind.
    static let maxLabelledEdges = 16

    public func render(site: RenderSite) -> (html: String, diagnostics: [Diagnostic]) {
        var context = site.chrome.context(page: Self.page, title: "Collaboration graph",
                                          description: "Who works with, delegates to and hands off to whom in \(site.config.title).")
        let profiles = overview.profiles
        let ids = Set(profiles.map(\.id))
        // Nodes are profiles ("p-<id>") and agents named but not in the handbook ("x-<slug>",
        // drawn dashed), so even a small handbook shows who its profiles work with.
        struct Link: Hashable { var from: String; var to: String; var kind: Relation.Kind }
        var links: [Link] = []
        var seen = Set<Link>()
        var external: [String: String] = [:]  // node id → label
        for profile in profiles {
            for relation in profile.relations {
                let other: String
                if let target = relation.targetID, ids.contains(target) {
                    guard target != profile.id else { continue }
                    other = "p-" + target
                } else {
                    guard profiles.count <= Self.maxProfilesWithExternal else { continue }
                    other = "x-" + Slug.make(relation.target)
                    if external[other] == nil { external[other] = relation.target }
                }
                let link = relation.direction == .outgoing
                    ? Link(from: "p-" + profile.id, to: other, kind: relation.kind)
                    : Link(from: other, to: "p-" + profile.id, kind: relation.kind)
                if seen.insert(link).inserted { links.append(link) }
            }
        }
        var degree: [String: Int] = [:]
        for link in links { degree[link.from, default: 0] += 1; degree[link.to, default: 0] += 1 }
        let profileNodes = profiles.map { "p-" + $0.id }
        let candidates = profileNodes + external.keys.sorted()
        let shownIDs: Set<String> = candidates.count <= Self.maxNodes
            ? Set(candidates)
            : Set(candidates.filter { degree[$0] != nil }.sorted { (degree[$0]!, $1) > (degree[$1]!, $0) }.prefix(Self.maxNodes))
        let drawn = links.filter { shownIDs.contains($0.from) && shownIDs.contains($0.to) }

        var diagnostics: [Diagnostic] = []
        let titles = Dictionary(uniqueKeysWithValues: profiles.map { ("p-" + $0.id, $0.title) })
        let nodes = candidates.filter(shownIDs.contains).map { id in
            DiagramNode(id: id, label: titles[id] ?? external[id] ?? id, shape: .rounded, future: titles[id] == nil)
        }
        if !nodes.isEmpty {
            // One edge per ordered pair, its style from the strongest kind between them.
            struct Pair: Hashable { var from: String; var to: String }
            var kinds: [Pair: [Relation.Kind]] = [:]
            var pairs: [Pair] = []
            for link in drawn {
                let pair = Pair(from: link.from, to: link.to)
                if kinds[pair] == nil { pairs.append(pair) }
                kinds[pair, default: []].append(link.kind)
            }
            let labelled = pairs.count <= Self.maxLabelledEdges
            let edges = pairs.map { pair -> DiagramEdge in
                let all = kinds[pair]!
                let style: DiagramEdge.Style = all.contains(.delegatesTo) ? .thick : all.allSatisfy { $0 == .worksWith } ? .dotted : .solid
                return DiagramEdge(from: pair.from, to: pair.to, label: labelled ? all.map(Self.label).joined(separator: ", ") : nil, style: style)
            }
            let diagram = Diagram(kind: .mermaid, direction: .LR, nodes: nodes, edges: edges, source: SourceRef(path: "graph", line: 1))
            var nodeLinks: [String: String] = [:]
            for profile in profiles {
                if let record = overview.record(ofProfile: profile.id) { nodeLinks["p-" + profile.id] = SitePaths.relative(from: Self.page, to: record.page) }
            }
            let options = DrawingOptions(idPrefix: "graph", title: "Collaboration between the profiles of \(site.config.title)", links: nodeLinks)
            do {
                // A force-directed layout: networks of collaborators read better spread out than
                // in layers. Not `circo` (Debian's Graphviz 2.42 crashes laying out a second graph
                // with it in one process) nor `fdp` (not deterministic). Graphviz calls are
                // serialised process-wide, so a second renderer is safe.
                context["svg"] = try GraphvizRenderer(engine: "neato", store: site.graphviz.store).svg(for: diagram, options: options)
            } catch {
                diagnostics.append(.warning("graph.layout-failed", "the collaboration graph could not be drawn: \(error)", at: nil))
            }
        }
        let shown = nodes
        if shown.count < candidates.count {
            context["note"] = "The graph shows the \(shown.count) best-connected of \(candidates.count) agents; the list below has every relation."
        }
        context["hasExternal"] = !external.isEmpty
        context["groups"] = profiles.compactMap { profile -> [String: Any]? in
            let outgoing = links.filter { $0.from == "p-" + profile.id }
            guard !outgoing.isEmpty, let record = overview.record(ofProfile: profile.id) else { return nil }
            return [
                "name": profile.title, "href": SitePaths.relative(from: Self.page, to: record.page),
                "links": outgoing.map { link -> [String: Any] in
                    let id = String(link.to.dropFirst(2))
                    if link.to.hasPrefix("p-"), let target = overview.record(ofProfile: id) {
                        return ["kind": Self.label(link.kind), "name": target.title, "href": SitePaths.relative(from: Self.page, to: target.page), "hasHref": true]
                    }
                    return ["kind": Self.label(link.kind), "name": external[link.to] ?? id, "hasHref": false]
                },
            ]
        }
        context["hasRelations"] = !links.isEmpty
        return (site.templates.render("graph", context), diagnostics)
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
