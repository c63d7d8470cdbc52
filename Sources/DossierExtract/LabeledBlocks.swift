import Foundation
import DossierCore
import DossierMarkdown
import DossierModel

/// A run of content introduced by a bold label: `**When to use**:` and the list under it,
/// `**Symptoms**: text`, `**Cost**: $10-20/month`. Profiles structure most sub-sections
/// this way.
struct LabeledBlock {
    /// The label without `**` and the colon: `When to use`.
    var label: String
    /// A parenthetical between label and colon: `(92% success rate)`.
    var qualifier: String?
    /// Text on the label's own line after the colon.
    var inline: String?
    /// List items (their heads) and paragraph lines that follow, until the next label.
    var items: [String]
    /// Nested details of those items, flattened.
    var details: [String]
    var code: [CodeSnippet]
    /// List item nodes that follow, for readers that want their structure.
    var itemNodes: [Int32]
    /// The source line of each entry of `items`.
    var itemLines: [Int] = []
    var line: Int

    /// `inline` and `items` with their formatting, entry for entry.
    var inlineFormatted: InlineText?
    var itemsFormatted: [InlineText] = []

    /// The inline text and the items together.
    var allText: [String] { (inline.map { [$0] } ?? []) + items }
    /// ``allText`` with its formatting.
    var allFormatted: [InlineText] { (inlineFormatted.map { [$0] } ?? []) + itemsFormatted }
}

extension MarkdownDocument {
    /// Splits blocks into labelled runs. Content before the first label goes into a run with
    /// an empty label. A paragraph may hold several labels, one per line; `**Key**: a |
    /// **Key**: b` lines hold several labels on one line.
    func labeledBlocks(_ blocks: [Int32]) -> [LabeledBlock] {
        var result: [LabeledBlock] = []
        var current = LabeledBlock(label: "", qualifier: nil, inline: nil, items: [], details: [], code: [], itemNodes: [], line: blocks.first.map { line(of: $0) } ?? 0)
        func startNew(_ block: LabeledBlock) {
            if !current.label.isEmpty || !current.items.isEmpty || current.inline != nil || !current.code.isEmpty { result.append(current) }
            current = block
        }
        for block in blocks {
            let node = self[block]
            switch node.kind {
            case .paragraph:
                for line in inlineLines(of: block) {
                    let parts = Self.labelParts(of: line)
                    if parts.isEmpty {
                        // Text after a list starts a new run; text right under a label belongs to it.
                        if !current.itemNodes.isEmpty { startNew(LabeledBlock(label: "", qualifier: nil, inline: nil, items: [], details: [], code: [], itemNodes: [], line: line.line)) }
                        current.items.append(line.text.trimmingSpaces)
                        current.itemsFormatted.append(line.formatted.trimmingSpaces)
                        current.itemLines.append(line.line)
                        continue
                    }
                    for part in parts {
                        startNew(LabeledBlock(label: part.label, qualifier: part.qualifier, inline: part.inline, items: [], details: [],
                                              code: [], itemNodes: [], line: line.line, inlineFormatted: part.formatted))
                    }
                }
            case .list:
                for item in children(of: block) {
                    let text = headFormatted(of: item)
                    if !text.spans.isEmpty {
                        current.items.append(text.plain)
                        current.itemsFormatted.append(text)
                        current.itemLines.append(self.line(of: item))
                    }
                    current.details += details(of: item)
                    current.code += codeSnippets(in: item)
                    current.itemNodes.append(item)
                }
            case .codeBlock:
                current.code.append(snippet(block))
            case .thematicBreak:
                startNew(LabeledBlock(label: "", qualifier: nil, inline: nil, items: [], details: [], code: [], itemNodes: [], line: line(of: block)))
            case .heading:
                startNew(LabeledBlock(label: plainText(of: block).trimmingSpaces, qualifier: nil, inline: nil, items: [], details: [],
                                      code: [], itemNodes: [], line: line(of: block)))
            case .table:
                for row in children(of: block) {
                    let cells = InlineText.joined(children(of: row).map { flatFormatted(of: $0) }, separator: " | ")
                    current.items.append(cells.plain)
                    current.itemsFormatted.append(cells)
                    current.itemLines.append(line(of: row))
                }
            default:
                break
            }
        }
        startNew(LabeledBlock(label: "", qualifier: nil, inline: nil, items: [], details: [], code: [], itemNodes: [], line: 0))
        return result
    }

    func snippet(_ block: Int32) -> CodeSnippet {
        var language: String?
        if case .codeBlock(let info, _) = self[block].detail, let word = info.split(separator: " ").first { language = String(word) }
        return CodeSnippet(language: language, code: self[block].literal, line: line(of: block))
    }

    /// The labels on one line: `**Symptoms**: text`, `**Root Causes** (based on X):`,
    /// `**Pattern Type:** value`, `**Confidence**: 0.92 | **Cost**: $10-20/month`.
    static func labelParts(of line: InlineLine) -> [(label: String, qualifier: String?, inline: String?, formatted: InlineText?)] {
        guard let strong = line.leadingStrong else { return [] }
        var parts: [(String, String?, String?, InlineText?)] = []
        // Split `A | B | C` segments that each start with a bold label.
        let segments = line.text.splitting(by: " | ")
        let labeled = segments.count > 1 && segments.allSatisfy { $0.trimmed.first != nil }
        for (i, segment) in (labeled ? segments : [line.text]).enumerated() {
            let text = Substring(segment)
            let label: String
            var rest: Substring
            if i == 0 {
                label = String(strong)
                let afterStrong = line.text.index(strong.endIndex, offsetBy: 0)
                rest = line.text[afterStrong...]
                if labeled { rest = rest[..<(rest.byteRange(of: " | ")?.lowerBound ?? rest.endIndex)] }
            } else {
                guard let colon = text.firstIndex(of: ":") else { return labeled && i > 0 ? parts : [] }
                label = String(text[..<colon])
                rest = text[colon...]
            }
            var qualifier: String?
            var trimmedRest = rest.trimmed
            if trimmedRest.hasPrefix("(") , let close = trimmedRest.firstIndex(of: ")") {
                qualifier = String(trimmedRest[trimmedRest.index(after: trimmedRest.startIndex)..<close])
                trimmedRest = trimmedRest[trimmedRest.index(after: close)...].trimmed
            }
            let endsWithColon = label.hasSuffix(":")
            if !endsWithColon && !trimmedRest.hasPrefix(":") {
                // Bold text that is not a label (`**Important** text`): not a labelled line.
                if i == 0 { return [] }
                continue
            }
            if trimmedRest.hasPrefix(":") { trimmedRest = trimmedRest.dropFirst().trimmed }
            let inline = trimmedRest.isEmpty ? nil : String(trimmedRest)
            // The first segment is a slice of the line, so its formatting can be cut out too;
            // later `| **Key**: value` segments are short facts, kept as plain text.
            let formatted = inline.map { i == 0 ? line.formatted.slice(trimmedRest.startIndex..<trimmedRest.endIndex, of: line.text) : InlineText(plain: $0) }
            parts.append((label.cleanedLabel, qualifier, inline, formatted))
        }
        return parts
    }
}

/// Matching section titles by the words in them, whatever their case, punctuation or emoji.
enum TitleMatch {
    /// Lowercased words of a title, `&` read as `and`.
    ///
    /// Called for every heading, label and list item a reader looks at, so ASCII titles (nearly
    /// all of them) take a byte path: `Character.isLetter` consults Unicode tables each time.
    static func normalized(_ title: String) -> String {
        if title.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(title.utf8.count)
            var space = false
            for byte in title.utf8 {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if space && !bytes.isEmpty { bytes.append(0x20) }
                    space = false
                    bytes.append(lower)
                } else if lower == 0x26 {  // &
                    if !bytes.isEmpty { bytes.append(0x20) }
                    bytes += [0x61, 0x6E, 0x64]
                    space = true
                } else {
                    space = true
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        for character in title.lowercased() {
            if character == "&" { out += " and " }
            else if character.isLetter || character.isNumber { out.append(character) }
            else { out.append(" ") }
        }
        return out.split(separator: " ").joined(separator: " ")
    }

    static func contains(_ title: String, _ phrase: String) -> Bool {
        holds(padded(title), phrase)
    }

    static func containsAny(_ title: String, _ phrases: [String]) -> Bool {
        let words = padded(title)
        return phrases.contains { holds(words, $0) }
    }

    /// The normalised title with a space at each end, the form `holds` searches; sections
    /// keep theirs, since every extractor looks for its titles among the same headings.
    static func padded(_ title: String) -> String {
        " " + normalized(title) + " "
    }

    /// Whether `words` (`padded`) has `phrase` (normalised words) as whole words. Compares
    /// bytes in place: this runs for every section and phrase of every extractor.
    static func holds(_ words: String, _ phrase: String) -> Bool {
        var words = words
        var phrase = phrase
        return words.withUTF8 { w in
            phrase.withUTF8 { p in
                guard !p.isEmpty else { return true }
                guard p.count + 2 <= w.count else { return false }
                for start in 1...(w.count - p.count - 1) where w[start - 1] == 0x20 && w[start + p.count] == 0x20 {
                    if memcmp(w.baseAddress! + start, p.baseAddress!, p.count) == 0 { return true }
                }
                return false
            }
        }
    }
}
