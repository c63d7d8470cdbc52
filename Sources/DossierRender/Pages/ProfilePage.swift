import DossierCore
import DossierExtract
import DossierGraphviz
import DossierMarkdown
import DossierModel

/// A profile's page: a header with the role and front matter facts, the agent's relations,
/// a table of contents, and the whole document in source order with its structured parts
/// shown as pictures.
public struct ProfilePage {
    let extracted: ExtractedDocument
    let profile: Profile
    let patterns: [Pattern]
    let record: DocumentRecord
    let links: DocumentPage.Links
    let anchors: ProfileAnchors

    /// - Parameter anchors: `ProfileAnchors(profile)`, when the caller made it already.
    public init(extracted: ExtractedDocument, profile: Profile, patterns: [Pattern], record: DocumentRecord, links: DocumentPage.Links,
                anchors: ProfileAnchors? = nil) {
        self.extracted = extracted
        self.profile = profile
        self.patterns = patterns
        self.record = record
        self.links = links
        self.anchors = anchors ?? ProfileAnchors(profile)
    }

    /// The page, and the figures of the profile's patterns' diagrams for their guides, by
    /// pattern id: drawn here from the layouts the page made, the guides do not lay the
    /// same diagrams out again (a figure Graphviz could not draw is left to the guide).
    public func render(site: RenderSite) -> (html: String, diagnostics: [Diagnostic], guideFigures: [String: String]) {
        var regionRenderer = RegionRenderer(extracted: extracted, site: site, page: record.page, profile: profile, patterns: patterns, links: links)
        regionRenderer.profileAnchors = anchors
        let regions = regionRenderer.render()
        var body = BodyRenderer(extracted: extracted, site: site, links: links)
        body.replacements = regions.replacements
        // A pattern without a facts line still links to its guide, right under its heading.
        let withFacts = Set(extracted.regions.compactMap { region -> String? in
            if case .patternFacts(let id) = region.kind { return id }
            return nil
        })
        for pattern in patterns where !withFacts.contains(pattern.id) {
            guard let heading = extracted.headings.first(where: { $0.line == pattern.source.line }) else { continue }
            let facts = RegionRenderer(extracted: extracted, site: site, page: record.page, profile: profile, patterns: patterns).factsView(pattern, lines: 0...0)
            body.insertionsAfter[heading.node] = site.templates.render("components/pattern-facts", facts)
        }

        var context = site.chrome.context(page: record.page, title: profile.title, description: record.summary, ogType: "profile")
        context["title"] = profile.title
        context["kind"] = "profile"
        if regions.usesMermaidScript { context["mermaidJS"] = site.config.mermaidJS }
        // The lead is the profile's own description; the layout's `description` falls back to
        // the site's, which is right for <meta>, wrong under a page's title.
        if let description = profile.description, !description.isEmpty { context["description"] = description; context["lead"] = description }
        context["hasLead"] = context["lead"] != nil
        context["source"] = profile.source.path
        if let accent = Format.accent(extracted.frontMatter["color"]) { context["accent"] = accent }
        context["facts"] = FrontMatterFacts.facts(extracted.frontMatter)
        if !extracted.frontMatter.isValid, let raw = extracted.frontMatter.text { context["frontMatterRaw"] = raw }
        context["tiers"] = profile.tiers.map { tier in
            ["title": tier.title, "level": tier.level.rawValue, "count": profile.capabilities.count { $0.tier == tier.id }] as [String: Any]
        }
        context["hasTiers"] = !profile.tiers.isEmpty
        context["relations"] = relationGroups(site: site)
        context["hasRelations"] = !profile.relations.isEmpty
        context["patterns"] = patterns.map { pattern -> [String: Any] in
            var view: [String: Any] = ["title": pattern.title]
            if !pattern.template { view["href"] = SitePaths.relative(from: record.page, to: RenderSite.guidePage(pattern.id)) }
            return view
        }
        TableOfContents.add(to: &context, headings: extracted.headings)
        context["body"] = body.render()
        return (site.templates.render("profile", context), regions.diagnostics, guideFigures(regions.patternLayouts, site: site))
    }

    /// What `GuidePage` would draw for each of the profile's own patterns laid out on the page.
    func guideFigures(_ layouts: [String: GraphvizRenderer.LaidOutDiagram], site: RenderSite) -> [String: String] {
        guard !layouts.isEmpty else { return [:] }
        var figures: [String: String] = [:]
        for pattern in patterns where !pattern.template && pattern.profile == profile.id {
            guard let laidOut = layouts[pattern.id],
                  let figure = GuidePage.figure(pattern, services: Guide.services(of: pattern, owner: profile), ownerPage: record.page, anchors: anchors)
            else { continue }
            figures[pattern.id] = figure.html(site: site, laidOut: laidOut)
        }
        return figures
    }

    /// Relations grouped by how they relate, resolved ones as links.
    func relationGroups(site: RenderSite) -> [[String: Any]] {
        let order: [(Relation.Kind, Relation.Direction, String)] = [
            (.worksWith, .outgoing, "Works with"), (.integratesWith, .outgoing, "Integrates with"),
            (.delegatesTo, .outgoing, "Delegates to"), (.delegatesTo, .incoming, "Receives work from"),
            (.handsOffTo, .outgoing, "Hands off to"), (.handsOffTo, .incoming, "Takes hand-offs from"),
            (.usedBy, .incoming, "Used by"),
        ]
        return order.compactMap { kind, direction, label in
            let members = profile.relations.filter { $0.kind == kind && $0.direction == direction }
            guard !members.isEmpty else { return nil }
            let items = members.map { relation -> [String: Any] in
                var item = site.profileLink(relation, from: record.page)
                if let note = relation.note { item["note"] = note }
                return item
            }
            return ["label": label, "items": items]
        }
    }
}

/// The Markdown of a document rendered with everything pages add: heading ids and anchors,
/// resolved links, replaced blocks, and the H1 left out (the page header shows the title).
struct BodyRenderer {
    let extracted: ExtractedDocument
    let site: RenderSite
    let links: DocumentPage.Links
    var replacements: [Int32: String] = [:]
    var insertionsAfter: [Int32: String] = [:]

    init(extracted: ExtractedDocument, site: RenderSite, links: DocumentPage.Links) {
        self.extracted = extracted
        self.site = site
        self.links = links
    }

    func render() -> String {
        var renderer = HTMLRenderer(document: extracted.markdown)
        renderer.unsafeHTML = site.config.unsafeHTML
        renderer.headingAnchors = true
        renderer.labelledTaskItems = true
        for heading in extracted.headings { renderer.headingIDs[heading.node] = heading.anchor }
        renderer.linkTargets = links.targets
        renderer.unlinked = links.unlinked
        renderer.replacements = replacements
        renderer.insertionsAfter = insertionsAfter
        if let title = extracted.headings.first(where: { $0.level == 1 }), title.text == extracted.title {
            // Keep the anchor: links to #the-title still land at the top.
            renderer.replacements[title.node] = "<span id=\"\(title.anchor.htmlEscaped)\"></span>"
        }
        return renderer.render()
    }
}
