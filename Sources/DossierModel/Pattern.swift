/// An architecture pattern — one `### Pattern N:` of a profile, or a whole pattern document —
/// with what the pattern library and the deployment guides need. Fields that only one kind
/// has are empty for the other.
public struct Pattern: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Under a profile's "Architecture Patterns" (or "Validated Patterns") heading.
        case architecture
        /// A file in `content/patterns/`.
        case document
    }

    /// Unique in the handbook: `<profile>-<title slug>` for profile patterns, the document's
    /// id for pattern documents. The deployment guide lives at `guides/<id>/`.
    public var id: String
    public var kind: Kind
    public var title: String
    /// The owning profile's id (architecture patterns).
    public var profile: String?
    /// The pattern document's id (pattern documents).
    public var document: String?
    /// `1` in `### Pattern 1: …`.
    public var number: Int?
    /// `Future`, `Current`, `Pilot`: a status word in parentheses after the title.
    public var status: String?
    public var confidence: Double?
    /// `HIGH` in `Confidence: HIGH (0.90)`.
    public var level: String?
    /// Text after the confidence (`Production-validated pattern`).
    public var confidenceNote: String?
    public var cost: Cost?
    public var provenIn: [String]
    public var useCase: String?
    /// `Pattern Type` of a pattern document.
    public var patternType: String?
    public var tools: [String]
    /// Every `**Key**: value` of the pattern, as written, including the ones read into fields.
    public var properties: [Property]
    public var whenToUse: [String]
    public var whenNotToUse: [String]
    public var prerequisites: [String]
    /// From an `Implementation` list, or `Step N` sections.
    public var implementation: [PatternStep]
    public var monitoring: [String]
    public var rollback: [String]
    /// The five lists above with their inline formatting (code, bold, emphasis, links), entry
    /// for entry: the plain lists stay for search, CSV and readers that want text.
    public var whenToUseFormatted: [InlineText]
    public var whenNotToUseFormatted: [InlineText]
    public var prerequisitesFormatted: [InlineText]
    public var monitoringFormatted: [InlineText]
    public var rollbackFormatted: [InlineText]
    public var problem: ProblemStatement?
    public var relatedPatterns: [RelatedLink]
    /// The architecture diagram's code block, as written.
    public var diagramBlock: TextBlock?
    /// The diagram read into a graph, when it is one.
    public var diagram: Diagram?
    /// Services of the owner's expertise matrix that the pattern involves.
    public var services: [String]
    /// Pattern documents: agents named as `Primary Users`.
    public var relations: [Relation]
    /// Pattern documents: the summary line (front matter `description`, else the problem
    /// statement or first paragraph).
    public var description: String?
    /// Pattern documents: every front matter key.
    public var frontMatter: [String: JSONValue]
    /// Pattern documents: every diagram in the file.
    public var diagrams: [Diagram]
    /// Pattern documents: every score in the file.
    public var scores: [Score]
    /// Pattern documents: the heading tree.
    public var sections: [Section]
    public var source: SourceRef
    public var template: Bool

    public init(id: String, kind: Kind, title: String, source: SourceRef) {
        self.id = id
        self.kind = kind
        self.title = title
        self.provenIn = []
        self.tools = []
        self.properties = []
        self.whenToUse = []
        self.whenNotToUse = []
        self.prerequisites = []
        self.implementation = []
        self.monitoring = []
        self.rollback = []
        self.whenToUseFormatted = []
        self.whenNotToUseFormatted = []
        self.prerequisitesFormatted = []
        self.monitoringFormatted = []
        self.rollbackFormatted = []
        self.relatedPatterns = []
        self.services = []
        self.relations = []
        self.frontMatter = [:]
        self.diagrams = []
        self.scores = []
        self.sections = []
        self.source = source
        self.template = false
    }
}

/// A `**Key**: value` pair as written.
public struct Property: Hashable, Sendable, Codable {
    public var key: String
    public var value: String
    public var line: Int

    public init(key: String, value: String, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }
}

/// One step of an implementation: a list item, or a `### Step N: Title` section with its
/// text and code.
public struct PatternStep: Hashable, Sendable, Codable {
    /// `3`, `2A`: as written in `Step N`; `nil` for list items.
    public var number: String?
    public var title: String
    public var text: String?
    public var items: [String]
    /// `title`, `text` and `items` with their inline formatting; paragraphs of `text` are
    /// separated by a newline in both.
    public var titleFormatted: InlineText
    public var textFormatted: InlineText?
    public var itemsFormatted: [InlineText]
    public var code: [CodeSnippet]
    public var line: Int

    /// Formatted twins left out are the plain text, unformatted.
    public init(number: String? = nil, title: String, text: String? = nil, items: [String] = [], code: [CodeSnippet] = [], line: Int,
                titleFormatted: InlineText? = nil, textFormatted: InlineText? = nil, itemsFormatted: [InlineText]? = nil) {
        self.number = number
        self.title = title
        self.text = text
        self.items = items
        self.titleFormatted = titleFormatted ?? InlineText(plain: title)
        self.textFormatted = textFormatted ?? text.map { InlineText(plain: $0) }
        self.itemsFormatted = itemsFormatted ?? items.map { InlineText(plain: $0) }
        self.code = code
        self.line = line
    }
}

/// What a pattern document says it solves: `Scenario`, `Challenge`, `Goal`, `Symptoms`.
public struct ProblemStatement: Hashable, Sendable, Codable {
    public var scenario: String?
    public var challenge: String?
    public var goal: String?
    public var symptoms: String?
    /// The section's other text.
    public var text: String?
    public var line: Int

    public init(scenario: String? = nil, challenge: String? = nil, goal: String? = nil, symptoms: String? = nil, text: String? = nil, line: Int) {
        self.scenario = scenario
        self.challenge = challenge
        self.goal = goal
        self.symptoms = symptoms
        self.text = text
        self.line = line
    }
}

/// A "Related Patterns" entry: its title and what it points to (a link or a path).
public struct RelatedLink: Hashable, Sendable, Codable {
    public var title: String
    public var target: String?
    public var note: String?
    public var line: Int

    public init(title: String, target: String?, note: String?, line: Int) {
        self.title = title
        self.target = target
        self.note = note
        self.line = line
    }
}

/// A fenced code block's text and where it starts (the fence line).
public struct TextBlock: Hashable, Sendable, Codable {
    public var info: String
    public var text: String
    public var line: Int

    public init(info: String, text: String, line: Int) {
        self.info = info
        self.text = text
        self.line = line
    }
}
