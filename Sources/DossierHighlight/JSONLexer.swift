/// Highlights JSON, with the comments, single quotes and bare keys of JSONC and JSON5.
///
/// A string is a key when a `:` follows it (after whitespace), so keys and values get
/// different classes without tracking objects and arrays; unbalanced brackets cannot
/// confuse it.
struct JSONLexer {
    var cursor: SourceCursor

    init(_ code: String) {
        cursor = SourceCursor(code)
    }

    /// Runs the lexer over the whole input and returns the HTML.
    mutating func highlighted() -> String {
        while !cursor.atEnd {
            lexToken()
        }
        return cursor.finish()
    }

    private mutating func lexToken() {
        let byte = cursor.current
        switch byte {
        case UInt8(ascii: "/") where cursor.peek() == UInt8(ascii: "/"):
            cursor.flush()
            cursor.skipToLineEnd()
            cursor.token(.comment)
        case UInt8(ascii: "/") where cursor.peek() == UInt8(ascii: "*"):
            cursor.flush()
            cursor.position += 2
            cursor.skip(past: Array("*/".utf8))
            cursor.token(.comment)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            lexString(quote: byte)
        case UInt8(ascii: "-"), UInt8(ascii: "+"):
            if cursor.peek().isDigit || cursor.peek() == UInt8(ascii: ".") || cursor.peek() == UInt8(ascii: "I") {
                cursor.flush()
                cursor.position += 1
                lexNumberBody()
            } else {
                cursor.position += 1
            }
        case UInt8(ascii: ".") where cursor.peek().isDigit:
            cursor.flush()
            lexNumberBody()
        case _ where byte.isDigit:
            cursor.flush()
            lexNumberBody()
        case _ where byte.isIdentifierStart || byte == UInt8(ascii: "$"):
            lexWord()
        default:
            cursor.advance()
        }
    }

    /// Reads a string, which ends at its quote or, unclosed, at the line end, then
    /// classes it as a key when a colon follows.
    private mutating func lexString(quote: UInt8) {
        cursor.flush()
        cursor.position += 1
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == .backslash {
                cursor.position += 1
                if cursor.current != .newline { cursor.advance() }
            } else if byte == quote {
                cursor.position += 1
                break
            } else if byte == .newline {
                break
            } else {
                cursor.position += 1
            }
        }
        cursor.token(isFollowedByColon() ? .attribute : .string)
    }

    private mutating func lexNumberBody() {
        if cursor.current.isIdentifierStart {
            cursor.skipIdentifier()  // Infinity
        } else {
            cursor.skipNumber()
        }
        cursor.token(.number)
    }

    /// Reads a bare word: a literal, a JSON5 key, `NaN`/`Infinity`, or plain text.
    private mutating func lexWord() {
        cursor.flush()
        let start = cursor.position
        cursor.skip { $0.isIdentifierContinue || $0 == UInt8(ascii: "$") }
        switch cursor.position - start <= 8 ? cursor.text(from: start, to: cursor.position) : "" {
        case "true", "false", "null":
            cursor.token(.literal)
        case "NaN", "Infinity":
            cursor.token(.number)
        default:
            if isFollowedByColon() { cursor.token(.attribute) }
        }
    }

    private func isFollowedByColon() -> Bool {
        cursor.nextNonWhitespace(from: cursor.position) == UInt8(ascii: ":")
    }
}
