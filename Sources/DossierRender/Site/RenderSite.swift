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

    /// The folder of a pattern's deployment guide. Every pattern that is not a template has
    /// one.
    public static func guidePage(_ patternID: String) -> String { "guides/\(patternID)/" }
}
