/// Reads a vertical step chain: text lines strictly alternating with rows of one arrow,
/// as the step-by-step diagrams of pattern documents are drawn.
///
/// ```
/// aws-docs → Search for current best practices
///     ↓
/// aws-api → Validate existing infrastructure state
///     ↓ if the state is stale
/// HUMAN → Implement changes
/// ```
///
/// Each whole line is one node, inner arrows included: read by position, the `↓` under
/// `aws-docs` would join `aws-docs` to itself. A label after the arrow labels the edge.
/// Blank lines are ignored; a dangling arrow at either end is reported.
enum StepChainReader {
    /// Whether the block is a step chain: optionally an arrow row, then text (arrow text)+
    /// with at least three text lines, optionally a final arrow row; every arrow row holds
    /// one arrow and no text line is a tree branch.
    static func matches(_ lines: [ArrowLine]) -> Bool {
        let rows = lines.filter { $0.kind != .blank }
        var index = 0
        if index < rows.count, rows[index].kind == .arrows { index += 1 }
        var texts = 0
        var expectText = true
        while index < rows.count {
            let row = rows[index]
            if expectText {
                guard row.kind == .text, row.connector == nil else { break }
                texts += 1
            } else {
                guard row.kind == .arrows, row.verticals.count == 1 else { return false }
            }
            expectText.toggle()
            index += 1
        }
        return index == rows.count && texts >= 3
    }

    static func read(_ lines: [ArrowLine], into builder: inout ArrowGraphBuilder) {
        let rows = lines.filter { $0.kind != .blank }
        var previous: String?
        var pending: (arrow: ArrowLine.Vertical, line: Int)?
        for row in rows {
            if row.kind == .arrows {
                let arrow = row.verticals[0]
                if previous == nil {
                    builder.warn("diagram.arrow-dangling", "'\(arrow.down ? "↓" : "↑")' has no step above it",
                                 line: row.index, byte: arrow.byte)
                }
                pending = (arrow, row.index)
                continue
            }
            let id = builder.node(row.wholeText)
            if let from = previous, let (arrow, _) = pending {
                if arrow.down {
                    builder.connect(from, id, label: arrow.label, horizontal: false)
                } else {
                    builder.connect(id, from, label: arrow.label, horizontal: false)
                }
            }
            previous = id
            pending = nil
        }
        if let (arrow, line) = pending, previous != nil {
            builder.warn("diagram.arrow-dangling", "'\(arrow.down ? "↓" : "↑")' has no step below it", line: line, byte: arrow.byte)
        }
    }
}
