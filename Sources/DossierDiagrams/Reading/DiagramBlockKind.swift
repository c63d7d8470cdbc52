/// What a fenced code block holds, as far as diagrams are concerned.
public enum DiagramBlockKind: Hashable, Sendable {
    /// Arrow text (`A → B`, `↓` rows, step chains): read by ``ArrowDiagramParser``.
    case arrow
    /// A Mermaid `flowchart` or `graph`: read by ``MermaidParser``.
    case mermaidFlowchart
    /// Another Mermaid diagram type (`sequenceDiagram`, `gantt`, …), named as written. It is
    /// kept as source for mermaid.js to draw; Dossier does not read it into a graph.
    case otherMermaid(String)
    /// Ordinary code, prose, box or tree art without arrows: shown as a code block.
    case code
}
