import DossierCore

/// Where pages live in the built site, and how pages link to each other.
///
/// Pages are folders with an `index.html` (`profiles/aws-expert/`), and every link between
/// pages is relative, so a site works from any sub-path of a server and from disk.
public enum SitePaths {
    /// Folders the generator uses for its own pages; content may not take them.
    public static let reserved: Set<String> = ["assets", "data", "matrix", "guides", "graph", "search", "profiles", "patterns"]

    /// The folder of a page, relative to the site root, ending in `/` (empty for the home page).
    public static func pagePath(forSegments segments: [String]) -> String {
        segments.isEmpty ? "" : segments.joined(separator: "/") + "/"
    }

    /// The file that holds a page (`profiles/aws-expert/index.html`).
    public static func file(forPage page: String) -> String { page + "index.html" }

    /// A relative link from the page at `from` (a folder path) to `to` (a folder path or a
    /// file path), keeping `to`'s fragment.
    public static func relative(from: String, to: String) -> String {
        let parts = URLParts(to)
        let target = Substring(parts.path + parts.query)
        let fragment = parts.fragment
        let fromParts = from.split(separator: "/", omittingEmptySubsequences: true)
        var toParts = target.split(separator: "/", omittingEmptySubsequences: true)
        let targetIsFolder = target.isEmpty || target.hasSuffix("/")
        var common = 0
        while common < fromParts.count, common < toParts.count - (targetIsFolder ? 0 : 1), fromParts[common] == toParts[common] {
            common += 1
        }
        toParts.removeFirst(common)
        var link = String(repeating: "../", count: fromParts.count - common)
        link += toParts.joined(separator: "/")
        if targetIsFolder && !toParts.isEmpty { link += "/" }
        if link.isEmpty { link = "./" }
        if let fragment { link += "#" + fragment }
        return link
    }

    /// The prefix that leads from a page back to the site root (`../../`), or `./`.
    public static func root(from page: String) -> String {
        let depth = page.split(separator: "/", omittingEmptySubsequences: true).count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }
}
