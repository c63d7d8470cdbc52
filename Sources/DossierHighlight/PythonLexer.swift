/// Highlights Python, including f-strings, triple-quoted strings and decorators.
///
/// The `{…}` fields of an f-string are highlighted as code. They nest (a field can hold
/// a string that holds a field), so the lexer keeps a stack of frames instead of
/// recursing; deep nesting costs heap, not call stack.
struct PythonLexer {
    /// What the bytes at the top of the stack are.
    enum Frame {
        /// Code; `depth` counts open brackets. `inField` marks the code of an f-string
        /// replacement field, which a `}` or `:` at depth zero ends.
        case code(depth: Int, inField: Bool)
        /// The literal text of an f-string.
        case fString(quote: UInt8, triple: Bool)
        /// The format spec after `:` in a replacement field, up to its `}`.
        case formatSpec
    }

    var cursor: SourceCursor
    var stack: [Frame] = [.code(depth: 0, inField: false)]
    /// The keyword just read, for naming what follows (`def name`, `class Name`).
    var lastKeyword: String?

    init(_ code: String) {
        cursor = SourceCursor(code)
    }

    /// Runs the lexer over the whole input and returns the HTML.
    mutating func highlighted() -> String {
        while !cursor.atEnd {
            switch stack[stack.count - 1] {
            case .code(let depth, let inField): lexCode(depth: depth, inField: inField)
            case .fString(let quote, let triple): lexFString(quote: quote, triple: triple)
            case .formatSpec: lexFormatSpec()
            }
        }
        return cursor.finish()
    }

    private mutating func replaceTop(with frame: Frame) {
        stack[stack.count - 1] = frame
    }

    /// Reads one token of code.
    private mutating func lexCode(depth: Int, inField: Bool) {
        let byte = cursor.current
        if byte == .newline {
            cursor.position += 1
            if inField { abandonSingleLineFString() }
            return
        }
        if byte.isWhitespace {
            cursor.position += 1
            return
        }
        let keyword = lastKeyword
        lastKeyword = nil
        switch byte {
        case UInt8(ascii: "#"):
            let isShebang = cursor.position == 0 && cursor.peek() == UInt8(ascii: "!")
            cursor.flush()
            cursor.skipToLineEnd()
            cursor.token(isShebang ? .meta : .comment)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            cursor.flush()
            lexString(formatted: false)
        case UInt8(ascii: "@") where cursor.peek().isIdentifierStart && isFirstOnLine():
            cursor.flush()
            cursor.position += 1
            cursor.skip { $0.isIdentifierContinue || $0 == UInt8(ascii: ".") }
            cursor.token(.meta)
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            replaceTop(with: .code(depth: depth + 1, inField: inField))
            cursor.position += 1
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            closeBracket(depth: depth, inField: inField)
        case UInt8(ascii: ":") where inField && depth == 0:
            cursor.flush()
            cursor.position += 1
            cursor.token(.operator)
            replaceTop(with: .formatSpec)
        case UInt8(ascii: "."):
            if cursor.peek().isDigit {
                lexNumber()
            } else {
                cursor.position += 1
            }
        case _ where byte.isDigit:
            lexNumber()
        case _ where byte.isIdentifierStart:
            lexWord(after: keyword)
        case _ where PythonLexer.isOperator(byte):
            cursor.flush()
            cursor.skip(while: PythonLexer.isOperator)
            cursor.token(.operator)
        default:
            cursor.advance()
        }
    }

    /// True when only blanks precede the cursor on its line, where `@` is a decorator
    /// rather than matrix multiplication.
    private func isFirstOnLine() -> Bool {
        var index = cursor.position - 1
        while index >= 0 && cursor.bytes[index].isBlank { index -= 1 }
        return index < 0 || cursor.bytes[index] == .newline
    }

    private mutating func closeBracket(depth: Int, inField: Bool) {
        if depth > 0 {
            replaceTop(with: .code(depth: depth - 1, inField: inField))
            cursor.position += 1
        } else if inField && cursor.current == UInt8(ascii: "}") {
            cursor.flush()
            cursor.position += 1
            cursor.token(.operator)
            stack.removeLast()
        } else {
            cursor.position += 1
        }
    }

    private mutating func lexNumber() {
        cursor.flush()
        cursor.skipNumber()
        cursor.token(.number)
    }

    /// Reads an identifier, which may turn out to be a string prefix such as `f` or `rb`.
    private mutating func lexWord(after keyword: String?) {
        cursor.flush()
        let start = cursor.position
        cursor.skipIdentifier()
        let length = cursor.position - start
        let next = cursor.current
        if length <= 2 && (next == UInt8(ascii: "\"") || next == UInt8(ascii: "'")) {
            let prefix = cursor.lowercasedText(from: start, to: cursor.position)
            if PythonKeywords.stringPrefixes.contains(prefix) {
                lexString(formatted: prefix.contains("f") || prefix.contains("t"))
                return
            }
        }
        let word = length <= 24 ? cursor.text(from: start, to: cursor.position) : ""
        let afterDot = cursor.byte(at: start - 1) == UInt8(ascii: ".")
        if PythonKeywords.literals.contains(word) {
            cursor.token(.literal)
        } else if PythonKeywords.keywords.contains(word) && !afterDot {
            cursor.token(.keyword)
            lastKeyword = word
        } else if keyword == "def" {
            cursor.token(.function)
        } else if keyword == "class" || (!afterDot && PythonKeywords.builtinTypes.contains(word)) {
            cursor.token(.type)
        } else if ScriptLexer.looksLikeTypeName(cursor.bytes[start..<cursor.position]) {
            cursor.token(.type)
        } else if next == UInt8(ascii: "(") {
            cursor.token(.function)
        }
    }

    static func isOperator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"),
            UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "&"),
            UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }
}
