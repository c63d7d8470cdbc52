/// Quoted strings and heredocs for ``HCLLexer``, with their `${…}` and `%{…}` templates.
extension HCLLexer {
    /// Reads quoted string text up to the closing quote, the line end (where an open
    /// string ends), or the next template.
    mutating func lexString() {
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == .backslash {
                cursor.position += 1
                if cursor.current != .newline { cursor.advance() }
            } else if byte == UInt8(ascii: "\"") {
                cursor.position += 1
                cursor.token(.string)
                stack.removeLast()
                return
            } else if byte == .newline {
                cursor.token(.string)
                stack.removeLast()
                return
            } else if lexTemplateStart(inString: true) {
                return
            } else {
                cursor.position += 1
            }
        }
        cursor.token(.string)
    }

    /// At `${` or `%{`, writes the text so far, opens a code frame and returns true;
    /// `$${` and `%%{` are escapes that stay text.
    private mutating func lexTemplateStart(inString: Bool) -> Bool {
        let byte = cursor.current
        guard byte == UInt8(ascii: "$") || byte == UInt8(ascii: "%") else { return false }
        if cursor.peek() == byte && cursor.peek(2) == UInt8(ascii: "{") {
            cursor.position += 3
            return false
        }
        guard cursor.peek() == UInt8(ascii: "{") else { return false }
        cursor.token(.string)
        cursor.position += 2
        if cursor.current == UInt8(ascii: "~") { cursor.position += 1 }
        cursor.token(.operator)
        stack.append(.code(depth: 0, inString: inString))
        return true
    }

    /// True at `<<WORD` or `<<-WORD`.
    func startsHeredoc() -> Bool {
        var index = cursor.position + 2
        if cursor.byte(at: index) == UInt8(ascii: "-") { index += 1 }
        return cursor.byte(at: index).isIdentifierStart
    }

    /// Reads `<<WORD` or `<<-WORD`; the body starts on the next line.
    mutating func lexHeredocHeader() {
        cursor.flush()
        cursor.position += 2
        if cursor.current == UInt8(ascii: "-") { cursor.position += 1 }
        cursor.token(.operator)
        let start = cursor.position
        cursor.skip { $0.isIdentifierContinue || $0 == UInt8(ascii: "-") }
        pendingHeredoc = Array(cursor.bytes[start..<cursor.position])
        cursor.token(.string)
    }

    /// Reads heredoc text a line at a time. A line holding only the delimiter (blanks
    /// around it allowed, as with `<<-`) ends the heredoc.
    mutating func lexHeredoc(delimiter: [UInt8], atLineStart: Bool) {
        if atLineStart {
            let contentStart = cursor.indexAfterBlanks(from: cursor.position)
            var lineEnd = contentStart
            while lineEnd < cursor.bytes.count && cursor.bytes[lineEnd] != .newline { lineEnd += 1 }
            var contentEnd = lineEnd
            while contentEnd > contentStart && cursor.bytes[contentEnd - 1].isWhitespace { contentEnd -= 1 }
            if contentEnd - contentStart == delimiter.count && cursor.matches(delimiter, at: contentStart) {
                cursor.position = lineEnd
                cursor.token(.string)
                stack.removeLast()
                return
            }
            replaceTop(with: .heredoc(delimiter: delimiter, atLineStart: false))
        }
        while !cursor.atEnd {
            if cursor.current == .newline {
                cursor.position += 1
                cursor.token(.string)
                replaceTop(with: .heredoc(delimiter: delimiter, atLineStart: true))
                return
            }
            if lexTemplateStart(inString: false) { return }
            cursor.position += 1
        }
        cursor.token(.string)
    }
}
