import DossierMarkdown
import DossierModel

/// One line of a paragraph's text as a reader sees it (emphasis markers gone, code spans and
/// link text kept), with where the bold runs are: line-shape parsing reads `**Key**: value`
/// from it.
struct InlineLine: Sendable, Hashable {
    var text: String
    /// Bold runs, as ranges of `text`.
    var strong: [Range<String.Index>]
    /// Link destinations in order, for "Related Patterns".
    var links: [String]
    /// The whole line is emphasised (`*Tasks where this agent excels*`).
    var isEmphasized: Bool
    var line: Int
    /// The same line with its formatting as values; its ``InlineText/plain`` is `text`, so
    /// a range found in `text` cuts the same part out of it.
    var formatted = InlineText()

    /// The leading bold run when the line starts with one: `**Lambda**: 0.92` → `Lambda`.
    var leadingStrong: Substring? {
        guard let first = strong.first else { return nil }
        let before = text[text.startIndex..<first.lowerBound]
        guard before.allSatisfy({ $0 == " " || Emoji.isDecoration($0) }) else { return nil }
        return text[first]
    }
}

extension MarkdownDocument {
    /// The text of a paragraph, heading or table cell, split at line breaks.
    func inlineLines(of index: Int32) -> [InlineLine] {
        let node = self[index]
        var lines: [InlineLine] = []
        var current = InlineLine(text: "", strong: [], links: [], isEmphasized: false, line: Int(node.range.start.line))
        var strongStarts: [(String.Index, Int32)] = []
        var emphasisEnds: [Int32] = []
        var emphasized = true
        // Open bold, emphasis and link containers, innermost last, and the line's finished spans.
        var open: [(span: InlineSpan, end: Int32, children: [InlineSpan])] = []
        var spans: [InlineSpan] = []
        func add(_ span: InlineSpan) {
            if open.isEmpty { spans.append(span) } else { open[open.count - 1].children.append(span) }
        }
        func closeInnermost() {
            let (container, _, children) = open.removeLast()
            switch container {
            case .strong: add(.strong(children))
            case .emphasis: add(.emphasis(children))
            case .link(let url, _): add(.link(url: url, children))
            case .text, .code: break
            }
        }
        func finish() {
            current.isEmphasized = emphasized && !current.text.trimmingSpaces.isEmpty
            // A container open across a line break is closed here and opened again on the next line.
            let reopen = open.map { ($0.span, $0.end, [InlineSpan]()) }
            while !open.isEmpty { closeInnermost() }
            current.formatted = InlineText(spans).merged
            spans = []
            open = reopen
            lines.append(current)
        }
        var i = index + 1
        while i < node.end {
            // Close bold runs that ended before this node.
            while let (start, end) = strongStarts.last, end <= i {
                current.strong.append(start..<current.text.endIndex)
                strongStarts.removeLast()
            }
            while let end = emphasisEnds.last, end <= i { emphasisEnds.removeLast() }
            while let end = open.last?.end, end <= i { closeInnermost() }
            let child = self[i]
            switch child.kind {
            case .text, .code:
                if emphasisEnds.isEmpty && !child.literal.allSatisfy({ $0 == " " }) { emphasized = false }
                current.text += child.literal
                add(child.kind == .code ? .code(child.literal) : .text(child.literal))
            case .softBreak, .lineBreak:
                while let (start, _) = strongStarts.popLast() { current.strong.append(start..<current.text.endIndex) }
                finish()
                current = InlineLine(text: "", strong: [], links: [], isEmphasized: false, line: current.line + 1)
                emphasized = true
                strongStarts.removeAll()
            case .strong:
                strongStarts.append((current.text.endIndex, child.end))
                open.append((.strong([]), child.end, []))
            case .emphasis:
                emphasisEnds.append(child.end)
                open.append((.emphasis([]), child.end, []))
            case .link:
                if case .link(let url, _) = child.detail {
                    current.links.append(url)
                    open.append((.link(url: url, []), child.end, []))
                }
            case .image:
                // Alt text only: skip the image's children after taking their text.
                let alt = plainText(of: i)
                current.text += alt
                add(.text(alt))
                i = child.end
                continue
            default:
                break
            }
            i += 1
        }
        while let (start, _) = strongStarts.popLast() { current.strong.append(start..<current.text.endIndex) }
        current.strong.sort { $0.lowerBound < $1.lowerBound }
        finish()
        return lines.filter { !$0.text.trimmingSpaces.isEmpty }
    }

    /// A paragraph's or cell's text on one line.
    func flatText(of index: Int32) -> String {
        inlineLines(of: index).map { $0.text.trimmingSpaces }.joined(separator: " ")
    }

    /// ``flatText(of:)`` with its formatting.
    func flatFormatted(of index: Int32) -> InlineText {
        InlineText.joined(inlineLines(of: index).map(\.formatted.trimmingSpaces), separator: " ")
    }
}

/// Emoji that decorate list items (`✅ Use when`, `⚠️ Moderate confidence`) rather than say
/// anything; shapes are read past them.
enum Emoji {
    static func isDecoration(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        if scalar.properties.isEmojiPresentation { return true }
        switch scalar.value {
        case 0x2190...0x21FF: return false  // arrows carry meaning
        case 0x2600...0x27BF, 0x2B00...0x2BFF, 0x1F000...0x1FAFF: return true
        default: return false
        }
    }
}
