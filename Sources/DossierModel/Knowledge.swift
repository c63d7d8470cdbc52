/// What a profile has learned: best practices, common patterns, gaps and priorities.
public struct Knowledge: Hashable, Sendable, Codable {
    public var bestPractices: [BestPractice]
    public var commonPatterns: [CommonPattern]
    public var gaps: [KnowledgeGap]
    public var priorities: [ImprovementPriority]

    public init(bestPractices: [BestPractice] = [], commonPatterns: [CommonPattern] = [],
                gaps: [KnowledgeGap] = [], priorities: [ImprovementPriority] = []) {
        self.bestPractices = bestPractices
        self.commonPatterns = commonPatterns
        self.gaps = gaps
        self.priorities = priorities
    }

    public var isEmpty: Bool { bestPractices.isEmpty && commonPatterns.isEmpty && gaps.isEmpty && priorities.isEmpty }
}

/// A code block inside a knowledge entry (the CDK stack of a common pattern).
public struct CodeSnippet: Hashable, Sendable, Codable {
    public var language: String?
    public var code: String
    public var line: Int
    /// In a knowledge item, the index of the entry of its `items` / `details` the block is
    /// written under; `nil` when it comes before them (or is not in such an item).
    public var detail: Int?

    public init(language: String?, code: String, line: Int, detail: Int? = nil) {
        self.language = language
        self.code = code
        self.line = line
        self.detail = detail
    }
}

/// `- **Lambda + API Gateway via CDK** (learned from: feature-x)` and its sub-bullets.
public struct BestPractice: Hashable, Sendable, Codable {
    public var title: String
    public var learnedFrom: String?
    public var items: [String]
    /// `items` with their inline formatting, entry for entry.
    public var itemsFormatted: [InlineText]
    public var code: [CodeSnippet]
    public var line: Int

    public init(title: String, learnedFrom: String?, items: [String], code: [CodeSnippet] = [], line: Int, itemsFormatted: [InlineText]? = nil) {
        self.title = title
        self.learnedFrom = learnedFrom
        self.items = items
        self.itemsFormatted = itemsFormatted ?? items.map { InlineText(plain: $0) }
        self.code = code
        self.line = line
    }
}

/// `- **Serverless FastAPI deployment** (confidence: 0.92, usage: 1 project)` and its
/// sub-bullets, including nested code blocks.
public struct CommonPattern: Hashable, Sendable, Codable {
    public var name: String
    public var confidence: Double?
    /// As written: `1 project`.
    public var usage: String?
    public var source: String?
    public var details: [String]
    /// `details` with their inline formatting, entry for entry.
    public var detailsFormatted: [InlineText]
    public var code: [CodeSnippet]
    public var line: Int

    public init(name: String, confidence: Double?, usage: String?, source: String?, details: [String], code: [CodeSnippet], line: Int,
                detailsFormatted: [InlineText]? = nil) {
        self.name = name
        self.confidence = confidence
        self.usage = usage
        self.source = source
        self.details = details
        self.detailsFormatted = detailsFormatted ?? details.map { InlineText(plain: $0) }
        self.code = code
        self.line = line
    }
}

/// `- **Real-world Cognito SSO integration** (identified in: X, priority: high)`.
public struct KnowledgeGap: Hashable, Sendable, Codable {
    public var title: String
    public var identifiedIn: String?
    public var priority: String?
    public var details: [String]
    public var line: Int

    public init(title: String, identifiedIn: String?, priority: String?, details: [String], line: Int) {
        self.title = title
        self.identifiedIn = identifiedIn
        self.priority = priority
        self.details = details
        self.line = line
    }
}

/// `1. **Cognito authentication integration** (current confidence: 0.70, target: 0.85)`.
public struct ImprovementPriority: Hashable, Sendable, Codable {
    public var title: String
    public var current: Double?
    public var target: Double?
    public var details: [String]
    public var line: Int

    public init(title: String, current: Double?, target: Double?, details: [String], line: Int) {
        self.title = title
        self.current = current
        self.target = target
        self.details = details
        self.line = line
    }
}
