import DossierCore
import DossierModel

/// A link in the site's main navigation.
public struct NavLink: Sendable, Hashable {
    public var title: String
    /// The linked page's folder, relative to the site root.
    public var page: String

    public init(title: String, page: String) {
        self.title = title
        self.page = page
    }
}

/// The values the base layout needs on every page: the site, the way back to the root, the
/// page's title and description, its public address, and the navigation.
public struct PageChrome: Sendable {
    public var site: SiteConfig
    public var nav: [NavLink]

    public init(site: SiteConfig, nav: [NavLink]) {
        self.site = site
        self.nav = nav
    }

    /// The generated pages every handbook has, before its own top-level pages.
    public static let standardNavigation = [
        NavLink(title: "Profiles", page: "profiles/"), NavLink(title: "Matrix", page: "matrix/"),
        NavLink(title: "Patterns", page: "patterns/"), NavLink(title: "Graph", page: "graph/"),
    ]

    /// The template context for a page at `page` (a folder path, or a file path for the 404
    /// page); `root` overrides the way back to the site root (the 404 page is served at any
    /// depth, so it uses an absolute one).
    func context(page: String, title: String, description: String, root: String? = nil, ogType: String = "website") -> [String: Any] {
        let root = root ?? SitePaths.root(from: page)
        let nav: [[String: Any]] = self.nav.map { link in
            [
                "title": link.title,
                "href": root.hasPrefix("/") ? root + link.page : SitePaths.relative(from: page, to: link.page),
                "current": link.page == page,
            ]
        }
        var context: [String: Any] = [
            // Mustache treats "" as true: templates test the has- flags, not the strings.
            "site": ["title": site.title, "description": site.description, "hasDescription": !site.description.isEmpty,
                     "baseURL": site.baseURL, "hasBaseURL": !site.baseURL.isEmpty] as [String: Any],
            "root": root,
            "pageTitle": title,
            "description": description.isEmpty ? site.description : description,
            "generator": "\(DossierVersion.name) \(DossierVersion.current)",
            "nav": nav,
            "ogType": ogType,
        ]
        if !site.baseURL.isEmpty && !page.hasSuffix(".html") { context["canonical"] = site.baseURL + page }
        return context
    }
}
