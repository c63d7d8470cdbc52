import Foundation

/// The page servers show for a missing address (`404.html`).
public struct NotFoundPage {
    public init() {}

    /// The page is served at any depth, so its links start from the site's root path
    /// (`base_url`'s path, or `/`) instead of being relative.
    public func render(site: RenderSite) -> String {
        var rootPath = "/"
        if let url = URL(string: site.config.baseURL), !url.path.isEmpty {
            rootPath = url.path.hasSuffix("/") ? url.path : url.path + "/"
        }
        let context = site.chrome.context(page: "404.html", title: "Page not found", description: "", root: rootPath)
        return site.templates.render("404", context)
    }
}
