import DossierCore
import DossierModel

/// Reads arrow text (`A → B → C`, rows of `↓`, step-by-step chains, decision trees drawn
/// with `├─`) into a ``Diagram``.
///
/// Two readings, chosen by the block's shape:
///
/// - A **vertical step chain** (``StepChainReader``): three or more text lines strictly
///   alternating with rows of one arrow each. Every line is one node, even one with an
///   inner `→` (`aws-docs → Search for current best practices` is one step).
///   Direction TB.
/// - Otherwise the block is read **by position** (``PositionalReader``): each line a chain
///   of nodes, `↓` rows joining the nodes above and below by column, `├─` branches joining
///   their parent. Direction LR when any edge joins nodes on one line, TB otherwise.
///
/// Never fails: what cannot be connected is reported as a warning and left out.
public enum ArrowDiagramParser {
    /// Reads the text of `block` (whatever its info string says).
    public static func parse(_ block: FencedBlock) -> (diagram: Diagram, diagnostics: [Diagnostic]) {
        let lines = scanLines(block.text)
        var builder = ArrowGraphBuilder(block: block)
        let direction: Diagram.Direction
        if StepChainReader.matches(lines) {
            StepChainReader.read(lines, into: &builder)
            direction = .TB
        } else {
            PositionalReader.read(lines, into: &builder)
            direction = builder.horizontalEdgeCount == 0 && !builder.edges.isEmpty ? .TB : .LR
        }
        return (builder.diagram(direction: direction), builder.diagnostics)
    }

    /// Reads arrow text that starts on the line after `source`.
    public static func parse(_ text: String, source: SourceRef, column: Int = 1) -> (diagram: Diagram, diagnostics: [Diagnostic]) {
        parse(FencedBlock(info: "", text: text, source: source, column: column))
    }

    static func scanLines(_ text: String) -> [ArrowLine] {
        var lines: [ArrowLine] = []
        // `"\r\n"` is one Character in Swift: split on both line ends.
        let split = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, line) in split.enumerated() {
            lines.append(ArrowLineScanner.scan(line, index: index))
        }
        // A block's text usually ends with a newline: no line follows it.
        while let last = lines.last, last.kind == .blank { lines.removeLast() }
        return lines
    }
}
