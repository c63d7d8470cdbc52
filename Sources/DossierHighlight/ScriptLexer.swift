/// Highlights JavaScript and TypeScript, JSX included.
///
/// Nested constructs — `${…}` inside template literals, `{…}` inside JSX, elements
/// inside elements — live on an explicit stack of frames rather than in recursion,
/// so deeply nested or unbalanced input cannot exhaust the call stack. Whether a `/`
/// starts a regular expression and whether a `<` starts a JSX element both depend on
/// `expectsOperand`: true where an expression may begin, false after a value.
struct ScriptLexer {
    /// What the bytes at the top of the stack are.
    enum Frame {
        /// Code; `depth` counts unclosed `{` so the right `}` ends an interpolation.
        case code(depth: Int)
        /// The text of a template literal.
        case template
        /// Inside `<Tag …>`; `named` once the tag name has been read.
        case jsxTag(named: Bool)
        /// Between an element's opening and closing tags.
        case jsxChildren
    }

    var cursor: SourceCursor
    let typescript: Bool
    var stack: [Frame] = [.code(depth: 0)]
    /// True where an expression may start: a `/` there is a regex, a `<` may be JSX.
    var expectsOperand = true
    /// The keyword just read, for naming what follows (`class Foo`, `function bar`).
    var lastKeyword: String?
    /// True right after a `.`, where a word is a property even if it spells a keyword.
    var afterDot = false

    init(_ code: String, typescript: Bool) {
        cursor = SourceCursor(code)
        self.typescript = typescript
    }

    /// Runs the lexer over the whole input and returns the HTML.
    mutating func highlighted() -> String {
        while !cursor.atEnd {
            switch stack[stack.count - 1] {
            case .code: lexCode()
            case .template: lexTemplate()
            case .jsxTag(let named): lexJSXTag(named: named)
            case .jsxChildren: lexJSXChildren()
            }
        }
        return cursor.finish()
    }

    mutating func replaceTop(with frame: Frame) {
        stack[stack.count - 1] = frame
    }

    /// Reads one token of code.
    private mutating func lexCode() {
        let byte = cursor.current
        if byte.isWhitespace {
            cursor.position += 1
            return
        }
        if byte == UInt8(ascii: "/") && (cursor.peek() == UInt8(ascii: "/") || cursor.peek() == UInt8(ascii: "*")) {
            lexComment()
            return
        }
        let keyword = lastKeyword
        let wasAfterDot = afterDot
        lastKeyword = nil
        afterDot = false
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            lexQuotedString()
        case UInt8(ascii: "`"):
            cursor.flush()
            cursor.position += 1
            stack.append(.template)
        case UInt8(ascii: "/") where expectsOperand:
            lexRegex()
        case UInt8(ascii: "#") where cursor.position == 0 && cursor.peek() == UInt8(ascii: "!"):
            cursor.flush()
            cursor.skipToLineEnd()
            cursor.token(.meta)
        case UInt8(ascii: "@") where cursor.peek().isIdentifierStart:
            cursor.flush()
            cursor.position += 1
            cursor.skip { $0.isIdentifierContinue || $0 == UInt8(ascii: ".") }
            cursor.token(.meta)
        case UInt8(ascii: "."):
            if cursor.peek().isDigit {
                lexNumber()
            } else {
                cursor.position += 1
                afterDot = cursor.current != UInt8(ascii: ".")
                cursor.skip { $0 == UInt8(ascii: ".") }
                expectsOperand = true
            }
        case UInt8(ascii: "{"):
            if case .code(let depth) = stack[stack.count - 1] { replaceTop(with: .code(depth: depth + 1)) }
            cursor.position += 1
            expectsOperand = true
        case UInt8(ascii: "}"):
            closeBrace()
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
            cursor.position += 1
            expectsOperand = true
        case UInt8(ascii: ")"), UInt8(ascii: "]"):
            cursor.position += 1
            expectsOperand = false
        case UInt8(ascii: "<") where expectsOperand && looksLikeJSXElement():
            cursor.position += 1
            stack.append(.jsxTag(named: false))
        case _ where byte.isDigit:
            lexNumber()
        case _ where byte.isIdentifierStart || byte == UInt8(ascii: "$"):
            lexWord(after: keyword, afterDot: wasAfterDot)
        case _ where ScriptLexer.isOperator(byte):
            lexOperator()
        default:
            cursor.advance()
        }
    }

    /// A `}` closes a block, or ends the interpolation or JSX expression it belongs to.
    private mutating func closeBrace() {
        if case .code(let depth) = stack[stack.count - 1], depth > 0 {
            replaceTop(with: .code(depth: depth - 1))
            cursor.position += 1
        } else if stack.count > 1 {
            stack.removeLast()
            if case .template = stack[stack.count - 1] {
                cursor.flush()
                cursor.position += 1
                cursor.token(.operator)
                return
            }
            cursor.position += 1
        } else {
            cursor.position += 1
        }
        expectsOperand = false
    }

    private mutating func lexNumber() {
        cursor.flush()
        cursor.skipNumber()
        cursor.token(.number)
        expectsOperand = false
    }

    /// Reads an identifier and classes it by what it spells and what surrounds it.
    private mutating func lexWord(after keyword: String?, afterDot: Bool) {
        cursor.flush()
        let start = cursor.position
        cursor.skip { $0.isIdentifierContinue || $0 == UInt8(ascii: "$") }
        let word = cursor.position - start <= 24 ? cursor.text(from: start, to: cursor.position) : ""
        let next = cursor.current
        expectsOperand = false
        if afterDot {
            if next == UInt8(ascii: "(") { cursor.token(.function) }
            return
        }
        if ScriptKeywords.literals.contains(word) {
            cursor.token(.literal)
        } else if ScriptKeywords.reserved.contains(word) || isContextualKeyword(word) {
            cursor.token(.keyword)
            lastKeyword = word
            expectsOperand = !ScriptKeywords.endsExpression.contains(word)
        } else if let keyword, ScriptKeywords.introducesType.contains(keyword) {
            cursor.token(.type)
        } else if keyword == "function" || next == UInt8(ascii: "(") || next == UInt8(ascii: "`") {
            cursor.token(.function)
        } else if typescript && ScriptKeywords.builtinTypes.contains(word) {
            cursor.token(.type)
        } else if ScriptLexer.looksLikeTypeName(cursor.bytes[start..<cursor.position]) {
            cursor.token(.type)
        }
    }

    /// A contextual word is a keyword when something a keyword governs follows it:
    /// `type Foo`, `from 'x'`, `async (`, `as const` — not `{ type: 1 }` or `type = 2`.
    private func isContextualKeyword(_ word: String) -> Bool {
        guard ScriptKeywords.contextual.contains(word)
            || (typescript && ScriptKeywords.typeScriptContextual.contains(word))
        else { return false }
        let next = cursor.byte(at: cursor.indexAfterBlanks(from: cursor.position))
        if next.isIdentifierStart || next == UInt8(ascii: "$") { return true }
        switch next {
        case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "{"),
            UInt8(ascii: "["), UInt8(ascii: "*"):
            return true
        case UInt8(ascii: "("):
            return word == "async"
        default:
            return false
        }
    }

    /// A capitalised word with a lowercase letter in it: `Stack`, not `MAX_SIZE`.
    static func looksLikeTypeName(_ word: ArraySlice<UInt8>) -> Bool {
        guard let first = word.first, first.isUppercaseASCII else { return false }
        return word.contains { $0.isLowercaseASCII }
    }

    static func isOperator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"),
            UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "&"),
            UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    /// Reads a run of operator characters as one token.
    ///
    /// A `/` only ever starts a run (it may begin a comment), and a run stops before a
    /// `<` that could open a JSX element after `=`, `=>`, `&&`, `||` or `?`.
    private mutating func lexOperator() {
        cursor.flush()
        if cursor.current == UInt8(ascii: "/") {
            cursor.position += 1
            if cursor.current == UInt8(ascii: "=") { cursor.position += 1 }
        } else {
            let start = cursor.position
            while ScriptLexer.isOperator(cursor.current) && cursor.current != UInt8(ascii: "/") {
                if cursor.current == UInt8(ascii: "<") && cursor.position > start
                    && "=>&|?".utf8.contains(cursor.previous)
                    && (cursor.peek().isIdentifierStart || cursor.peek() == UInt8(ascii: ">"))
                {
                    break
                }
                cursor.position += 1
            }
        }
        cursor.token(.operator)
        expectsOperand = true
    }
}
