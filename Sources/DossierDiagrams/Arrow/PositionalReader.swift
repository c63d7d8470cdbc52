/// Reads an arrow diagram by the position of its parts.
///
/// - A text line is a chain: `A → B ← C` gives A→B and C→B. A line that ends with an arrow
///   continues on the next line; a line that starts with one continues the previous line.
/// - In a row of vertical arrows, each arrow at column c joins the node on the nearest text
///   row above whose span covers c (else the nearest within ``reach`` columns) to the
///   node on the nearest text row below found the same way; `↑` points the other way, and
///   text after an arrow (`↓ if stale`) labels the edge.
/// - A tree branch (`├─ X`, `└─ X`) hangs from the node its branch mark sits under, or from
///   the node the arrow above it came from, and shares that parent with its siblings on the
///   same rail. A branch written `├─ Yes → Run tests` is the edge `Yes` to `Run tests`, so
///   the `Yes` and `No` of a decision tree do not become nodes shared by every question.
/// - A line of prose that nothing points to or from is kept as a node on its own: the
///   diagram replaces the code block on the page, and its words should not disappear.
enum PositionalReader {
    /// How far (in columns) an arrow may miss a label and still point at it.
    static let reach = 3

    static func read(_ lines: [ArrowLine], into builder: inout ArrowGraphBuilder) {
        var rows = PositionalRow.build(lines)
        var rowOfLine = Array<Int?>(repeating: nil, count: lines.count)
        for (index, row) in rows.enumerated() {
            for line in row.firstLine...row.lastLine { rowOfLine[line] = index }
        }
        // Nodes first, in reading order, so ids and node order follow the text.
        for index in rows.indices where rows[index].kind == .text {
            let segments = rows[index].segments
            if rows[index].connector != nil, segments.count >= 2, case .text = rows[index].pieces.first {
                rows[index].branchLabel = segments[0].label
                rows[index].nodeIDs = [nil] + segments.dropFirst().map { builder.node($0.label) }
            } else {
                rows[index].nodeIDs = segments.map { builder.node($0.label) }
            }
        }
        var context = Context(lines: lines, rows: rows, rowOfLine: rowOfLine)
        for index in rows.indices {
            switch rows[index].kind {
            case .text:
                if rows[index].connector != nil { context.connectBranch(index, builder: &builder) }
                context.connectChain(index, builder: &builder)
            case .arrows:
                context.connectVerticals(index, builder: &builder)
            case .blank, .rule:
                break
            }
        }
    }

    /// What the edge passes need to look around a row.
    struct Context {
        let lines: [ArrowLine]
        let rows: [PositionalRow]
        let rowOfLine: [Int?]
        /// For tree rows: the node a `↓` above led into this branch from.
        var arrowSource: [Int: String] = [:]
        /// For tree rows: the branch's parent, shared with later siblings.
        var parent: [Int: String] = [:]

        init(lines: [ArrowLine], rows: [PositionalRow], rowOfLine: [Int?]) {
            self.lines = lines
            self.rows = rows
            self.rowOfLine = rowOfLine
        }

        // MARK: Chains

        mutating func connectChain(_ index: Int, builder: inout ArrowGraphBuilder) {
            let row = rows[index]
            var previous: Int?
            var pending: ArrowLine.Link?
            var leading: ArrowLine.Link?
            var segment = 0
            for piece in row.pieces {
                switch piece {
                case .text:
                    if let from = previous, let link = pending,
                       let a = row.nodeIDs[from], let b = row.nodeIDs[segment] {
                        builder.connect(a, b, direction: link.direction)
                    }
                    previous = segment
                    pending = nil
                    segment += 1
                case .link(let link):
                    if pending != nil {
                        builder.warn("diagram.arrow-empty-node", "two arrows with no label between them",
                                     line: row.firstLine, byte: link.byte)
                    } else if previous == nil {
                        leading = link
                    }
                    pending = pending ?? link
                }
            }
            if row.segments.isEmpty {
                if let link = leading { bridge(index, link: link, builder: &builder) }
                return
            }
            if let link = leading {
                if let above = neighbour(of: index, step: -1), let from = rows[above].lastNode, let to = row.firstNode {
                    builder.connect(from, to, direction: link.direction)
                } else {
                    builder.warn("diagram.arrow-dangling", "the line starts with an arrow, but no line above it ends a chain",
                                 line: row.firstLine, byte: link.byte)
                }
            }
            if let link = pending {
                if let below = neighbour(of: index, step: 1) {
                    let next = rows[below]
                    // A next line that starts with its own arrow makes that edge itself.
                    if !startsWithLink(next), let from = row.lastNode, let to = next.firstNode {
                        builder.connect(from, to, direction: link.direction)
                    }
                } else {
                    builder.warn("diagram.arrow-dangling", "the line ends with an arrow, but no line follows it",
                                 line: row.firstLine, byte: link.byte)
                }
            }
        }

        /// A line holding nothing but an arrow joins the lines around it.
        mutating func bridge(_ index: Int, link: ArrowLine.Link, builder: inout ArrowGraphBuilder) {
            let row = rows[index]
            if let above = neighbour(of: index, step: -1), let below = neighbour(of: index, step: 1),
               let from = rows[above].lastNode, let to = rows[below].firstNode {
                builder.connect(from, to, direction: link.direction)
            } else {
                builder.warn("diagram.arrow-dangling", "an arrow on its own line needs a line of text above and below it",
                             line: row.firstLine, byte: link.byte)
            }
        }

        /// The row right before or after `index` if it is a text row.
        func neighbour(of index: Int, step: Int) -> Int? {
            let other = index + step
            guard other >= 0, other < rows.count, rows[other].kind == .text else { return nil }
            return other
        }

        func startsWithLink(_ row: PositionalRow) -> Bool {
            if case .link = row.pieces.first { return true }
            return false
        }

        // MARK: Vertical arrows

        mutating func connectVerticals(_ index: Int, builder: inout ArrowGraphBuilder) {
            let row = rows[index]
            let above = nearestText(from: index, step: -1)
            let below = nearestText(from: index, step: 1)
            // Arrows of one row usually point at different nodes: an arrow halfway between two
            // labels goes to the one no other arrow of the row has taken.
            var takenAbove: Set<String> = [], takenBelow: Set<String> = []
            for arrow in row.verticals {
                let glyph = arrow.down ? "↓" : "↑"
                guard let aboveRow = above, let from = source(in: rows[aboveRow], at: arrow.column, avoiding: takenAbove) else {
                    builder.warn("diagram.arrow-dangling", "'\(glyph)' has no node above it", line: row.firstLine, byte: arrow.byte)
                    continue
                }
                guard let belowRow = below,
                      let (to, branchLabel) = target(in: rows[belowRow], at: arrow.column, avoiding: takenBelow) else {
                    builder.warn("diagram.arrow-dangling", "'\(glyph)' has no node below it", line: row.firstLine, byte: arrow.byte)
                    continue
                }
                takenAbove.insert(from)
                takenBelow.insert(to)
                let label = arrow.label ?? branchLabel
                if arrow.down {
                    builder.connect(from, to, label: label, horizontal: false)
                    if rows[belowRow].connector != nil, arrowSource[belowRow] == nil { arrowSource[belowRow] = from }
                } else {
                    builder.connect(to, from, label: label, horizontal: false)
                }
            }
        }

        func nearestText(from index: Int, step: Int) -> Int? {
            var other = index + step
            while other >= 0 && other < rows.count {
                if rows[other].kind == .text { return other }
                other += step
            }
            return nil
        }

        /// The node an arrow at `column` leaves from: for a tree branch, the end of its chain.
        func source(in row: PositionalRow, at column: Int, avoiding taken: Set<String> = []) -> String? {
            if row.connector != nil { return reachesBranch(row, column) ? row.lastNode : nil }
            return nodeNear(row, column, avoiding: taken)
        }

        /// The node an arrow at `column` arrives at, with a tree branch's label.
        func target(in row: PositionalRow, at column: Int, avoiding taken: Set<String>) -> (String, String?)? {
            if row.connector != nil {
                guard reachesBranch(row, column), let entry = row.firstNode else { return nil }
                return (entry, row.branchLabel)
            }
            return nodeNear(row, column, avoiding: taken).map { ($0, nil) }
        }

        /// A tree branch is hit anywhere from its branch mark to the end of its text.
        func reachesBranch(_ row: PositionalRow, _ column: Int) -> Bool {
            guard let start = row.connector, let end = row.segments.last?.end else { return false }
            return column >= start - PositionalReader.reach && column < end + PositionalReader.reach
        }

        /// The node whose label covers `column`; else the nearest within ``reach``,
        /// preferring nodes not in `taken`, then the nearer, then the one on the left.
        func nodeNear(_ row: PositionalRow, _ column: Int, avoiding taken: Set<String>) -> String? {
            var best: (rank: (Int, Int), id: String)?
            for (offset, segment) in row.segments.enumerated() {
                guard let id = row.nodeIDs[offset] else { continue }
                let distance = column < segment.start ? segment.start - column
                    : column >= segment.end ? column - segment.end + 1 : 0
                if distance == 0 { return id }
                guard distance <= PositionalReader.reach else { continue }
                let rank = (taken.contains(id) ? 1 : 0, distance)
                if best == nil || rank < best!.rank { best = (rank, id) }
            }
            return best?.id
        }

        // MARK: Tree branches

        /// Joins a tree branch to its parent: up its rail to a sibling (whose parent it
        /// shares), or to the first line above that is not rail.
        mutating func connectBranch(_ index: Int, builder: inout ArrowGraphBuilder) {
            let row = rows[index]
            guard let column = row.connector, let entry = row.firstNode else { return }
            var line = row.firstLine - 1
            while line >= 0, lines[line].marks[column] == .rail { line -= 1 }
            if line >= 0, lines[line].marks[column] == .branch, lines[line].connector == column,
               let sibling = rowOfLine[line] {
                if let shared = parent[sibling] {
                    parent[index] = shared
                    builder.connect(shared, entry, label: row.branchLabel, horizontal: false)
                }
                return
            }
            if let from = arrowSource[index] {
                parent[index] = from
                return
            }
            guard line >= 0, let above = rowOfLine[line], rows[above].kind == .text,
                  let from = source(in: rows[above], at: column) else { return }
            parent[index] = from
            builder.connect(from, entry, label: row.branchLabel, horizontal: false)
        }
    }
}
