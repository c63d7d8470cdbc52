/// A unit of a positionally read arrow diagram: one line, or several lines of text stacked
/// into one row of labels (see ``PositionalRow/build(_:)``).
struct PositionalRow: Sendable {
    var kind: ArrowLine.Kind
    /// The line the row starts on, and the lines it covers.
    var firstLine: Int
    var lastLine: Int
    var pieces: [ArrowLine.Piece] = [] {
        didSet { segments = Self.segments(of: pieces) }
    }
    /// The text pieces of ``pieces``, kept apart because arrows look them up often.
    private(set) var segments: [ArrowLine.Segment] = []
    var verticals: [ArrowLine.Vertical] = []
    var connector: Int?
    /// Node ids of the row's segments, in order; `nil` for a branch label.
    var nodeIDs: [String?] = []
    /// A tree branch written `├─ Yes → Run the tests`: `Yes` labels the branch's edge.
    var branchLabel: String?

    static func segments(of pieces: [ArrowLine.Piece]) -> [ArrowLine.Segment] {
        pieces.compactMap { if case .text(let segment) = $0 { segment } else { nil } }
    }

    var firstNode: String? { nodeIDs.first { $0 != nil } ?? nil }
    var lastNode: String? { nodeIDs.last { $0 != nil } ?? nil }

    init(line: ArrowLine) {
        kind = line.kind
        firstLine = line.index
        lastLine = line.index
        pieces = line.pieces
        segments = Self.segments(of: pieces)
        verticals = line.verticals
        connector = line.connector
    }

    /// Groups lines into rows. Consecutive lines of plain text (no arrows, no branch mark)
    /// next to a row of arrows are stacked into one row when every label of a line sits
    /// under exactly one label of the lines above:
    ///
    /// ```
    /// Current Work → Auto-Commit
    ///      ↓              ↓
    /// Stage All       Generate
    /// Changes         Message
    /// ```
    ///
    /// gives the nodes `Stage All Changes` and `Generate Message`. Blank lines are dropped
    /// (they only break stacks).
    static func build(_ lines: [ArrowLine]) -> [PositionalRow] {
        var rows: [PositionalRow] = []
        func isPlain(_ index: Int) -> Bool {
            index >= 0 && index < lines.count && lines[index].kind == .text
                && lines[index].connector == nil && !lines[index].hasLinks
        }
        func isArrowRow(_ index: Int) -> Bool {
            index >= 0 && index < lines.count && lines[index].kind == .arrows
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.kind == .blank { index += 1; continue }
            var row = PositionalRow(line: line)
            if isPlain(index) {
                var merged = line.segments
                var last = index
                while isPlain(last + 1), let next = stack(merged, under: lines[last + 1].segments) {
                    merged = next
                    last += 1
                }
                if last > index && (isArrowRow(index - 1) || isArrowRow(last + 1)) {
                    row.pieces = merged.map { .text($0) }
                    row.lastLine = last
                    rows.append(row)
                    index = last + 1
                    continue
                }
            }
            rows.append(row)
            index += 1
        }
        return rows
    }

    /// `upper` with each label of `lower` appended to the one label above it; `nil` when a
    /// label of `lower` sits under no label or under two, or two sit under one.
    static func stack(_ upper: [ArrowLine.Segment], under lower: [ArrowLine.Segment]) -> [ArrowLine.Segment]? {
        var result = upper
        var taken = Array(repeating: false, count: upper.count)
        for segment in lower {
            let overlapping = upper.indices.filter { upper[$0].start < segment.end && segment.start < upper[$0].end }
            guard overlapping.count == 1, !taken[overlapping[0]] else { return nil }
            let target = overlapping[0]
            taken[target] = true
            result[target].label += " " + segment.label
            result[target].start = min(result[target].start, segment.start)
            result[target].end = max(result[target].end, segment.end)
        }
        return result
    }
}
