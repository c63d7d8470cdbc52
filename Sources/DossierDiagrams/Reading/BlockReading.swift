import DossierCore
import DossierModel

/// What became of one fenced code block: a diagram, Mermaid source to keep, or plain code,
/// with whatever the readers had to say about it.
public struct BlockReading: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        /// An arrow diagram or a Mermaid flowchart, read into a graph.
        case diagram(Diagram)
        /// A Mermaid diagram of another type (its name, as written) and its source.
        case otherMermaid(type: String, source: String)
        /// Not a diagram, or a Mermaid flowchart with a syntax error: the page shows the
        /// block as code (the error is among the diagnostics).
        case code
    }

    public var content: Content
    public var diagnostics: [Diagnostic]

    public init(content: Content, diagnostics: [Diagnostic] = []) {
        self.content = content
        self.diagnostics = diagnostics
    }

    /// The diagram, if the block was read into one.
    public var diagram: Diagram? {
        if case .diagram(let diagram) = content { return diagram }
        return nil
    }
}
