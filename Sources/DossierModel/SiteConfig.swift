/// The settings in `dossier.yml`.
public struct SiteConfig: Hashable, Sendable, Codable {
    /// The handbook's name, shown in every page's header and title.
    public var title: String
    public var description: String
    /// The public URL the site is served from (`https://handbook.example.com/`); used for
    /// absolute links such as the sitemap. Empty when unknown.
    public var baseURL: String
    /// Pass raw HTML in Markdown through to pages. Off by default: content is treated as
    /// untrusted. `javascript:` and `data:` links are removed either way.
    public var unsafeHTML: Bool
    /// A URL of mermaid.js. When set, pages with Mermaid diagrams Dossier does not draw
    /// itself (sequence, gantt, …) load it so they render in the browser. Empty by default:
    /// the site loads nothing from other hosts.
    public var mermaidJS: String

    public init(title: String = "Expertise Handbook", description: String = "", baseURL: String = "", unsafeHTML: Bool = false, mermaidJS: String = "") {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.unsafeHTML = unsafeHTML
        self.mermaidJS = mermaidJS
    }
}
