import DossierCore
import DossierGraphviz
import DossierModel

/// A diagram as an inline SVG figure, with the text it was drawn from and the same graph as
/// Mermaid one click away.
struct DiagramFigure {
    var diagram: Diagram
    /// The code block's text as written.
    var source: String
    var title: String
    var idPrefix: String
    /// The owner's confidence per service, to tint nodes by tier.
    var serviceConfidence: [String: Double] = [:]
    /// Where a service's node links to (its row on the profile page), by service name.
    var serviceLinks: [String: String] = [:]

    /// The figure's HTML, or the problem that stopped Graphviz.
    func render(site: RenderSite) -> Result<String, GraphvizError> {
        do {
            return .success(html(site: site, laidOut: try site.graphviz.layOut(diagram)))
        } catch {
            return .failure(error)
        }
    }

    /// The figure's HTML, drawn from `laidOut` (this figure's diagram, laid out).
    func html(site: RenderSite, laidOut: GraphvizRenderer.LaidOutDiagram) -> String {
        var links: [String: String] = [:]
        var tiers: [String: DrawingOptions.Tier] = [:]
        for node in diagram.nodes {
            guard let service = node.service else { continue }
            if let link = serviceLinks[service] { links[node.id] = link }
            if let confidence = serviceConfidence[service] {
                tiers[node.id] = DrawingOptions.Tier(rawValue: Format.level(confidence).rawValue)
            }
        }
        let options = DrawingOptions(idPrefix: idPrefix, title: title, links: links, tiers: tiers)
        return site.templates.render("components/diagram", [
            "svg": site.graphviz.svg(for: laidOut, options: options), "source": source, "mermaid": diagram.mermaid, "caption": caption,
        ])
    }

    /// What the diagram shows, for sighted readers scanning the page.
    var caption: String {
        let services = diagram.nodes.compactMap(\.service)
        var parts = ["\(diagram.nodes.count) nodes, \(diagram.edges.count) connections"]
        if !services.isEmpty { parts.append("services: " + services.uniqued.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, in first-seen order.
    var uniqued: [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
