import DossierModel

/// The home page: the handbook's title and description, a search box, its totals, a card per
/// profile and the newest patterns.
public struct HomePage {
    public var overview: SiteOverview

    public init(overview: SiteOverview) {
        self.overview = overview
    }

    public func render(site: RenderSite) -> String {
        var context = site.chrome.context(page: "", title: site.config.title, description: site.config.description)
        context["intro"] = overview.introHTML
        if overview.introUsesMermaidScript { context["mermaidJS"] = site.config.mermaidJS }
        let profiles = overview.profiles
        let patterns = overview.patterns
        context["totals"] = [
            ["label": "profiles", "value": profiles.count],
            ["label": "capabilities", "value": profiles.reduce(0) { $0 + $1.capabilities.count }],
            ["label": "services", "value": Set(profiles.flatMap { $0.services.map(\.name) }).count],
            ["label": "patterns", "value": patterns.count],
            ["label": "deployment guides", "value": patterns.count],
        ] as [[String: Any]]
        context["profiles"] = profiles.compactMap { profile -> [String: Any]? in
            guard let record = overview.record(ofProfile: profile.id) else { return nil }
            let top = profile.capabilities.sorted { $0.confidence > $1.confidence }.prefix(3)
            var card: [String: Any] = [
                "title": profile.title, "href": SitePaths.relative(from: "", to: record.page),
                "tiers": profile.tiers.map { tier in
                    ["level": tier.level.rawValue, "title": tier.title, "count": profile.capabilities.count { $0.tier == tier.id }] as [String: Any]
                },
                "top": top.map { ["name": $0.name, "value": Format.confidence($0.confidence), "percent": Format.percent($0.confidence),
                                  "level": Format.level($0.confidence).rawValue] },
                "hasTop": !top.isEmpty,
            ]
            if let accent = Format.accent(profile.frontMatter["color"]?.text) { card["accent"] = accent }
            if !record.summary.isEmpty { card["summary"] = record.summary }
            return card
        }
        context["hasProfiles"] = !profiles.isEmpty
        // Newest first where patterns state a date; the rest in file order. Each date is read
        // once, not at every comparison (a handbook can hold tens of thousands of patterns).
        let dates = patterns.map(SiteOverview.date(of:))
        let newest = patterns.indices.sorted { a, b in
            if dates[a] != dates[b] { return (dates[a] ?? "") > (dates[b] ?? "") }
            return a < b
        }.prefix(6)
        context["newestPatterns"] = newest.map { index -> [String: Any] in
            let pattern = patterns[index]
            var view: [String: Any] = ["title": pattern.title, "owner": overview.ownerName(of: pattern),
                                       "href": SitePaths.relative(from: "", to: RenderSite.guidePage(pattern.id))]
            if let confidence = pattern.confidence {
                view["confidence"] = Format.confidence(confidence)
                view["level"] = Format.level(confidence).rawValue
            }
            if let cost = Format.cost(pattern.cost) { view["cost"] = cost }
            if let date = dates[index] { view["date"] = date }
            return view
        }
        context["hasPatterns"] = !patterns.isEmpty
        context["pages"] = overview.records.filter { $0.kind == .page && !$0.page.isEmpty }.map { record -> [String: Any] in
            var page: [String: Any] = ["title": record.title, "href": SitePaths.relative(from: "", to: record.page)]
            if !record.summary.isEmpty { page["summary"] = record.summary }
            return page
        }
        context["hasPages"] = overview.records.contains { $0.kind == .page && !$0.page.isEmpty }
        return site.templates.render("home", context)
    }
}
