import Foundation

/// The page servers show for a missing address (`404.html`).
public struct NotFoundPage {
    public init() {}

    /// The page is served at any depth, so its links start from the site's root path
    /// instead of being relative.
    public func render(site: RenderSite) -> String {
        let context = site.chrome.context(page: "404.html", title: "Page not found", description: "", root: Self.rootPath(baseURL: site.config.baseURL))
        return site.templates.render("404", context)
    }

    /// Where the site starts on its server: `base_url`'s path, still percent-encoded and
    /// ending in `/` (`https://x.github.io/handbook/` → `/handbook/`, as GitHub Pages serves
    /// a project site), or `/` without a `base_url`.
    static func rootPath(baseURL: String) -> String {
        guard !baseURL.isEmpty, let components = URLComponents(string: baseURL) else { return "/" }
        var path = components.percentEncodedPath
        if !path.hasPrefix("/") { path = "/" + path }
        return path.hasSuffix("/") ? path : path + "/"
    }
}
