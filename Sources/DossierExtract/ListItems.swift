import DossierMarkdown
import DossierModel

/// Reading list items the way profiles use them: a head line (`**Key**: value (note)`),
/// nested sub-bullets as details, and code blocks inside.
extension MarkdownDocument {
    /// The items of every list among `blocks` (top-level items only), in order.
    func listItems(in blocks: [Int32]) -> [Int32] {
        blocks.filter { self[$0].kind == .list }.flatMap { Array(children(of: $0)) }
    }

    /// The first paragraph of an item, line by line; empty for an item that starts with
    /// something else.
    func head(of item: Int32) -> [InlineLine] {
        guard let first = children(of: item).first(where: { _ in true }) else {
            // An item whose text cmark read as a link reference definition
            // (`- [Task type 1]: 0.90 (note)`) has no children; its words are still the
            // author's, so read them from the source line.
            let text = rawItemText(item)
            return text.isEmpty ? [] : [InlineLine(text: text, strong: [], links: [], isEmphasized: false, line: line(of: item), formatted: InlineText(plain: text))]
        }
        guard self[first].kind == .paragraph else { return [] }
        return inlineLines(of: first)
    }

    /// The text of an item's first source line after its list marker.
    func rawItemText(_ item: Int32) -> String {
        let node = self[item]
        let source = line(Int(node.range.start.line))
        let afterIndent = source.utf8.dropFirst(max(0, Int(node.range.start.column) - 1))
        var text = Substring(String(decoding: afterIndent, as: UTF8.self))
        let marker = text.prefix { $0 == "-" || $0 == "*" || $0 == "+" || $0.isNumber || $0 == "." || $0 == ")" }
        text = text.dropFirst(marker.count)
        return String(text.trimmed)
    }

    /// An item's head as one line of text.
    func headText(of item: Int32) -> String {
        Self.text(ofHead: head(of: item))
    }

    /// A head's lines as one line of text.
    static func text(ofHead lines: [InlineLine]) -> String {
        lines.map { $0.text.trimmingSpaces }.joined(separator: " ")
    }

    /// ``headText(of:)`` with its formatting.
    func headFormatted(of item: Int32) -> InlineText {
        InlineText.joined(head(of: item).map(\.formatted.trimmingSpaces), separator: " ")
    }

    /// The items of lists nested directly in an item.
    func subItems(of item: Int32) -> [Int32] {
        Array(children(of: item)).filter { self[$0].kind == .list }.flatMap { Array(children(of: $0)) }
    }

    /// Everything in an item after its head, as text lines: nested items (at any depth) and
    /// further paragraphs. Code blocks are left to ``codeSnippets(in:)``.
    func details(of item: Int32) -> [String] {
        detailsFormatted(of: item).map(\.plain)
    }

    /// ``details(of:)`` with their formatting: the same entries in the same order.
    func detailsFormatted(of item: Int32) -> [InlineText] {
        detailEntries(of: item).map(\.text)
    }

    /// ``detailsFormatted(of:)`` with the source line of each entry.
    func detailEntries(of item: Int32) -> [(text: InlineText, line: Int)] {
        var result: [(text: InlineText, line: Int)] = []
        var isFirst = true
        for child in children(of: item) {
            defer { isFirst = false }
            switch self[child].kind {
            case .paragraph where !isFirst:
                result += inlineLines(of: child).map { ($0.formatted.trimmingSpaces, $0.line) }
            case .list:
                for sub in children(of: child) {
                    let text = headFormatted(of: sub)
                    if !text.spans.isEmpty { result.append((text, line(of: sub))) }
                    result += detailEntries(of: sub)
                }
            default:
                break
            }
        }
        return result
    }

    /// ``codeSnippets(in:)`` of an item, each placed under the detail entry it follows in
    /// the source (`- **CDK Stack Pattern**:` and the code block indented under it), so a
    /// guide can show the code where the author put it.
    func placedCodeSnippets(in item: Int32, details: [(text: InlineText, line: Int)]) -> [CodeSnippet] {
        codeSnippets(in: item).map { snippet in
            var placed = snippet
            placed.detail = details.lastIndex { $0.line < snippet.line }
            return placed
        }
    }

    /// Code blocks anywhere inside a node.
    func codeSnippets(in node: Int32) -> [CodeSnippet] {
        var snippets: [CodeSnippet] = []
        var i = node + 1
        while i < self[node].end {
            let child = self[i]
            if child.kind == .codeBlock {
                var language: String?
                if case .codeBlock(let info, _) = child.detail, let word = info.split(separator: " ").first { language = String(word) }
                snippets.append(CodeSnippet(language: language, code: child.literal, line: Int(child.range.start.line)))
            }
            i += 1
        }
        return snippets
    }

    /// The 1-based source line a node starts on.
    func line(of node: Int32) -> Int { Int(self[node].range.start.line) }
}

/// Every list item's head (`MarkdownDocument.head(of:)`) and its text as one line
/// (`headText(of:)`), read once for the readers that visit every item of a profile —
/// scores and relations — instead of once by each. Indexed by node.
struct ItemHeads {
    struct Head {
        let lines: [InlineLine]
        let text: String
    }

    private let heads: [Head?]

    init(_ document: MarkdownDocument) {
        heads = document.nodes.indices.map { index in
            guard document.nodes[index].kind == .item else { return nil }
            let lines = document.head(of: Int32(index))
            return Head(lines: lines, text: MarkdownDocument.text(ofHead: lines))
        }
    }

    /// The head of `item`, which must be a list item of the document.
    subscript(item: Int32) -> Head {
        heads[Int(item)] ?? Head(lines: [], text: "")
    }
}
