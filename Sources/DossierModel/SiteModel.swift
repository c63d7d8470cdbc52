import DossierCore

/// Everything the handbook says, after every file is read: what `check` validates, `export`
/// writes, and the aggregate pages show.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    public var profiles: [Profile]
    /// Architecture patterns of profiles and pattern documents, in file order.
    public var patterns: [Pattern]
    /// Plain pages.
    public var pages: [Page]
    public var diagnostics: [Diagnostic]

    public init(config: SiteConfig, profiles: [Profile] = [], patterns: [Pattern] = [], pages: [Page] = [], diagnostics: [Diagnostic] = []) {
        self.config = config
        self.profiles = profiles
        self.patterns = patterns
        self.pages = pages
        self.diagnostics = diagnostics
    }

    /// Profiles that are not templates: what listings, matrices and tables show. The array
    /// itself (its storage shared, not copied) when none is a template, as is usual: pages
    /// ask for these often, and thirty thousand patterns are twenty megabytes a copy.
    public var publishedProfiles: [Profile] { profiles.contains(where: \.template) ? profiles.filter { !$0.template } : profiles }
    public var publishedPatterns: [Pattern] { patterns.contains(where: \.template) ? patterns.filter { !$0.template } : patterns }
}
