/// Highlights SQL across common dialects, plus dbt's Jinja delimiters.
///
/// Keywords are matched case-insensitively. dbt models mix SQL with `{{ … }}`,
/// `{% … %}` and `{# … #}`; the delimiters are marked as meta, the code inside is read
/// as SQL (so `ref('orders')` still shows a call and a string), and `{# … #}` is a
/// comment.
struct SQLLexer {
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
        let next = cursor.peek()
        switch byte {
        case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
            cursor.flush()
            cursor.skipToLineEnd()
            cursor.token(.comment)
        case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
            lexBlock(opening: 2, closing: Array("*/".utf8), as: .comment)
        case UInt8(ascii: "{") where next == UInt8(ascii: "#"):
            lexBlock(opening: 2, closing: Array("#}".utf8), as: .comment)
        case UInt8(ascii: "{") where next == UInt8(ascii: "{") || next == UInt8(ascii: "%"):
            cursor.flush()
            cursor.position += 2
            if cursor.current == UInt8(ascii: "-") { cursor.position += 1 }
            cursor.token(.meta)
        case UInt8(ascii: "}") where next == UInt8(ascii: "}"),
            UInt8(ascii: "%") where next == UInt8(ascii: "}"),
            UInt8(ascii: "-") where (next == UInt8(ascii: "%") || next == UInt8(ascii: "}")) && cursor.peek(2) == UInt8(ascii: "}"):
            cursor.flush()
            cursor.position += byte == UInt8(ascii: "-") ? 3 : 2
            cursor.token(.meta)
        case UInt8(ascii: "'"):
            lexQuoted(quote: byte, as: .string)
        case UInt8(ascii: "\""), UInt8(ascii: "`"):
            lexQuoted(quote: byte, as: nil)
        case UInt8(ascii: "$"):
            lexDollar()
        case UInt8(ascii: ":") where next == UInt8(ascii: ":"):
            cursor.flush()
            cursor.position += 2
            cursor.token(.operator)
        case UInt8(ascii: ":") where next.isIdentifierStart, UInt8(ascii: "@") where next.isIdentifierStart:
            cursor.flush()
            cursor.position += 1
            cursor.skip { $0.isIdentifierContinue }
            cursor.token(.variable)
        case UInt8(ascii: ".") where next.isDigit:
            lexNumber()
        case _ where byte.isDigit:
            lexNumber()
        case _ where byte.isIdentifierStart:
            lexWord()
        case _ where SQLLexer.isOperator(byte):
            lexOperator()
        default:
            cursor.advance()
        }
    }

    /// Reads from an opening delimiter through `closing`, or to the end when unclosed.
    private mutating func lexBlock(opening: Int, closing: [UInt8], as kind: TokenClass) {
        cursor.flush()
        cursor.position += opening
        cursor.skip(past: closing)
        cursor.token(kind)
    }

    /// Reads a quoted string or identifier. A doubled quote and a backslash both
    /// escape (Snowflake and MySQL accept backslashes); strings may span lines.
    private mutating func lexQuoted(quote: UInt8, as kind: TokenClass?) {
        cursor.flush()
        cursor.position += 1
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == .backslash && quote == UInt8(ascii: "'") {
                cursor.position += 1
                cursor.advance()
            } else if byte == quote {
                cursor.position += 1
                if cursor.current != quote { break }
                cursor.position += 1
            } else {
                cursor.position += 1
            }
        }
        if let kind { cursor.token(kind) } else { cursor.flush() }
    }

    /// `$$ … $$` and `$tag$ … $tag$` bodies are strings; `$1` is a parameter.
    private mutating func lexDollar() {
        cursor.flush()
        var tagEnd = cursor.position + 1
        if cursor.byte(at: tagEnd).isIdentifierStart {
            tagEnd += 1
            while cursor.byte(at: tagEnd).isIdentifierContinue { tagEnd += 1 }
        }
        if cursor.byte(at: tagEnd) == UInt8(ascii: "$") {
            let tag = Array(cursor.bytes[cursor.position...tagEnd])
            cursor.position = tagEnd + 1
            cursor.skip(past: tag)
            cursor.token(.string)
        } else if cursor.peek().isDigit {
            cursor.position += 1
            cursor.skip { $0.isDigit }
            cursor.token(.variable)
        } else {
            cursor.position += 1
        }
    }

    private mutating func lexNumber() {
        cursor.flush()
        cursor.skipNumber()
        cursor.token(.number)
    }

    /// Reads a word and looks it up case-insensitively. After a `.` a word is a column
    /// or table name whatever it spells, and before a single `=` it is a named argument
    /// (`materialized='table'` in a dbt config) or a column being compared.
    private mutating func lexWord() {
        cursor.flush()
        let start = cursor.position
        cursor.skip { $0.isIdentifierContinue || $0 == UInt8(ascii: "$") }
        guard cursor.byte(at: start - 1) != UInt8(ascii: ".") else { return }
        let word = cursor.position - start <= 24 ? cursor.lowercasedText(from: start, to: cursor.position) : ""
        if SQLWords.literals.contains(word) {
            cursor.token(.literal)
        } else if SQLWords.keywords.contains(word) && !isFollowedByEquals() {
            cursor.token(.keyword)
        } else if SQLWords.types.contains(word) {
            cursor.token(.type)
        } else if cursor.current == UInt8(ascii: "(") {
            cursor.token(.function)
        }
    }

    /// Reads a run of operator characters, stopping before a `--` or `/*` comment and
    /// before the `%}` or `-}}` that closes a Jinja tag.
    private mutating func lexOperator() {
        cursor.flush()
        repeat {
            cursor.position += 1
            let byte = cursor.current
            let next = cursor.peek()
            if byte == UInt8(ascii: "-") && (next == UInt8(ascii: "-") || next == UInt8(ascii: "%") || next == UInt8(ascii: "}")) { break }
            if byte == UInt8(ascii: "/") && next == UInt8(ascii: "*") { break }
            if byte == UInt8(ascii: "%") && next == UInt8(ascii: "}") { break }
        } while SQLLexer.isOperator(cursor.current)
        cursor.token(.operator)
    }

    private func isFollowedByEquals() -> Bool {
        let index = cursor.indexAfterBlanks(from: cursor.position)
        return cursor.byte(at: index) == UInt8(ascii: "=") && cursor.byte(at: index + 1) != UInt8(ascii: "=")
    }

    static func isOperator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
            UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "&"):
            return true
        default:
            return false
        }
    }
}
