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

    /// Profiles that are not templates: what listings, matrices and tables show.
    public var publishedProfiles: [Profile] { profiles.filter { !$0.template } }
    public var publishedPatterns: [Pattern] { patterns.filter { !$0.template } }
}
