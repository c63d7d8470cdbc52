import Foundation

/// The page servers show for a missing address (`404.html`).
public struct NotFoundPage {
    public init() {}

    /// The page is served at any depth, so its links start from the site's root path
    /// (`base_url`'s path, or `/`) instead of being relative.
    public func render(chrome: PageChrome, templates: TemplateSet) -> String {
        var rootPath = "/"
        if let url = URL(string: chrome.site.baseURL), !url.path.isEmpty {
            rootPath = url.path.hasSuffix("/") ? url.path : url.path + "/"
        }
        let context = chrome.context(page: "404/", title: "Page not found", description: "", root: rootPath)
        return templates.render("404", context)
    }
}
