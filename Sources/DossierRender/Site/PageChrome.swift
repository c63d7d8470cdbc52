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
/// page's title and description, and the navigation.
public struct PageChrome: Sendable {
    public var site: SiteConfig
    public var nav: [NavLink]

    public init(site: SiteConfig, nav: [NavLink]) {
        self.site = site
        self.nav = nav
    }

    /// The template context for a page at `page` (a folder path); `root` overrides the way
    /// back to the site root (the 404 page is served at any depth, so it uses an absolute one).
    func context(page: String, title: String, description: String, root: String? = nil) -> [String: Any] {
        let root = root ?? SitePaths.root(from: page)
        let nav: [[String: Any]] = self.nav.map { link in
            [
                "title": link.title,
                "href": root.hasPrefix("/") ? root + link.page : SitePaths.relative(from: page, to: link.page),
                "current": link.page == page,
            ]
        }
        return [
            "site": ["title": site.title, "description": site.description, "baseURL": site.baseURL] as [String: Any],
            "root": root,
            "pageTitle": title,
            "description": description.isEmpty ? site.description : description,
            "generator": "\(DossierVersion.name) \(DossierVersion.current)",
            "nav": nav,
        ]
    }
}
