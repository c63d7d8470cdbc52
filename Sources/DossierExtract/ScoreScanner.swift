import DossierMarkdown
import DossierModel

/// Finds every list item and table row that carries a confidence score, anywhere in a
/// document, and names what is scored.
struct ScoreScanner {
    let document: MarkdownDocument
    let sections: SectionIndex
    let heads: ItemHeads

    init(document: MarkdownDocument, sections: SectionIndex, heads: ItemHeads? = nil) {
        self.document = document
        self.sections = sections
        self.heads = heads ?? ItemHeads(document)
    }

    /// Labels that say "this is a score" rather than what is scored; such a score is named
    /// after its parent item or its heading instead.
    static let genericNames: Set<String> = [
        "confidence", "confidence level", "level", "score", "pattern confidence", "overall confidence", "rating",
        "current confidence", "confidence score",
    ]

    func scan() -> [Score] {
        var scores: [Score] = []
        for index in document.nodes.indices {
            let node = document.nodes[index]
            switch node.kind {
            case .item:
                if let score = score(forItem: Int32(index)) { scores.append(score) }
            case .tableRow:
                if case .tableRow(false) = node.detail, let score = score(forRow: Int32(index)) { scores.append(score) }
            default:
                break
            }
        }
        return scores
    }

    private func score(forItem item: Int32) -> Score? {
        let head = heads[item]
        guard let first = head.lines.first else { return nil }
        let text = head.text
        guard let reading = ConfidenceReader.read(text) else { return nil }
        var name = Self.name(in: text, before: reading.start, leadingStrong: first.leadingStrong.map(String.init))
        if name.isEmpty || Self.genericNames.contains(name.lowercased()) {
            name = contextName(of: item)
        }
        return makeScore(name: name, reading: reading, node: item)
    }

    private func score(forRow row: Int32) -> Score? {
        let cells = Array(document.children(of: row))
        for (position, cell) in cells.enumerated() {
            let text = document.flatText(of: cell)
            guard let reading = ConfidenceReader.read(text) else { continue }
            var name = position > 0 ? document.flatText(of: cells[0]).cleanedLabel : Self.name(in: text, before: reading.start, leadingStrong: nil)
            if name.isEmpty || Self.genericNames.contains(name.lowercased()) { name = contextName(of: row) }
            return makeScore(name: name, reading: reading, node: row)
        }
        return nil
    }

    private func makeScore(name: String, reading: ConfidenceReading, node: Int32) -> Score {
        Score(section: sections.path(of: sections.section(of: node)), name: name, confidence: reading.value,
              min: reading.min, max: reading.max, previous: reading.previous, level: reading.level,
              line: document.line(of: node))
    }

    /// What a score line says is scored: its leading bold label, else the label before a
    /// colon, else the text before the score (or before the parenthesis that holds it).
    static func name(in text: String, before start: String.Index, leadingStrong: String?) -> String {
        if let strong = leadingStrong {
            let label = strong.cleanedLabel
            if !label.isEmpty { return label }
        }
        var before = text[..<start]
        // Inside an open parenthesis: the name is what precedes it.
        var depth = 0
        var openIndex: Substring.Index?
        for index in before.indices {
            if before[index] == "(" { if depth == 0 { openIndex = index }; depth += 1 }
            if before[index] == ")" { depth = max(0, depth - 1) }
        }
        if depth > 0, let openIndex { before = before[..<openIndex] }
        if let (label, _) = TextShapes.labelValue(before) { return label.cleanedLabel }
        return before.cleanedLabel
    }

    /// The parent item's label for a nested item, else the nearest heading's title.
    private func contextName(of node: Int32) -> String {
        var parent = document[node].parent
        while parent > 0 {
            if document[parent].kind == .item {
                let lines = document.head(of: parent)
                if let label = lines.first?.leadingStrong.map({ $0.cleanedLabel }), !label.isEmpty { return label }
                let text = lines.first?.text.cleanedLabel ?? ""
                if !text.isEmpty { return text }
            }
            parent = document[parent].parent
        }
        let section = sections.section(of: node)
        return section == 0 ? "" : sections[section].title
    }
}
