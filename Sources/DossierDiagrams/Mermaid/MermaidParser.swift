import DossierCore
import DossierModel

/// Reads a Mermaid flowchart (`flowchart` / `graph`) into a ``Diagram``.
///
/// Understood: directions TB, TD, BT, LR, RL; the node shapes of ``DiagramNode/Shape`` with
/// plain or quoted labels (`A["text (with parens)"]`); links `-->`, `---`, `-.->`, `==>`,
/// `~~~` with text (`-- text -->`, `-. text .->`, `== text ==>`, `-->|text|`), chains
/// (`A --> B --> C`) and `&` (`A & B --> C`); `subgraph id [label]` … `end`, nested;
/// `%%` comment lines and front matter; `;` between statements; `classDef`, `class`,
/// `A:::class`, `style` and `linkStyle`, whose fill, stroke, stroke-width, color and
/// stroke-dasharray are kept (`linkStyle` keeps the stroke colour). What Dossier cannot draw
/// (`click`, fonts, `direction` inside a subgraph, `o`/`x` link ends) gets a note.
///
/// A syntax error is one error diagnostic at its line and column in the Markdown file, and
/// no diagram: the page then shows the block as code, as GitHub would show an error.
public enum MermaidParser {
    public static func parse(_ block: FencedBlock) -> (diagram: Diagram?, diagnostics: [Diagnostic]) {
        var parser = MermaidStatementParser(block: block)
        do throws(MermaidSyntaxError) {
            let diagram = try parser.parseDocument()
            return (diagram, parser.diagnostics)
        } catch {
            let location = parser.location(of: error.offset)
            return (nil, parser.diagnostics + [.error("diagram.mermaid-syntax", error.message, at: location, notes: error.notes)])
        }
    }

    /// Reads Mermaid text that starts on the line after `source`.
    public static func parse(_ text: String, source: SourceRef, column: Int = 1) -> (diagram: Diagram?, diagnostics: [Diagnostic]) {
        parse(FencedBlock(info: "mermaid", text: text, source: source, column: column))
    }
}

/// The statement-by-statement reader behind ``MermaidParser``.
struct MermaidStatementParser {
    let block: FencedBlock
    var cursor: MermaidCursor
    var graph = MermaidGraphBuilder()
    var diagnostics: [Diagnostic] = []
    /// Byte offset where each line starts.
    let lineStarts: [Int]

    init(block: FencedBlock) {
        self.block = block
        cursor = MermaidCursor(block.text)
        var starts = [0]
        for (index, byte) in cursor.bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The Markdown position of byte `offset` of the block's text.
    func location(of offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return block.location(line: low, byteOffset: offset - lineStarts[low])
    }

    mutating func note(_ message: String, at offset: Int) {
        diagnostics.append(.note("diagram.mermaid-ignored", message, at: location(of: offset)))
    }

    mutating func parseDocument() throws(MermaidSyntaxError) -> Diagram {
        guard let header = MermaidHeader.detect(block.text, strict: false), header.kind == .flowchart else {
            throw MermaidSyntaxError(offset: 0, message: "not a Mermaid flowchart: the first line must be `flowchart` or `graph` and a direction")
        }
        cursor.position = lineStarts[header.line]
        cursor.skipSpaces()
        _ = cursor.readID()  // `flowchart`, `graph` or `flowchart-elk`
        cursor.skipSpaces()
        var direction = Diagram.Direction.TB
        if !cursor.atStatementEnd {
            let start = cursor.position
            while let byte = cursor.peek(), byte != 0x20, byte != 0x09, byte != 0x0D, !cursor.atStatementEnd {
                cursor.position += 1
            }
            let word = String(cursor.text(start..<cursor.position))
            guard let known = MermaidHeader.directions[word] else {
                throw MermaidSyntaxError(offset: start, message: "unknown direction '\(word)': use TB, TD, BT, LR or RL")
            }
            direction = known
        }
        try expectStatementEnd()
        while true {
            skipSeparators()
            if cursor.atEnd { break }
            try parseStatement()
            try expectStatementEnd()
        }
        if let unclosed = graph.open.last {
            throw MermaidSyntaxError(offset: graph.clusters[unclosed].offset,
                                     message: "subgraph '\(graph.clusters[unclosed].label)' is never closed with `end`")
        }
        var reported: [Diagnostic] = []
        var diagram = graph.diagram(direction: direction, source: block.source) { severity, code, message, offset in
            reported.append(Diagnostic(severity, code: code, message, at: location(of: offset)))
        }
        diagnostics += reported
        diagram.mermaid = MermaidWriter.write(diagram)
        return diagram
    }

    /// Skips blank space, line breaks, `;` and `%%` comments between statements.
    mutating func skipSeparators() {
        while let byte = cursor.peek() {
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x3B {
                cursor.position += 1
            } else if cursor.hasPrefix("%%") {
                cursor.skipToLineEnd()
            } else {
                break
            }
        }
    }

    mutating func expectStatementEnd() throws(MermaidSyntaxError) {
        cursor.skipSpaces()
        guard cursor.atStatementEnd else {
            throw unexpected("expected the end of the statement")
        }
    }

    /// An error at the cursor naming what is there.
    func unexpected(_ expectation: String) -> MermaidSyntaxError {
        guard let byte = cursor.peek() else {
            return MermaidSyntaxError(offset: cursor.position, message: "\(expectation), found the end of the diagram")
        }
        if byte == 0x0A || byte == 0x0D {
            return MermaidSyntaxError(offset: cursor.position, message: "\(expectation), found the end of the line")
        }
        var end = cursor.position + 1
        while end < cursor.bytes.count, end - cursor.position < 12, cursor.bytes[end] != 0x0A,
              cursor.bytes[end] != 0x20 { end += 1 }
        let found = byte >= 0x80 || MermaidCursor.isWordByte(byte) ? String(cursor.text(cursor.position..<end)) : String(UnicodeScalar(byte))
        return MermaidSyntaxError(offset: cursor.position, message: "\(expectation), found '\(found)'")
    }

    mutating func parseStatement() throws(MermaidSyntaxError) {
        let start = cursor.position
        let word = cursor.peekWord()
        let afterWord = cursor.bytes.count > start + word.utf8.count ? cursor.bytes[start + word.utf8.count] : nil
        let standsAlone = afterWord == nil || afterWord == 0x20 || afterWord == 0x09 || afterWord == 0x0A
            || afterWord == 0x3B || afterWord == 0x0D
        let keyword = standsAlone || word == "accTitle" || word == "accDescr" ? word : ""
        switch keyword {
        case "subgraph": try parseSubgraph()
        case "end":
            cursor.position += 3
            guard graph.closeCluster() else {
                throw MermaidSyntaxError(offset: start, message: "`end` without a `subgraph` to close")
            }
        case "direction":
            note("`direction` inside a subgraph is not kept: the whole diagram is drawn one way", at: start)
            cursor.skipStatement()
        case "classDef": try parseClassDef()
        case "class": try parseClass()
        case "style": try parseStyle()
        case "linkStyle": try parseLinkStyle()
        case "click":
            note("`click` is ignored: diagrams in the handbook are not interactive", at: start)
            cursor.skipToLineEnd()
        case "accTitle", "accDescr":
            skipAccessibility()
        default:
            try parseVertexStatement()
        }
    }

    /// `accTitle: …`, `accDescr: …` and `accDescr { … }`: accepted, not kept.
    mutating func skipAccessibility() {
        _ = cursor.readID()
        cursor.skipSpaces()
        if cursor.peek() == UInt8(ascii: "{") {
            while let byte = cursor.peek(), byte != UInt8(ascii: "}") { cursor.position += 1 }
            if !cursor.atEnd { cursor.position += 1 }
        } else {
            cursor.skipToLineEnd()
        }
    }
}
