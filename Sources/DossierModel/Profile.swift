/// Everything Dossier understands about one expertise profile.
public struct Profile: Hashable, Sendable, Codable {
    /// The slug of the file name; front matter `name` wins.
    public var id: String
    /// The H1, else front matter `name`, else the file name.
    public var title: String
    /// Front matter `description`, else the first paragraph of the role section.
    public var description: String?
    /// Every front matter key, as JSON values.
    public var frontMatter: [String: JSONValue]
    public var source: SourceRef
    /// Named `*-template.md` or `template: true`: checked, but left out of listings.
    public var template: Bool
    /// The role section's first paragraph.
    public var role: String?
    public var responsibilities: [String]
    public var tiers: [Tier]
    public var capabilities: [Capability]
    public var scores: [Score]
    public var services: [Service]
    public var metrics: [Metric]
    public var knowledge: Knowledge
    public var troubleshooting: [TroubleshootingEntry]
    public var relations: [Relation]
    /// Ids of the profile's architecture patterns (in the export's `patterns`).
    public var patterns: [String]
    public var diagrams: [Diagram]
    public var sections: [Section]

    public init(id: String, title: String, source: SourceRef) {
        self.id = id
        self.title = title
        self.description = nil
        self.frontMatter = [:]
        self.source = source
        self.template = false
        self.role = nil
        self.responsibilities = []
        self.tiers = []
        self.capabilities = []
        self.scores = []
        self.services = []
        self.metrics = []
        self.knowledge = Knowledge()
        self.troubleshooting = []
        self.relations = []
        self.patterns = []
        self.diagrams = []
        self.sections = []
    }
}

/// A plain page: any Markdown file outside `profiles/` and `patterns/`.
public struct Page: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var description: String?
    public var frontMatter: [String: JSONValue]
    public var source: SourceRef
    public var sections: [Section]

    public init(id: String, title: String, description: String?, frontMatter: [String: JSONValue], source: SourceRef, sections: [Section]) {
        self.id = id
        self.title = title
        self.description = description
        self.frontMatter = frontMatter
        self.source = source
        self.sections = sections
    }
}
