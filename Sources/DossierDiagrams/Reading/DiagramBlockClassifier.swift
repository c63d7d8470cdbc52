import DossierCore
import DossierModel

/// Decides what a fenced code block holds: an arrow diagram, a Mermaid flowchart, another
/// Mermaid diagram, or code.
///
/// - A block marked with another language (`python`, `bash`, `markdown`, …) is code,
///   arrows or not.
/// - A block with no info string, `text` (or `txt`, `plain`, `plaintext`) or `mermaid`
///   that starts like Mermaid is Mermaid.
/// - Otherwise, a block with arrows (`→ ← ↓ ↑ -> --> ==> ⇒` and their relatives) is an arrow
///   diagram when its arrows make up the drawing: a row of vertical arrows, or horizontal
///   arrows on more than half of its text lines. Prose or notes that mention an arrow now
///   and then (`Runtime: 2 hours → 8 minutes`) stay code.
/// - Box and tree art without arrows is code.
/// - A `mermaid` block that holds no Mermaid gets a `diagram.mermaid-not-mermaid` warning:
///   GitHub would show an error box where the author expected a drawing.
public enum DiagramBlockClassifier {
    /// Info strings that say "no particular language".
    static let plainLanguages: Set<String> = ["", "text", "txt", "plain", "plaintext"]

    /// Classifies a block given as its parts: the fence's info string, the content, and the
    /// fence line (content starts on the next line).
    public static func classify(info: String, text: String, source: SourceRef) -> (kind: DiagramBlockKind, diagnostics: [Diagnostic]) {
        classify(FencedBlock(info: info, text: text, source: source))
    }

    public static func classify(_ block: FencedBlock) -> (kind: DiagramBlockKind, diagnostics: [Diagnostic]) {
        let language = block.language
        let isMermaidFence = language == "mermaid"
        guard isMermaidFence || plainLanguages.contains(language) else { return (.code, []) }
        if let header = MermaidHeader.detect(block.text, strict: !isMermaidFence) {
            switch header.kind {
            case .flowchart: return (.mermaidFlowchart, [])
            case .other(let type): return (.otherMermaid(type), [])
            }
        }
        let drawn = isArrowDrawing(block.text)
        guard isMermaidFence else { return (drawn ? .arrow : .code, []) }
        if drawn {
            return (.arrow, [.warning("diagram.mermaid-not-mermaid",
                                      "this mermaid block holds arrow text, not Mermaid: GitHub cannot draw it; Dossier reads it as an arrow diagram",
                                      at: block.fenceLocation,
                                      notes: ["remove `mermaid` from the fence, or write it as `flowchart LR` with `A --> B`"])])
        }
        return (.code, [.warning("diagram.mermaid-not-mermaid",
                                 "this mermaid block does not start with a Mermaid diagram type such as `flowchart LR`",
                                 at: block.fenceLocation)])
    }

    /// Whether the arrows in `text` are the drawing rather than words in prose. Only asked
    /// of text with an arrow character in it, so box art whose only connectors are `|` and
    /// `v` stays code, while the same boxes joined by `-->` are a drawing.
    static func isArrowDrawing(_ text: String) -> Bool {
        guard containsArrow(text) else { return false }
        let lines = ArrowDiagramParser.scanLines(text)
        var textLines = 0, chainLines = 0
        for line in lines {
            switch line.kind {
            case .arrows:
                return true
            case .text:
                textLines += 1
                if line.hasLinks { chainLines += 1 }
            case .blank, .rule:
                break
            }
        }
        return chainLines * 2 > textLines
    }

    /// A cheap first look: any arrow character or ASCII arrow at all.
    static func containsArrow(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.value >= 0x2190 {
            if ArrowGlyphs.horizontal(scalar) != nil || ArrowGlyphs.verticalGlyph(scalar) != nil { return true }
        }
        return text.contains("->") || text.contains("=>")
    }
}
