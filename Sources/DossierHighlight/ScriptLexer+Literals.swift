/// Comments, strings, template literals and regular expressions for ``ScriptLexer``.
extension ScriptLexer {
    /// Reads a `//` or `/* */` comment; an unclosed block comment runs to the end.
    mutating func lexComment() {
        cursor.flush()
        if cursor.peek() == UInt8(ascii: "/") {
            cursor.skipToLineEnd()
        } else {
            cursor.position += 2
            cursor.skip(past: Array("*/".utf8))
        }
        cursor.token(.comment)
    }

    /// Reads a `'…'` or `"…"` string. Like the language, an unclosed one ends at the
    /// line end; a backslash before the line feed continues it.
    mutating func lexQuotedString() {
        cursor.flush()
        let quote = cursor.current
        cursor.position += 1
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == .backslash {
                cursor.position += 1
                if cursor.current == .carriageReturn && cursor.peek() == .newline { cursor.position += 1 }
                cursor.advance()
            } else if byte == quote {
                cursor.position += 1
                break
            } else if byte == .newline {
                break
            } else {
                cursor.position += 1
            }
        }
        cursor.token(.string)
        expectsOperand = false
    }

    /// Reads template text up to the closing backtick or the next `${`, which opens a
    /// code frame that the matching `}` closes again.
    mutating func lexTemplate() {
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == .backslash {
                cursor.position += 1
                cursor.advance()
            } else if byte == UInt8(ascii: "`") {
                cursor.position += 1
                cursor.token(.string)
                stack.removeLast()
                expectsOperand = false
                return
            } else if byte == UInt8(ascii: "$") && cursor.peek() == UInt8(ascii: "{") {
                cursor.token(.string)
                cursor.position += 2
                cursor.token(.operator)
                stack.append(.code(depth: 0))
                expectsOperand = true
                return
            } else {
                cursor.position += 1
            }
        }
        cursor.token(.string)
    }

    /// Reads a regular expression literal up to its closing `/` and flags, or to the
    /// line end when it is not closed.
    mutating func lexRegex() {
        cursor.flush()
        cursor.position += 1
        var inClass = false
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == .newline { break }
            if byte == .backslash {
                cursor.position += 1
                if cursor.current != .newline { cursor.advance() }
                continue
            }
            if byte == UInt8(ascii: "[") {
                inClass = true
            } else if byte == UInt8(ascii: "]") {
                inClass = false
            } else if byte == UInt8(ascii: "/") && !inClass {
                cursor.position += 1
                cursor.skipIdentifier()
                break
            }
            cursor.position += 1
        }
        cursor.token(.string)
        expectsOperand = false
    }
}
