import DossierModel

/// Links: `-->` `---` `-.->` `-.-` `==>` `===` `~~~`, longer forms (`--->`), text forms
/// (`-- text -->`, `-. text .->`, `== text ==>`), pipe text (`-->|text|`) and ends
/// (`<-->`, `--o`, `--x`).
extension MermaidStatementParser {
    /// The link at the cursor, or `nil` when there is none.
    mutating func parseLink() throws(MermaidSyntaxError) -> MermaidLinkToken? {
        let start = cursor.position
        var token = MermaidLinkToken(offset: start)
        if cursor.hasPrefix("~~~") {
            while cursor.peek() == UInt8(ascii: "~") { cursor.position += 1 }
            token.invisible = true
            note("an invisible link (`~~~`) only shapes Mermaid's layout and is not drawn", at: start)
            return token
        }
        var startHead: UInt8?
        if let first = cursor.peek(), first == UInt8(ascii: "<") || first == UInt8(ascii: "x") || first == UInt8(ascii: "o"),
           let next = cursor.peek(1), next == UInt8(ascii: "-") || next == UInt8(ascii: "=") {
            startHead = first
            cursor.position += 1
        }
        let parsed: Bool
        switch cursor.peek() {
        case UInt8(ascii: "-"):
            if cursor.peek(1) == UInt8(ascii: ".") {
                parsed = try parseDotted(&token)
            } else {
                parsed = try parseRun(&token, stroke: UInt8(ascii: "-"), style: .solid)
            }
        case UInt8(ascii: "="):
            parsed = try parseRun(&token, stroke: UInt8(ascii: "="), style: .thick)
        default:
            parsed = false
        }
        guard parsed else {
            cursor.position = start
            return nil
        }
        if let head = startHead {
            token.arrow = true
            if head != UInt8(ascii: "<") || token.approximatedEnd == nil {
                token.approximatedEnd = head == UInt8(ascii: "<") ? "<" : String(UnicodeScalar(head))
            }
        }
        cursor.skipSpaces()
        if cursor.peek() == UInt8(ascii: "|") {
            token.label = try parsePipeText()
        }
        return token
    }

    /// `--…` and `==…` links: `-->`, `---`, `--o`, `--x`, or `-- text -->`.
    private mutating func parseRun(_ token: inout MermaidLinkToken, stroke: UInt8, style: DiagramEdge.Style) throws(MermaidSyntaxError) -> Bool {
        let start = cursor.position
        var count = 0
        while cursor.peek() == stroke { cursor.position += 1; count += 1 }
        guard count >= 2 else { return false }
        token.style = style
        if try parseEnd(&token) { return true }
        if count >= 3 {
            token.arrow = false
            return true
        }
        // `-- text -->`: the text runs to the next run of two or more strokes.
        let textStart = cursor.position
        while true {
            guard let byte = cursor.peek(), byte != 0x0A else {
                throw MermaidSyntaxError(offset: start, message: "the link text is never closed: expected `\(stroke == UInt8(ascii: "-") ? "-->" : "==>")`")
            }
            if byte == stroke, cursor.peek(1) == stroke {
                let textEnd = cursor.position
                var run = 0
                while cursor.peek() == stroke { cursor.position += 1; run += 1 }
                token.label = edgeText(textStart..<textEnd)
                if try parseEnd(&token) { return true }
                if run >= 3 {
                    token.arrow = false
                    return true
                }
                throw unexpected("expected `>` to end the link")
            }
            cursor.position += 1
        }
    }

    /// `-.->`, `-..->`, `-.-`, or `-. text .->`.
    private mutating func parseDotted(_ token: inout MermaidLinkToken) throws(MermaidSyntaxError) -> Bool {
        let start = cursor.position
        token.style = .dotted
        cursor.position += 1
        var dots = 0
        while cursor.peek() == UInt8(ascii: ".") { cursor.position += 1; dots += 1 }
        if cursor.peek() == UInt8(ascii: "-") {
            cursor.position += 1
            if try !parseEnd(&token) { token.arrow = false }
            return true
        }
        guard dots == 1 else { throw unexpected("expected `-` to end the dotted link") }
        let textStart = cursor.position
        while true {
            guard let byte = cursor.peek(), byte != 0x0A else {
                throw MermaidSyntaxError(offset: start, message: "the link text is never closed: expected `.->`")
            }
            if byte == UInt8(ascii: ".") {
                var end = cursor.position
                while end < cursor.bytes.count, cursor.bytes[end] == UInt8(ascii: ".") { end += 1 }
                if end < cursor.bytes.count, cursor.bytes[end] == UInt8(ascii: "-") {
                    var textEnd = cursor.position
                    if textEnd > textStart, cursor.bytes[textEnd - 1] == UInt8(ascii: "-") { textEnd -= 1 }
                    token.label = edgeText(textStart..<textEnd)
                    cursor.position = end + 1
                    if try !parseEnd(&token) { token.arrow = false }
                    return true
                }
            }
            cursor.position += 1
        }
    }

    /// An arrowhead after the strokes: `>` is drawn; `o` and `x` become plain arrows.
    private mutating func parseEnd(_ token: inout MermaidLinkToken) throws(MermaidSyntaxError) -> Bool {
        switch cursor.peek() {
        case UInt8(ascii: ">"):
            cursor.position += 1
            token.arrow = true
            return true
        case UInt8(ascii: "o"), UInt8(ascii: "x"):
            token.approximatedEnd = String(UnicodeScalar(cursor.peek()!))
            cursor.position += 1
            token.arrow = true
            return true
        default:
            return false
        }
    }

    /// Link text between strokes: trimmed, unquoted, entities decoded; `nil` when empty.
    private func edgeText(_ range: Range<Int>) -> String? {
        var text = cursor.text(range).trimmingSpaces()
        if text.count >= 2, text.first == "\"", text.last == "\"" { text = text.dropFirst().dropLast() }
        let decoded = MermaidText.decode(text)
        return decoded.isEmpty ? nil : decoded
    }

    /// `|text|` after a link.
    private mutating func parsePipeText() throws(MermaidSyntaxError) -> String? {
        let opening = cursor.position
        cursor.position += 1
        let label = try parseLabel(closers: ["|"], opening: opening)
        return label.isEmpty ? nil : label
    }
}
