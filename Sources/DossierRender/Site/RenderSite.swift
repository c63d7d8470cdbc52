import DossierCore
import DossierGraphviz
import DossierModel

/// What every page renderer shares: the configuration, the templates, the one Graphviz
/// owner (layouts are cached there, so a diagram drawn on a profile page and its guide is
/// laid out once), and where each profile and guide lives.
public struct RenderSite: Sendable {
    public var chrome: PageChrome
    public var templates: TemplateSet
    public var graphviz: GraphvizRenderer
    /// Page folder of each profile by id.
    public var profilePages: [String: String]
    /// Titles of profiles by id, for links.
    public var profileTitles: [String: String]

    public init(chrome: PageChrome, templates: TemplateSet, graphviz: GraphvizRenderer,
                profilePages: [String: String] = [:], profileTitles: [String: String] = [:]) {
        self.chrome = chrome
        self.templates = templates
        self.graphviz = graphviz
        self.profilePages = profilePages
        self.profileTitles = profileTitles
    }

    public var config: SiteConfig { chrome.site }

    /// A relation's target for a template: the profile's title and its address from `page`
    /// when the target is a profile of this handbook (`hasHref`), the name as written when
    /// it is not.
    func profileLink(_ relation: Relation, from page: String) -> [String: Any] {
        var link: [String: Any] = ["name": relation.target, "hasHref": false]
        if let id = relation.targetID, let target = profilePages[id] {
            link["name"] = profileTitles[id] ?? relation.target
            link["href"] = SitePaths.relative(from: page, to: target)
            link["hasHref"] = true
        }
        return link
    }

    /// The folder of a pattern's deployment guide. Every pattern that is not a template has
    /// one.
    public static func guidePage(_ patternID: String) -> String { "guides/\(patternID)/" }
}
