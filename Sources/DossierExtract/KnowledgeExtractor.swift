import DossierCore
import DossierMarkdown
import DossierModel

/// Reads a profile's knowledge base: best practices, common patterns, knowledge gaps and
/// improvement priorities, each an item with a bold title, a parenthetical of `key: value`
/// facts, and sub-bullets.
struct KnowledgeExtractor {
    static func extract(_ context: inout ExtractionContext) -> Knowledge {
        var knowledge = Knowledge()
        for (item, _) in items(titled: ["best practices", "best practice"], context) {
            let head = Head(item, context.document)
            let entries = context.document.detailEntries(of: item)
            let items = entries.map(\.text)
            knowledge.bestPractices.append(BestPractice(
                title: head.title, learnedFrom: head.facts["learned from"] ?? head.facts["source"],
                items: items.map(\.plain), code: context.document.placedCodeSnippets(in: item, details: entries), line: head.line,
                itemsFormatted: items))
        }
        for (item, _) in items(titled: ["common patterns"], context) {
            let head = Head(item, context.document)
            let entries = context.document.detailEntries(of: item)
            let details = entries.map(\.text)
            knowledge.commonPatterns.append(CommonPattern(
                name: head.title, confidence: head.facts["confidence"].flatMap { ConfidenceReader.read($0)?.value },
                usage: head.facts["usage"], source: head.facts["source"],
                details: details.map(\.plain), code: context.document.placedCodeSnippets(in: item, details: entries), line: head.line,
                detailsFormatted: details))
        }
        for (item, _) in items(titled: ["knowledge gaps", "gaps identified", "gaps"], context) {
            let head = Head(item, context.document)
            knowledge.gaps.append(KnowledgeGap(
                title: head.title, identifiedIn: head.facts["identified in"], priority: head.facts["priority"],
                details: context.document.details(of: item), line: head.line))
        }
        for section in context.sections(titled: ["improvement priorities", "priorities"], level: 2...6) {
            context.markLists(in: context.sections[section].blocks, as: .priorities)
        }
        for (item, _) in items(titled: ["improvement priorities", "priorities"], context) {
            let head = Head(item, context.document)
            let current = (head.facts["current confidence"] ?? head.facts["current"] ?? head.facts["confidence"]).flatMap { ConfidenceReader.read($0)?.value }
            let target = (head.facts["target"] ?? head.facts["target confidence"]).flatMap { number($0) }
            knowledge.priorities.append(ImprovementPriority(
                title: head.title, current: current, target: target, details: context.document.details(of: item), line: head.line))
        }
        return knowledge
    }

    /// The top-level items of sections with one of these titles (and their sub-sections).
    static func items(titled phrases: [String], _ context: ExtractionContext) -> [(Int32, Int)] {
        var result: [(Int32, Int)] = []
        var taken = Set<Int>()
        for section in context.sections(titled: phrases, level: 2...6) {
            if let parent = context.sections[section].parent, taken.contains(parent) { taken.insert(section); continue }
            taken.insert(section)
            for item in context.document.listItems(in: context.sections.allBlocks(of: section)) {
                result.append((item, section))
            }
        }
        return result
    }

    /// A plain number (`0.85`), for targets, which are thresholds rather than scores.
    static func number(_ text: String) -> Double? {
        let digits = text.trimmed.prefix { $0.isNumber || $0 == "." }
        return Double(digits)
    }
}

/// An item's head read as `**Title** (key: value, key: value)` or `Title: value (…)`.
struct Head {
    var title: String
    /// Facts from the parentheticals, keys lowercased (`learned from`, `confidence`).
    var facts: [String: String]
    /// The text after the title (after a colon), without parentheticals.
    var rest: String
    var text: String
    var line: Int

    init(_ item: Int32, _ document: MarkdownDocument) {
        let lines = document.head(of: item)
        let text = lines.map { $0.text.trimmingSpaces }.joined(separator: " ")
        self.text = text
        line = document.line(of: item)
        facts = [:]
        let (outside, groups) = TextShapes.parentheticals(Substring(text))
        for group in groups {
            for (key, value) in TextShapes.keyValues(group) where !key.isEmpty {
                if facts[key] == nil { facts[key] = value }
            }
        }
        if let strong = lines.first?.leadingStrong {
            title = strong.cleanedLabel
            let after = text.byteRange(of: String(strong)).map { text[$0.upperBound...] } ?? ""
            rest = TextShapes.parentheticals(after).outside.cleanedLabel
        } else if let (label, value) = TextShapes.labelValue(Substring(outside)) {
            title = label.cleanedLabel
            rest = String(value)
        } else {
            title = outside.cleanedLabel
            rest = ""
        }
        if title.isEmpty { title = text.cleanedLabel }
    }
}
