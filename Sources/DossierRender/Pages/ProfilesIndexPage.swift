import DossierModel

/// `profiles/`: every profile in one sortable table.
public struct ProfilesIndexPage {
    public var overview: SiteOverview

    public init(overview: SiteOverview) {
        self.overview = overview
    }

    public static let page = "profiles/"

    public func render(site: RenderSite) -> String {
        var context = site.chrome.context(page: Self.page, title: "Profiles", description: "Every profile of \(site.config.title).")
        context["rows"] = overview.profiles.compactMap { profile -> [String: Any]? in
            guard let record = overview.record(ofProfile: profile.id) else { return nil }
            let counts = Dictionary(grouping: profile.capabilities) { capability in
                profile.tiers.first { $0.id == capability.tier }?.level ?? Format.level(capability.confidence)
            }.mapValues(\.count)
            let mean = profile.capabilities.isEmpty ? nil : profile.capabilities.map(\.confidence).reduce(0, +) / Double(profile.capabilities.count)
            var row: [String: Any] = [
                "title": profile.title, "href": SitePaths.relative(from: Self.page, to: record.page),
                "primary": counts[.primary] ?? 0, "secondary": counts[.secondary] ?? 0, "developing": counts[.developing] ?? 0,
                "services": profile.services.count, "patterns": profile.patterns.count,
            ]
            // Set only when there is one: Mustache treats an empty string as true.
            if !record.summary.isEmpty { row["summary"] = record.summary }
            if let mean {
                row["mean"] = Format.confidence(mean)
                row["meanValue"] = String(mean)
                row["heat"] = Format.heat(mean)
            }
            return row
        }
        return site.templates.render("profiles", context)
    }
}
