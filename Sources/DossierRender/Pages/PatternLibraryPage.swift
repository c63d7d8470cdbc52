import DossierModel

/// `patterns/`: every architecture pattern and pattern document with its owner, confidence,
/// cost and services; sortable, and filterable by service and confidence when the script runs.
public struct PatternLibraryPage {
    public var overview: SiteOverview

    public init(overview: SiteOverview) {
        self.overview = overview
    }

    public static let page = "patterns/"

    public func render(site: RenderSite) -> String {
        var context = site.chrome.context(page: Self.page, title: "Pattern library",
                                          description: "Every architecture pattern of \(site.config.title), with its owner, confidence, cost and services.")
        let patterns = overview.patterns
        context["rows"] = patterns.map { pattern -> [String: Any] in
            var row: [String: Any] = [
                "title": pattern.title, "kind": pattern.kind == .architecture ? "Architecture" : "Document",
                "guideHref": SitePaths.relative(from: Self.page, to: RenderSite.guidePage(pattern.id)),
                "owner": overview.ownerName(of: pattern),
                "services": pattern.services, "servicesData": pattern.services.joined(separator: "|"),
                "provenIn": pattern.provenIn.joined(separator: ", "),
            ]
            if let status = pattern.status { row["status"] = status }
            if let page = overview.sourcePage(of: pattern) {
                row["sourceHref"] = SitePaths.relative(from: Self.page, to: page)
            }
            if let profile = pattern.profile, let record = overview.record(ofProfile: profile) {
                row["ownerHref"] = SitePaths.relative(from: Self.page, to: record.page)
            }
            if let confidence = pattern.confidence {
                row["confidence"] = Format.confidence(confidence)
                row["confidenceValue"] = String(confidence)
                row["percent"] = Format.percent(confidence)
                row["level"] = Format.level(confidence).rawValue
            } else {
                row["confidenceValue"] = ""
            }
            if let cost = Format.cost(pattern.cost) {
                row["cost"] = cost
                row["costValue"] = pattern.cost?.min.map { String($0) } ?? ""
            } else {
                row["costValue"] = ""
            }
            return row
        }
        context["serviceOptions"] = Array(Set(patterns.flatMap(\.services))).sorted()
        context["count"] = patterns.count
        context["hasPatterns"] = !patterns.isEmpty
        return site.templates.render("patterns", context)
    }
}
