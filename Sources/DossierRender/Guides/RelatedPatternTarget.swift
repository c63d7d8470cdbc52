import DossierCore
import DossierMarkdown
import DossierModel

/// Where a "Related patterns" entry of a guide leads: the related pattern's own guide when
/// the handbook has that pattern, else the handbook page or web address its link names.
/// Entries that lead nowhere in the handbook are shown as text.
enum RelatedPatternTarget: Equatable {
    /// The guide of the pattern with this id.
    case guide(String)
    /// A page of the site, relative to its root (with a fragment, if any).
    case page(String)
    /// A web address, as written.
    case external(String)

    /// Resolves `link`, written in `pattern`'s source, against the handbook.
    static func resolve(_ link: RelatedLink, of pattern: Pattern, overview: SiteOverview, links: LinkResolver) -> RelatedPatternTarget? {
        let index = overview.patternIndex
        func guide(_ id: String?) -> RelatedPatternTarget? {
            id.flatMap { $0 == pattern.id ? nil : .guide($0) }
        }
        if let target = link.target, !target.isEmpty, URLPolicy.dossier.allows(target, isImage: false) {
            switch links.resolve(target, source: pattern.source.path, page: "") {
            case .rewritten(let page):
                // A pattern document's page, or a profile's page at a pattern's heading.
                if let found = guide(index.pattern(atPage: page) ?? index.pattern(atPage: URLParts(page).path)) { return found }
                return .page(page)
            case .missing(let path):
                // Paths written for the repository the handbook came from
                // (`.claude/memory/patterns/x.md`) still name the file.
                if let found = guide(index.pattern(fileName: path)) { return found }
            case .unchanged:
                if target.hasPrefix("http://") || target.hasPrefix("https://") { return .external(target) }
            }
        }
        return guide(index.pattern(titled: link.title))
    }

    /// The link from the site page at `page`.
    func href(from page: String) -> String {
        switch self {
        case .guide(let id): SitePaths.relative(from: page, to: RenderSite.guidePage(id))
        case .page(let path): SitePaths.relative(from: page, to: path)
        case .external(let url): url
        }
    }

    /// The link for a file pasted elsewhere: absolute under `baseURL` when the site has one,
    /// else relative to the guides folder, where the Markdown guides are written.
    func markdownURL(baseURL: String) -> String {
        switch self {
        case .external(let url): url
        case .guide(let id): baseURL.isEmpty ? href(from: "guides/") : baseURL + RenderSite.guidePage(id)
        case .page(let path): baseURL.isEmpty ? href(from: "guides/") : baseURL + path
        }
    }
}
