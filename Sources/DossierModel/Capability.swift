/// One capability in a tier: `Lambda function deployment and optimization: 0.92 (last
/// updated: feature-aws-lambda-backend-deployment)`.
public struct Capability: Hashable, Sendable, Codable {
    public var name: String
    /// 0…1; for a recorded change (`0.75 → 0.88`) the later value.
    public var confidence: Double
    /// The id of the tier it is listed under.
    public var tier: String
    /// The parenthetical, without a `last updated:` clause.
    public var note: String?
    /// From `last updated: X`.
    public var lastUpdated: String?
    /// The earlier value of a recorded change (`0.75` in `0.75 → 0.88`).
    public var previousConfidence: Double?
    /// Text recorded with a change that is not a number (`PROMOTED to Primary`).
    public var status: String?
    /// Nested sub-bullets.
    public var details: [String]
    public var line: Int

    public init(name: String, confidence: Double, tier: String, note: String? = nil, lastUpdated: String? = nil,
                previousConfidence: Double? = nil, status: String? = nil, details: [String] = [], line: Int) {
        self.name = name
        self.confidence = confidence
        self.tier = tier
        self.note = note
        self.lastUpdated = lastUpdated
        self.previousConfidence = previousConfidence
        self.status = status
        self.details = details
        self.line = line
    }
}

/// A confidence score found anywhere in a document: a list item or table row that carries
/// one, in any of the forms profiles use.
public struct Score: Hashable, Sendable, Codable {
    /// The headings above it, outermost first (`["Knowledge Base", "Common Patterns"]`).
    public var section: [String]
    /// What is scored.
    public var name: String
    /// 0…1: the later value of a change, the lower bound of a range.
    public var confidence: Double
    /// For a range (`0.80-0.85`): its bounds.
    public var min: Double?
    public var max: Double?
    /// For a change (`0.75 → 0.95`): the earlier value.
    public var previous: Double?
    /// A level word written with it (`HIGH`, `MEDIUM-HIGH`).
    public var level: String?
    public var line: Int

    public init(section: [String], name: String, confidence: Double, min: Double? = nil, max: Double? = nil,
                previous: Double? = nil, level: String? = nil, line: Int) {
        self.section = section
        self.name = name
        self.confidence = confidence
        self.min = min
        self.max = max
        self.previous = previous
        self.level = level
        self.line = line
    }
}

/// An entry of the service expertise matrix: `- **Lambda**: 0.92 - Serverless functions`.
public struct Service: Hashable, Sendable, Codable {
    public var category: String
    public var name: String
    public var confidence: Double
    public var description: String?
    public var line: Int

    public init(category: String, name: String, confidence: Double, description: String?, line: Int) {
        self.category = category
        self.name = name
        self.confidence = confidence
        self.description = description
        self.line = line
    }
}
