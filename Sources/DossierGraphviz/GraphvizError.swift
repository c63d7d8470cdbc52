import DossierCore
import DossierModel

/// Graphviz could not lay out or draw a diagram, with what Graphviz said about it.
///
/// Graphviz reports problems through its `agerr` channel, which would otherwise print to
/// the terminal; `GraphvizContext` collects them into this value so the caller decides how
/// to report them — usually as a `Diagnostic` at the diagram's code block.
public struct GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in our words ("layout failed").
    public var message: String
    /// Graphviz's own messages, one per line, without the `Error: ` / `Warning: ` prefix.
    public var graphvizMessages: [String]

    public init(_ message: String, graphvizMessages: [String] = []) {
        self.message = message
        self.graphvizMessages = graphvizMessages
    }

    public var description: String {
        graphvizMessages.isEmpty ? message : message + ": " + graphvizMessages.joined(separator: "; ")
    }

    /// The error as an `error` diagnostic at the diagram's code block (`diagram.layout-failed`).
    public func diagnostic(for diagram: Diagram) -> Diagnostic {
        .error(
            "diagram.layout-failed", "the diagram could not be drawn: \(message)",
            at: SourceLocation(path: diagram.source.path, line: diagram.source.line),
            notes: graphvizMessages.map { "Graphviz: \($0)" })
    }
}
