import DossierCore
import DossierMarkdown
import DossierModel

/// Reads troubleshooting in both shapes profiles use: one-liners
/// (`- **Problem** → Solution: text (success rate: 100%)`) and `#### Issue: Title` blocks
/// with **Symptoms**, **Root Causes**, **Diagnostic Steps** and **Resolution**.
struct TroubleshootingExtractor {
    static func extract(_ context: inout ExtractionContext) -> [TroubleshootingEntry] {
        var entries: [TroubleshootingEntry] = []
        var taken = Set<Int>()
        for section in context.sections(titled: ["troubleshooting", "common issues", "known issues"], level: 2...6) {
            if let parent = context.sections[section].parent, taken.contains(parent) { taken.insert(section); continue }
            taken.insert(section)
            entries += oneLiners(in: context.sections[section].blocks, context: context)
            context.markLists(in: context.sections[section].blocks, as: .troubleshooting)
            for child in descendants(of: section, context.sections) {
                taken.insert(child)
                let entry = context.sections[child]
                if entry.children.isEmpty || !entry.blocks.isEmpty {
                    if let block = block(child, context: context) { entries.append(block) }
                }
            }
        }
        return entries.sorted { $0.line < $1.line }
    }

    static func descendants(of section: Int, _ sections: SectionIndex) -> [Int] {
        sections[section].children.flatMap { [$0] + descendants(of: $0, sections) }
    }

    static func oneLiners(in blocks: [Int32], context: ExtractionContext) -> [TroubleshootingEntry] {
        let document = context.document
        var entries: [TroubleshootingEntry] = []
        for item in document.listItems(in: blocks) {
            let lines = document.head(of: item)
            let text = lines.map { $0.text.trimmingSpaces }.joined(separator: " ")
            guard !text.isEmpty else { continue }
            let formatted = InlineText.joined(lines.map(\.formatted.trimmingSpaces), separator: " ")
            var problem: String
            var solution: String
            var solutionFormatted: InlineText
            if let arrow = text.byteRange(of: "→") ?? text.byteRange(of: "->") {
                problem = text[..<arrow.lowerBound].cleanedLabel
                solution = String(text[arrow.upperBound...])
                solutionFormatted = formatted.slice(arrow.upperBound..<text.endIndex, of: text)
            } else if let strong = lines.first?.leadingStrong, let (_, value) = TextShapes.labelValue(Substring(text)) {
                problem = strong.cleanedLabel
                solution = String(value)
                solutionFormatted = formatted.slice(value.startIndex..<value.endIndex, of: text)
            } else {
                continue
            }
            let rate = TextShapes.successRate(solution)
            var cleaned = Substring(solution).trimmed
            if cleaned.lowercased().hasPrefix("solution:") { cleaned = cleaned.dropFirst("solution:".count).trimmed }
            if let open = cleaned.lastIndex(of: "("), cleaned[open...].lowercased().contains("success") { cleaned = cleaned[..<open].trimmed }
            if problem.isEmpty { problem = text }
            // `cleaned` is a slice of `solution`, which has the same bytes as `solutionFormatted`.
            solutionFormatted = solutionFormatted.slice(cleaned.startIndex..<cleaned.endIndex, of: solution)
            let details = document.details(of: item)
            entries.append(TroubleshootingEntry(shape: .oneLine, problem: problem, solution: String(cleaned), successRate: rate,
                                                diagnosticSteps: details, line: document.line(of: item), solutionFormatted: solutionFormatted))
        }
        return entries
    }

    /// An `#### Issue: Title` block (any sub-heading of a troubleshooting section).
    static func block(_ section: Int, context: ExtractionContext) -> TroubleshootingEntry? {
        let entry = context.sections[section]
        var title = entry.title
        for prefix in ["Issue:", "Problem:", "Error:", "Symptom:"] where title.hasPrefix(prefix) {
            title = String(title.dropFirst(prefix.count).trimmed)
        }
        var result = TroubleshootingEntry(shape: .block, problem: title, line: entry.line)
        for block in context.document.labeledBlocks(entry.blocks) {
            let label = TitleMatch.normalized(block.label)
            let rate = block.qualifier.flatMap { TextShapes.successRate($0) } ?? block.inline.flatMap { TextShapes.successRate($0) }
            if label.hasPrefix("symptom") {
                result.symptoms = ([block.inline].compactMap { $0 } + block.items).joined(separator: "; ")
            } else if label.hasPrefix("root cause") || label == "cause" || label == "causes" {
                result.rootCauses += block.allText
            } else if label.hasPrefix("diagnostic") || label.hasPrefix("diagnosis") || label.hasPrefix("step") || label.hasPrefix("investigation") {
                result.diagnosticSteps += label.hasPrefix("step") ? [block.label + (block.inline.map { ": " + $0 } ?? "")] + block.items : block.allText
                if result.successRate == nil { result.successRate = rate }
            } else if label.hasPrefix("resolution") || label.hasPrefix("solution") || label.hasPrefix("fix") || label.hasPrefix("remedy") || label.hasPrefix("workaround") {
                let text = block.allText.joined(separator: "; ")
                if !text.isEmpty { result.resolution = [result.resolution, text].compactMap { $0 }.joined(separator: "; ") }
                else if let code = block.code.first { result.resolution = code.code.trimmingSpaces }
                if let rate { result.successRate = rate }
            }
        }
        result.solution = result.resolution
        result.solutionFormatted = result.resolution.map { InlineText(plain: $0) }
        // Nothing recognisable: not a troubleshooting entry, just a sub-section.
        if result.symptoms == nil && result.rootCauses.isEmpty && result.resolution == nil && result.diagnosticSteps.isEmpty { return nil }
        return result
    }
}
