import DossierModel

/// The first statement of a Mermaid diagram: which type it is, and for flowcharts, which
/// way it flows.
///
/// Mermaid decides the type from the first line that is not front matter (`---` … `---`),
/// a blank line or a `%%` comment or directive; so does Dossier.
struct MermaidHeader: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `flowchart`, `graph` or `flowchart-elk`.
        case flowchart
        /// Any other diagram type, named as written.
        case other(String)
    }

    var kind: Kind
    /// Index of the header line among the text's lines.
    var line: Int

    /// Diagram types other than flowcharts, as Mermaid spells them.
    static let otherTypes: Set<String> = [
        "sequenceDiagram", "classDiagram", "classDiagram-v2", "stateDiagram", "stateDiagram-v2",
        "erDiagram", "journey", "gantt", "pie", "quadrantChart", "requirementDiagram", "gitGraph",
        "C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment", "mindmap", "timeline",
        "zenuml", "sankey", "sankey-beta", "xychart", "xychart-beta", "block", "block-beta", "packet",
        "packet-beta", "kanban", "architecture", "architecture-beta", "radar-beta", "treemap",
        "treemap-beta", "info",
    ]

    static let flowchartKeywords: Set<String> = ["flowchart", "graph", "flowchart-elk"]

    /// Directions a flowchart header accepts, and what they mean.
    static let directions: [String: Diagram.Direction] = [
        "TB": .TB, "TD": .TB, "BT": .BT, "LR": .LR, "RL": .RL, ">": .LR, "<": .RL, "^": .BT, "v": .TB,
    ]

    /// The header of `text`, or `nil` when the text is not Mermaid. When `strict` (blocks
    /// that do not say they are Mermaid), a flowchart keyword counts only when followed by
    /// nothing, a direction or `;`, so prose that starts with "graph of …" is not taken for
    /// Mermaid; in a `mermaid` block, `flowchart XY` is a flowchart with a wrong direction.
    static func detect(_ text: String, strict: Bool = true) -> MermaidHeader? {
        var inFrontMatter = false
        var seenContent = false
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, rawLine) in lines.enumerated() {
            let line = rawLine.trimmingSpaces()
            if inFrontMatter {
                if line == "---" { inFrontMatter = false }
                continue
            }
            if line.isEmpty || line.hasPrefix("%%") { continue }
            if line == "---" && !seenContent {
                inFrontMatter = true
                continue
            }
            seenContent = true
            let word = line.prefix { !$0.isWhitespace && $0 != ";" && $0 != ":" }
            let rest = line[word.endIndex...].trimmingSpaces()
            if flowchartKeywords.contains(String(word)) {
                let direction = rest.prefix { !$0.isWhitespace && $0 != ";" }
                guard !strict || direction.isEmpty || directions[String(direction)] != nil else { return nil }
                return MermaidHeader(kind: .flowchart, line: index)
            }
            if otherTypes.contains(String(word)) { return MermaidHeader(kind: .other(String(word)), line: index) }
            return nil
        }
        return nil
    }
}

extension Substring {
    /// Without spaces, tabs and carriage returns at either end.
    func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
