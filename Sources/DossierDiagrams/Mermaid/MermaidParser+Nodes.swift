import DossierModel

/// Nodes: `A`, `A[label]`, `A(label)`, … `A@{ shape: …, label: … }`, `A:::class`, `A & B`.
extension MermaidStatementParser {
    /// Words that cannot be node ids: Mermaid reads them as the start of a statement.
    static let keywords: Set<String> = ["end", "subgraph", "graph", "flowchart", "style", "classDef", "class", "linkStyle", "click"]

    /// A statement of nodes and links: `A[x] --> B & C -.-> D`.
    mutating func parseVertexStatement() throws(MermaidSyntaxError) {
        var group = try parseVertexGroup()
        while true {
            cursor.skipSpaces()
            if cursor.atStatementEnd { return }
            guard let token = try parseLink() else {
                throw unexpected("expected a link such as `-->`, `&` or the end of the statement")
            }
            cursor.skipSpaces()
            let next = try parseVertexGroup()
            for from in group {
                for to in next { graph.link(from: from, to: to, token: token) }
            }
            if let end = token.approximatedEnd {
                note("the link end '\(end)' is drawn as a plain arrow", at: token.offset)
            }
            group = next
        }
    }

    /// `A & B & C`.
    mutating func parseVertexGroup() throws(MermaidSyntaxError) -> [String] {
        var ids = [try parseVertex()]
        while true {
            let save = cursor.position
            cursor.skipSpaces()
            guard cursor.peek() == UInt8(ascii: "&") else {
                cursor.position = save
                return ids
            }
            cursor.position += 1
            cursor.skipSpaces()
            ids.append(try parseVertex())
        }
    }

    mutating func parseVertex() throws(MermaidSyntaxError) -> String {
        let start = cursor.position
        let id = cursor.readID()
        guard !id.isEmpty else { throw unexpected("expected a node id") }
        guard !Self.keywords.contains(id) else {
            throw MermaidSyntaxError(offset: start, message: "'\(id)' is a Mermaid keyword and cannot be a node id",
                                     notes: ["use another id and put the word in the label: n1[\"\(id)\"]"])
        }
        if let (shape, label) = try parseShape() {
            graph.vertex(id, label: label, shape: shape)
        } else if cursor.hasPrefix("@{") {
            let (shape, label) = try parseShapeData()
            graph.vertex(id, label: label, shape: shape)
        } else {
            graph.vertex(id)
        }
        if cursor.hasPrefix(":::") {
            cursor.position += 3
            let name = cursor.readID()
            guard !name.isEmpty else { throw unexpected("expected a class name after `:::`") }
            graph.assignClass(name, to: id)
        }
        return id
    }

    /// The shapes, longest opening first so `((` is not read as `(`.
    static let shapes: [(open: String, close: [String], shape: DiagramNode.Shape, approximated: Bool)] = [
        ("(((", [")))"], .circle, true),
        ("((", ["))"], .circle, false),
        ("([", ["])"], .stadium, false),
        ("(", [")"], .rounded, false),
        ("[[", ["]]"], .subroutine, false),
        ("[(", [")]"], .cylinder, false),
        ("[/", ["/]", "\\]"], .box, true),
        ("[\\", ["\\]", "/]"], .box, true),
        ("[", ["]"], .box, false),
        ("{{", ["}}"], .hexagon, false),
        ("{", ["}"], .rhombus, false),
        (">", ["]"], .asymmetric, false),
    ]

    /// A shape and label right after an id (Mermaid allows no space between them).
    mutating func parseShape() throws(MermaidSyntaxError) -> (DiagramNode.Shape, String)? {
        guard let entry = Self.shapes.first(where: { cursor.hasPrefix($0.open) }) else { return nil }
        let start = cursor.position
        cursor.position += entry.open.utf8.count
        let label = try parseLabel(closers: entry.close, opening: start)
        if entry.approximated {
            note("the shape '\(entry.open)…\(entry.close[0])' is drawn as \(entry.shape == .circle ? "a circle" : "a box")", at: start)
        }
        return (entry.shape, label)
    }

    /// A label up to one of `closers`: quoted (anything but `"`, line breaks allowed) or
    /// plain (no brackets, parentheses, braces, `|` or `"`, as in Mermaid).
    mutating func parseLabel(closers: [String], opening: Int) throws(MermaidSyntaxError) -> String {
        cursor.skipSpaces()
        if cursor.peek() == UInt8(ascii: "\"") {
            let text = try parseQuoted()
            cursor.skipSpaces()
            guard let closer = closers.first(where: { cursor.hasPrefix($0) }) else {
                throw unexpected("expected `\(closers[0])` after the quoted label")
            }
            cursor.position += closer.utf8.count
            return text
        }
        let start = cursor.position
        while true {
            if let closer = closers.first(where: { cursor.hasPrefix($0) }) {
                let text = cursor.text(start..<cursor.position)
                cursor.position += closer.utf8.count
                return MermaidText.decode(text.trimmingSpaces())
            }
            guard let byte = cursor.peek(), byte != 0x0A else {
                throw MermaidSyntaxError(offset: opening, message: "the label is not closed: expected `\(closers[0])` on the same line")
            }
            if Self.isReservedInLabel(byte) {
                throw MermaidSyntaxError(offset: cursor.position,
                                         message: "'\(UnicodeScalar(byte))' cannot appear in an unquoted label",
                                         notes: ["quote the label: id[\"text with (parentheses)\"]"])
            }
            cursor.position += 1
        }
    }

    static func isReservedInLabel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\""):
            return true
        default:
            return false
        }
    }

    /// `"text"` or the Markdown form `` "`text`" `` (kept as its text).
    mutating func parseQuoted() throws(MermaidSyntaxError) -> String {
        let opening = cursor.position
        cursor.position += 1
        let markdown = cursor.peek() == UInt8(ascii: "`")
        if markdown { cursor.position += 1 }
        let start = cursor.position
        while let byte = cursor.peek() {
            if markdown {
                if cursor.hasPrefix("`\"") {
                    let text = cursor.text(start..<cursor.position)
                    cursor.position += 2
                    return MermaidText.decode(text)
                }
            } else if byte == UInt8(ascii: "\"") {
                let text = cursor.text(start..<cursor.position)
                cursor.position += 1
                return MermaidText.decode(text)
            }
            cursor.position += 1
        }
        throw MermaidSyntaxError(offset: opening, message: "the quoted text is never closed")
    }

    /// Mermaid 11's `A@{ shape: rounded, label: "Text" }`.
    mutating func parseShapeData() throws(MermaidSyntaxError) -> (DiagramNode.Shape?, String?) {
        let opening = cursor.position
        cursor.position += 2
        var pairs: [(key: String, value: String, offset: Int)] = []
        var partStart = cursor.position
        var inQuotes = false
        func addPart(_ end: Int) {
            let raw = cursor.text(partStart..<end)
            guard let colon = raw.firstIndex(of: ":") else { return }
            var value = raw[raw.index(after: colon)...].trimmingSpaces()
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
            pairs.append((String(raw[..<colon].trimmingSpaces()).trimmingCharacters(), MermaidText.decode(value), partStart))
        }
        while true {
            guard let byte = cursor.peek() else {
                throw MermaidSyntaxError(offset: opening, message: "`@{` is never closed with `}`")
            }
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes && (byte == UInt8(ascii: ",") || byte == 0x0A || byte == UInt8(ascii: "}")) {
                addPart(cursor.position)
                cursor.position += 1
                partStart = cursor.position
                if byte == UInt8(ascii: "}") { break }
                continue
            }
            cursor.position += 1
        }
        var shape: DiagramNode.Shape?
        var label: String?
        for pair in pairs {
            switch pair.key {
            case "label": label = pair.value
            case "shape":
                shape = Self.shapeNames[pair.value]
                if shape == nil {
                    shape = .box
                    note("the shape '\(pair.value)' is drawn as a box", at: pair.offset)
                }
            default:
                note("'\(pair.key)' in `@{…}` is ignored", at: pair.offset)
            }
        }
        return (shape, label)
    }

    /// Mermaid 11 shape names and their aliases, for the shapes Dossier draws.
    static let shapeNames: [String: DiagramNode.Shape] = [
        "rect": .box, "rectangle": .box, "proc": .box, "process": .box, "square": .box,
        "rounded": .rounded, "event": .rounded,
        "stadium": .stadium, "pill": .stadium, "terminal": .stadium,
        "subproc": .subroutine, "subprocess": .subroutine, "subroutine": .subroutine,
        "fr-rect": .subroutine, "framed-rectangle": .subroutine,
        "cyl": .cylinder, "cylinder": .cylinder, "database": .cylinder, "db": .cylinder,
        "circle": .circle, "circ": .circle,
        "diam": .rhombus, "diamond": .rhombus, "decision": .rhombus, "question": .rhombus,
        "hex": .hexagon, "hexagon": .hexagon, "prepare": .hexagon,
        "odd": .asymmetric,
    ]
}
