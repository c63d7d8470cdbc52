import DossierCore
import DossierMarkdown
import DossierModel

/// Reads a pattern document (`content/patterns/*.md`): the `**Key**: value` metadata block
/// before the first H2, the problem statement, `Step N` sections, related patterns and the
/// sections that map to guide fields. Pattern files share no fixed skeleton, so every part
/// is optional.
struct PatternDocumentExtractor {
    let id: String
    let title: String

    func extract(_ context: inout ExtractionContext) -> Pattern {
        let document = context.document
        var pattern = Pattern(id: id, kind: .document, title: title, source: SourceRef(path: context.path, line: 1))
        pattern.document = id

        // Metadata: labelled lines before the first H2.
        var head: [Int32] = []
        for block in document.children(of: document.root) {
            if case .heading(let level) = document[block].detail {
                if level >= 2 { break }
                continue
            }
            head.append(block)
        }
        let metadata = document.labeledBlocks(head).filter { !$0.label.isEmpty && $0.inline != nil }
        read(metadata, into: &pattern, context: &context)
        // A paragraph of nothing but `**Key**: value` lines is shown as the facts strip.
        for block in head where document[block].kind == .paragraph {
            let blocks = document.labeledBlocks([block])
            if !blocks.isEmpty && blocks.allSatisfy({ !$0.label.isEmpty && $0.inline != nil && $0.items.isEmpty }) {
                context.regions.append(PageRegion(kind: .patternFacts(pattern: id), node: block))
            }
        }
        if pattern.confidence == nil {
            // Some documents state it at the end instead (`**Pattern Confidence:** 0.92`).
            let tail = document.labeledBlocks(Array(document.children(of: document.root)).filter { document[$0].kind == .paragraph })
            if let block = tail.last(where: { TitleMatch.normalized($0.label).contains("confidence") && $0.inline != nil }),
               let reading = ConfidenceReader.read(block.inline!) {
                pattern.confidence = reading.value
                pattern.level = reading.level
            }
        }

        for index in context.sections.indices.dropFirst() {
            let entry = context.sections[index]
            let normalized = TitleMatch.normalized(entry.title)
            if pattern.problem == nil, ["problem statement", "problem", "the problem this solves", "problem solved", "the problem", "challenge"].contains(normalized) {
                pattern.problem = problem(entry, context: context)
            } else if let step = step(entry, index: index, context: context) {
                pattern.implementation.append(step)
            } else if normalized.hasPrefix("related patterns") || normalized == "related" || normalized.hasPrefix("see also") || normalized.hasPrefix("related files") {
                pattern.relatedPatterns += related(entry, context: context)
            } else {
                let field = PatternFields.field(for: entry.title)
                let blocks = document.labeledBlocks(context.sections.allBlocks(of: index))
                let items = blocks.flatMap(\.allText)
                let formatted = blocks.flatMap(\.allFormatted)
                switch field {
                case .whenToUse: pattern.add(items, formatted, to: \.whenToUse, \.whenToUseFormatted)
                case .whenNotToUse: pattern.add(items, formatted, to: \.whenNotToUse, \.whenNotToUseFormatted)
                case .prerequisites: pattern.add(items, formatted, to: \.prerequisites, \.prerequisitesFormatted)
                case .monitoring: pattern.add(items, formatted, to: \.monitoring, \.monitoringFormatted)
                case .rollback: pattern.add(items, formatted, to: \.rollback, \.rollbackFormatted)
                case .implementation, .none: break
                }
            }
        }
        let diagrams = Array(document.children(of: document.root)).filter { DiagramBlocks.isCandidate(document, $0) }
        pattern.diagramBlock = diagrams.first.map { DiagramBlocks.textBlock(document, $0) }
        return pattern
    }

    private func read(_ metadata: [LabeledBlock], into pattern: inout Pattern, context: inout ExtractionContext) {
        for block in metadata {
            guard let value = block.inline else { continue }
            pattern.properties.append(Property(key: block.label, value: value, line: block.line))
            switch TitleMatch.normalized(block.label) {
            case "pattern type", "type":
                pattern.patternType = value
            case "tools", "tool", "mcp tools":
                pattern.tools = value.split(separator: ",").map { String($0.trimmed) }.filter { !$0.isEmpty }
            case "confidence", "confidence level", "pattern confidence":
                if let reading = ConfidenceReader.read(value) {
                    pattern.confidence = reading.value
                    pattern.level = reading.level
                    let note = value[reading.end...].cleanedLabel
                    pattern.confidenceNote = note.isEmpty ? nil : TextShapes.parentheticals(Substring(note)).outside.isEmpty ? String(note.trimmingCharacters("()")) : note
                }
            case "primary users", "users", "used by", "primary agents", "agents":
                for name in value.split(separator: ",") {
                    let target = AgentNames.leading(name) ?? String(name.trimmed)
                    guard !target.isEmpty else { continue }
                    pattern.relations.append(Relation(kind: .usedBy, direction: .incoming, target: target, line: block.line))
                }
            case "cost", "estimated cost":
                pattern.cost = CostParser.parse(value)
            case "proven in", "validated", "validated in":
                pattern.provenIn = value.split(separator: ",").map { String($0.trimmed) }
            default:
                break
            }
        }
    }

    private func problem(_ entry: SectionIndex.Entry, context: ExtractionContext) -> ProblemStatement {
        var problem = ProblemStatement(line: entry.line)
        var other: [String] = []
        for block in context.document.labeledBlocks(entry.blocks) {
            let text = block.allText.joined(separator: " ")
            switch TitleMatch.normalized(block.label) {
            case "scenario": problem.scenario = text
            case "challenge": problem.challenge = text
            case "goal", "goals": problem.goal = text
            case "symptoms", "symptom", "trigger symptoms": problem.symptoms = text
            case "": other += block.items
            default: other.append("\(block.label): \(text)")
            }
        }
        problem.text = other.isEmpty ? nil : other.joined(separator: "\n")
        return problem
    }

    /// `### Step 3: Dependency Analysis (dbt-mcp)`, `#### Step 2A: Check Fact Tables`.
    private func step(_ entry: SectionIndex.Entry, index: Int, context: ExtractionContext) -> PatternStep? {
        let title = Substring(entry.title).trimmed
        guard title.lowercased().hasPrefix("step ") else { return nil }
        let afterWord = title.dropFirst(5)
        let number = afterWord.prefix { $0.isNumber || $0.isUppercase && $0.isLetter && $0.isASCII }
        guard number.first?.isNumber == true else { return nil }
        let rest = afterWord.dropFirst(number.count).trimmingCharacters(" :.-–")
        let document = context.document
        var texts: [InlineText] = []
        var items: [InlineText] = []
        for block in entry.blocks {
            switch document[block].kind {
            case .paragraph: texts.append(document.flatFormatted(of: block))
            case .list: items += document.children(of: block).map { document.headFormatted(of: $0) }
            default: break
            }
        }
        let code = context.sections.allBlocks(of: index).filter { document[$0].kind == .codeBlock }.map { document.snippet($0) }
        let text = texts.isEmpty ? nil : InlineText.joined(texts, separator: "\n")
        return PatternStep(number: String(number), title: rest.isEmpty ? String(title) : String(rest),
                           text: text?.plain, items: items.map(\.plain), code: code, line: entry.line,
                           textFormatted: text, itemsFormatted: items)
    }

    private func related(_ entry: SectionIndex.Entry, context: ExtractionContext) -> [RelatedLink] {
        let document = context.document
        return document.listItems(in: entry.blocks).map { item in
            let lines = document.head(of: item)
            let text = lines.map { $0.text.trimmingSpaces }.joined(separator: " ")
            let head = Head(item, document)
            var target = lines.first?.links.first
            if target == nil, let (_, value) = TextShapes.labelValue(Substring(text)) {
                let path = value.trimmingCharacters(" `")
                if path.contains("/") || path.hasSuffix(".md") { target = String(path) }
            }
            let note = head.rest.isEmpty || head.rest == target ? nil : head.rest
            return RelatedLink(title: head.title, target: target, note: note, line: head.line)
        }
    }
}
