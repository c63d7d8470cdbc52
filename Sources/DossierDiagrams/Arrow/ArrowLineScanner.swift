/// Takes one line of arrow text apart into an ``ArrowLine``.
///
/// Columns are displayed columns: a tab advances to the next multiple of ``tabWidth``, wide
/// characters take two, combining marks none (``DisplayWidth``).
enum ArrowLineScanner {
    /// Tabs in diagrams are rare; 4 is what the editors the authors use show.
    static let tabWidth = 4

    /// One character and where it sits.
    struct Cell {
        var character: Character
        /// What the arrow tests look at (``ArrowGlyphs/glyph(of:)``).
        var glyph: Unicode.Scalar
        var column: Int
        var byte: Int
        var isSpace: Bool
    }

    static func scan(_ line: Substring, index: Int) -> ArrowLine {
        let cells = layOut(line)
        var result = ArrowLine(index: index, kind: .blank)
        var content = cells
        for index in content.indices where content[index].glyph.value >= 0x2500 && content[index].glyph.value <= 0x257F {
            let cell = content[index]
            if ArrowGlyphs.isRail(cell.glyph) {
                result.marks[cell.column] = .rail
                // Rails carry no text: treat them as spaces from here on.
                content[index].isSpace = true
            } else if ArrowGlyphs.isBranch(cell.glyph) {
                result.marks[cell.column] = .branch
            } else if ArrowGlyphs.isLastBranch(cell.glyph) {
                result.marks[cell.column] = .lastBranch
            }
        }
        guard var first = content.firstIndex(where: { !$0.isSpace }) else {
            result.kind = cells.allSatisfy(\.isSpace) ? .blank : .rule
            return result
        }
        if ArrowGlyphs.isBranch(content[first].glyph) || ArrowGlyphs.isLastBranch(content[first].glyph) {
            result.connector = content[first].column
            first += 1
            while first < content.count, ArrowGlyphs.isBranchStroke(content[first].glyph) { first += 1 }
            while first < content.count, content[first].isSpace { first += 1 }
            if first == content.count {
                result.kind = .rule
                result.connector = nil
                return result
            }
        }
        let body = content[first...]
        if result.connector == nil, body.allSatisfy({ $0.isSpace || ArrowGlyphs.isBorder($0.glyph) }),
           body.contains(where: { !$0.isSpace && $0.glyph != "|" }) {
            result.kind = .rule
            return result
        }
        if result.connector == nil, let verticals = verticalArrows(body) {
            result.kind = .arrows
            result.verticals = verticals
            return result
        }
        result.kind = .text
        result.pieces = pieces(body)
        let whole = trimmedRun(body[...])
        result.wholeText = collapse(whole)
        return result
    }

    /// Places each character of the line on the displayed grid.
    static func layOut(_ line: Substring) -> [Cell] {
        var cells: [Cell] = []
        cells.reserveCapacity(line.utf8.count)
        var column = 0, byte = 0
        for character in line {
            let glyph = ArrowGlyphs.glyph(of: character)
            let isSpace = glyph == " " || glyph == "\t" || glyph == "\r" || glyph == "\u{00A0}" || glyph == "\u{3000}"
            cells.append(Cell(character: character, glyph: glyph, column: column, byte: byte, isSpace: isSpace))
            if glyph == "\t" {
                column += tabWidth - column % tabWidth
            } else if glyph.value >= 0x20 && glyph.value < 0x7F {
                column += 1
            } else {
                column += DisplayWidth.of(character)
            }
            byte += character.utf8.count
        }
        return cells
    }

    /// The arrows of a row that holds only vertical arrows (`↓    ↓`, `|`, `v`), or of a row
    /// that starts with a glyph arrow followed by labels (`↓ if changes needed`); `nil` for
    /// anything else. ASCII `|` and `v` count only in rows without labels, where they cannot
    /// be a box side or a word.
    static func verticalArrows(_ body: ArraySlice<Cell>) -> [ArrowLine.Vertical]? {
        let tokens = splitTokens(body)
        let onlyArrows = tokens.allSatisfy { token in
            ArrowGlyphs.verticalASCII(token) != nil || token.allSatisfy { ArrowGlyphs.verticalGlyph($0.glyph) != nil }
        }
        if onlyArrows {
            var arrows: [ArrowLine.Vertical] = []
            for token in tokens {
                if let down = ArrowGlyphs.verticalASCII(token) {
                    arrows.append(.init(down: down, column: token[token.startIndex].column, byte: token[token.startIndex].byte))
                } else {
                    for cell in token {
                        arrows.append(.init(down: ArrowGlyphs.verticalGlyph(cell.glyph) ?? true, column: cell.column, byte: cell.byte))
                    }
                }
            }
            return arrows
        }
        guard let firstCell = body.first(where: { !$0.isSpace }), ArrowGlyphs.verticalGlyph(firstCell.glyph) != nil else {
            return nil
        }
        var arrows: [ArrowLine.Vertical] = []
        var label: [Cell] = []
        func flushLabel() {
            guard !arrows.isEmpty else { return }
            let text = collapse(trimmedRun(label[...]))
            arrows[arrows.count - 1].label = text.isEmpty ? nil : text
            label.removeAll()
        }
        for cell in body {
            if let down = ArrowGlyphs.verticalGlyph(cell.glyph) {
                flushLabel()
                arrows.append(.init(down: down, column: cell.column, byte: cell.byte))
            } else {
                label.append(cell)
            }
        }
        flushLabel()
        return arrows
    }

    /// Runs of non-space cells.
    static func splitTokens(_ body: ArraySlice<Cell>) -> [ArraySlice<Cell>] {
        var tokens: [ArraySlice<Cell>] = []
        var start: Int?
        for index in body.indices {
            if body[index].isSpace {
                if let begin = start { tokens.append(body[begin..<index]); start = nil }
            } else if start == nil {
                start = index
            }
        }
        if let begin = start { tokens.append(body[begin..<body.endIndex]) }
        return tokens
    }

    /// Splits a text line at its horizontal arrows. A line without arrows is split at runs
    /// of two or more spaces instead, the way labels are laid out side by side under a row
    /// of `↓`.
    static func pieces(_ body: ArraySlice<Cell>) -> [ArrowLine.Piece] {
        var pieces: [ArrowLine.Piece] = []
        var runStart = body.startIndex
        var index = body.startIndex
        var sawLink = false
        func flush(upTo end: Int) {
            if let segment = segment(body[runStart..<end]) { pieces.append(.text(segment)) }
        }
        while index < body.endIndex {
            if let (direction, length) = link(in: body, at: index) {
                flush(upTo: index)
                pieces.append(.link(.init(direction: direction, column: body[index].column, byte: body[index].byte)))
                sawLink = true
                index += length
                runStart = index
            } else {
                index += 1
            }
        }
        flush(upTo: body.endIndex)
        if sawLink { return pieces }
        return splitAtGaps(body).compactMap { segment($0).map { .text($0) } }
    }

    /// A horizontal arrow starting at `index`, and how many cells it takes: a glyph
    /// (`→`), or ASCII `->`, `-->`, `=>`, `==>`, `<-`, `<--`, `<->`.
    static func link(in body: ArraySlice<Cell>, at index: Int) -> (ArrowGlyphs.Direction, Int)? {
        let glyph = body[index].glyph
        if let direction = ArrowGlyphs.horizontal(glyph) { return (direction, 1) }
        switch glyph {
        case "-", "=":
            var end = index
            while end < body.endIndex, body[end].glyph == glyph { end += 1 }
            if end < body.endIndex, body[end].glyph == ">" { return (.forward, end - index + 1) }
        case "<":
            var end = index + 1
            while end < body.endIndex, body[end].glyph == "-" { end += 1 }
            guard end > index + 1 else { return nil }
            if end < body.endIndex, body[end].glyph == ">" { return (.both, end - index + 1) }
            return (.backward, end - index)
        default:
            break
        }
        return nil
    }

    /// Splits cells at runs of two or more spaces.
    static func splitAtGaps(_ body: ArraySlice<Cell>) -> [ArraySlice<Cell>] {
        var parts: [ArraySlice<Cell>] = []
        var start = body.startIndex
        var index = body.startIndex
        while index < body.endIndex {
            if body[index].isSpace {
                var end = index
                while end < body.endIndex, body[end].isSpace { end += 1 }
                if end - index >= 2 {
                    parts.append(body[start..<index])
                    start = end
                }
                index = end
            } else {
                index += 1
            }
        }
        parts.append(body[start..<body.endIndex])
        return parts
    }

    /// The trimmed text of a run as a segment; `nil` when nothing is left. Box sides (`|`)
    /// at either end are trimmed with the spaces, so `| Start |` is the node `Start`.
    static func segment(_ run: ArraySlice<Cell>) -> ArrowLine.Segment? {
        let trimmed = trimmedRun(run)
        guard let first = trimmed.first, let last = trimmed.last else { return nil }
        let end = last.column + max(1, last.glyph.isASCII ? 1 : DisplayWidth.of(last.character))
        return ArrowLine.Segment(label: collapse(trimmed), start: first.column, end: end, byte: first.byte)
    }

    static func trimmedRun(_ run: ArraySlice<Cell>) -> ArraySlice<Cell> {
        let isEdge: (Cell) -> Bool = { $0.isSpace || $0.glyph == "|" }
        guard let first = run.firstIndex(where: { !isEdge($0) }),
              let last = run.lastIndex(where: { !isEdge($0) }) else { return [] }
        return run[first...last]
    }

    /// The text of cells with every run of spaces made one space.
    static func collapse(_ run: ArraySlice<Cell>) -> String {
        var text = ""
        var pendingSpace = false
        for cell in run {
            if cell.isSpace {
                pendingSpace = true
            } else {
                if pendingSpace && !text.isEmpty { text.append(" ") }
                pendingSpace = false
                text.append(cell.character)
            }
        }
        return text
    }
}
