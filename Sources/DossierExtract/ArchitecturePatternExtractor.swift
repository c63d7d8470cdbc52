import DossierCore
import DossierMarkdown
import DossierModel

/// Reads a profile's architecture patterns: each H3 under an H2 that holds "Architecture
/// Patterns" (or "Validated Patterns", "Proven Patterns"), such as
/// `### Pattern 1: Serverless API with Python` or `### ALB OIDC Pattern (Confidence: 0.92)`.
struct ArchitecturePatternExtractor {
    let profileID: String

    func extract(_ context: inout ExtractionContext) -> [Pattern] {
        var patterns: [Pattern] = []
        var usedIDs = Set<String>()
        let parents = context.sections.sections { entry in
            entry.level == 2 && (TitleMatch.contains(entry.title, "architecture patterns")
                || (TitleMatch.contains(entry.title, "patterns") && TitleMatch.containsAny(entry.title, ["validated", "proven", "production validated"])))
        }
        for parent in parents {
            for child in context.sections[parent].children {
                var pattern = read(child, context: &context)
                var id = pattern.id
                var n = 2
                while !usedIDs.insert(id).inserted { id = "\(pattern.id)-\(n)"; n += 1 }
                pattern.id = id
                patterns.append(pattern)
                // The `**Confidence**: … | **Cost**: …` paragraph: the page shows it as a facts strip.
                if let facts = context.sections[child].blocks.first(where: { block in
                    context.document[block].kind == .paragraph
                        && context.document.inlineLines(of: block).allSatisfy { !MarkdownDocument.labelParts(of: $0).isEmpty }
                }) {
                    context.regions.append(PageRegion(kind: .patternFacts(pattern: id), node: facts))
                }
            }
        }
        return patterns
    }

    private func read(_ section: Int, context: inout ExtractionContext) -> Pattern {
        let entry = context.sections[section]
        let heading = Self.heading(entry.title)
        var pattern = Pattern(id: "\(profileID)-\(Slug.make(heading.title))", kind: .architecture, title: heading.title,
                              source: SourceRef(path: context.path, line: entry.line))
        pattern.profile = profileID
        pattern.number = heading.number
        pattern.status = heading.status
        pattern.confidence = heading.confidence

        let blocks = context.sections.allBlocks(of: section)
        let labeled = context.document.labeledBlocks(blocks)
        for block in labeled where !block.label.isEmpty {
            if let inline = block.inline { pattern.properties.append(Property(key: block.label, value: inline, line: block.line)) }
            let key = TitleMatch.normalized(block.label)
            guard let value = block.inline else { continue }
            switch key {
            case "confidence", "confidence level":
                if let reading = ConfidenceReader.read(value) {
                    pattern.confidence = reading.value
                    pattern.level = reading.level
                }
            case "cost", "estimated cost", "monthly cost", "cost estimate":
                let cost = CostParser.parse(value)
                pattern.cost = cost
                if !cost.parsed {
                    context.note("pattern.cost-unparsed", "cost ‘\(value)’ of pattern ‘\(pattern.title)’ has no amount Dossier can read; it is kept as text", line: block.line)
                }
            case "proven in", "validated in", "used in":
                pattern.provenIn = value.split(separator: ",").map { String($0.trimmed) }.filter { !$0.isEmpty }
            case "use case", "use cases":
                pattern.useCase = value
            default:
                break
            }
        }
        PatternFields.apply(labeled, to: &pattern)
        if let diagram = blocks.first(where: { DiagramBlocks.isCandidate(context.document, $0) }) {
            pattern.diagramBlock = DiagramBlocks.textBlock(context.document, diagram)
        }
        return pattern
    }

    struct Heading {
        var number: Int?
        var title: String
        var status: String?
        var confidence: Double?
    }

    /// `Pattern 2: Container-Based API (Future)` → number 2, title, status `Future`;
    /// `ALB OIDC Pattern (Confidence: 0.92)` → confidence 0.92.
    static func heading(_ text: String) -> Heading {
        var result = Heading(title: text)
        var rest = Substring(text).trimmed
        if rest.lowercased().hasPrefix("pattern ") {
            let afterWord = rest.dropFirst("pattern ".count)
            let digits = afterWord.prefix { $0.isNumber }
            if !digits.isEmpty, let number = Int(digits) {
                let afterNumber = afterWord.dropFirst(digits.count).trimmed
                if afterNumber.hasPrefix(":") || afterNumber.hasPrefix(".") || afterNumber.hasPrefix("-") || afterNumber.hasPrefix("–") {
                    result.number = number
                    rest = afterNumber.dropFirst().trimmed
                }
            }
        }
        let (outside, groups) = TextShapes.parentheticals(rest)
        var kept: [Substring] = []
        for group in groups {
            if let reading = ConfidenceReader.read(String(group)), TitleMatch.normalized(String(group)).contains("confidence") || group.trimmed.first?.isNumber == true {
                result.confidence = reading.value
            } else if group.split(separator: " ").count <= 2, group.first?.isUppercase == true {
                result.status = String(group.trimmed)
            } else {
                kept.append(group)
            }
        }
        result.title = kept.isEmpty ? outside : outside + " " + kept.map { "(\($0))" }.joined(separator: " ")
        if result.title.isEmpty { result.title = text }
        return result
    }
}

/// Which fenced code blocks may be diagrams (the diagrams module decides for certain): no
/// info string, `text`, `mermaid`, and arrows or a Mermaid header inside.
enum DiagramBlocks {
    static let arrows = ["→", "←", "↓", "↑", "->", "-->", "==>", "⇒"]

    static func isCandidate(_ document: MarkdownDocument, _ block: Int32) -> Bool {
        let node = document[block]
        guard node.kind == .codeBlock, case .codeBlock(let info, _) = node.detail else { return false }
        let language = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
        guard ["", "text", "txt", "mermaid", "plain", "plaintext"].contains(language) else { return false }
        return arrows.contains { node.literal.contains($0) }
    }

    static func textBlock(_ document: MarkdownDocument, _ block: Int32) -> TextBlock {
        let node = document[block]
        var info = ""
        if case .codeBlock(let value, _) = node.detail { info = value }
        return TextBlock(info: info, text: node.literal, line: Int(node.range.start.line))
    }
}
