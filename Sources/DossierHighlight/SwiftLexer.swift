/// Highlights Swift: attributes, compiler directives, raw and multi-line strings with
/// `\(…)` interpolation, and nested block comments.
///
/// Interpolations nest inside strings inside interpolations, so the lexer keeps a
/// stack of frames rather than recursing.
struct SwiftLexer {
    /// What the bytes at the top of the stack are.
    enum Frame {
        /// Code; `depth` counts open brackets. `inInterpolation` marks the code of a
        /// `\(…)`, which a `)` at depth zero ends.
        case code(depth: Int, inInterpolation: Bool)
        /// String text; `hashes` is the number of `#` around a raw string.
        case string(hashes: Int, multiline: Bool)
    }

    var cursor: SourceCursor
    var stack: [Frame] = [.code(depth: 0, inInterpolation: false)]
    var lastKeyword: String?
    var afterDot = false

    init(_ code: String) {
        cursor = SourceCursor(code)
    }

    /// Runs the lexer over the whole input and returns the HTML.
    mutating func highlighted() -> String {
        while !cursor.atEnd {
            switch stack[stack.count - 1] {
            case .code(let depth, let inInterpolation): lexCode(depth: depth, inInterpolation: inInterpolation)
            case .string(let hashes, let multiline): lexString(hashes: hashes, multiline: multiline)
            }
        }
        return cursor.finish()
    }

    private mutating func replaceTop(with frame: Frame) {
        stack[stack.count - 1] = frame
    }

    /// Reads one token of code.
    private mutating func lexCode(depth: Int, inInterpolation: Bool) {
        let byte = cursor.current
        if byte == .newline {
            cursor.position += 1
            if inInterpolation { abandonSingleLineString() }
            return
        }
        if byte.isWhitespace {
            cursor.position += 1
            return
        }
        if byte == UInt8(ascii: "/") && cursor.peek() == UInt8(ascii: "/") {
            cursor.flush()
            cursor.skipToLineEnd()
            cursor.token(.comment)
            return
        }
        if byte == UInt8(ascii: "/") && cursor.peek() == UInt8(ascii: "*") {
            lexBlockComment()
            return
        }
        let keyword = lastKeyword
        let wasAfterDot = afterDot
        lastKeyword = nil
        afterDot = false
        switch byte {
        case UInt8(ascii: "\""):
            cursor.flush()
            openString(hashes: 0)
        case UInt8(ascii: "#"):
            lexPound()
        case UInt8(ascii: "@") where cursor.peek().isIdentifierStart:
            cursor.flush()
            cursor.position += 1
            cursor.skipIdentifier()
            cursor.token(.meta)
        case UInt8(ascii: "`"):
            cursor.position += 1
            cursor.skip { $0 != UInt8(ascii: "`") && $0 != .newline }
            if cursor.current == UInt8(ascii: "`") { cursor.position += 1 }
        case UInt8(ascii: "$") where cursor.peek().isIdentifierContinue:
            cursor.flush()
            cursor.position += 1
            cursor.skipIdentifier()
            cursor.token(.variable)
        case UInt8(ascii: "."):
            cursor.position += 1
            afterDot = true
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            replaceTop(with: .code(depth: depth + 1, inInterpolation: inInterpolation))
            cursor.position += 1
        case UInt8(ascii: ")") where depth == 0 && inInterpolation:
            cursor.flush()
            cursor.position += 1
            cursor.token(.operator)
            stack.removeLast()
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            replaceTop(with: .code(depth: max(0, depth - 1), inInterpolation: inInterpolation))
            cursor.position += 1
        case _ where byte.isDigit:
            cursor.flush()
            cursor.skipNumber()
            cursor.token(.number)
        case _ where byte.isIdentifierStart:
            lexWord(after: keyword, afterDot: wasAfterDot)
        case _ where SwiftLexer.isOperator(byte):
            cursor.flush()
            repeat {
                cursor.position += 1
            } while SwiftLexer.isOperator(cursor.current)
                && !(cursor.current == UInt8(ascii: "/") && (cursor.peek() == UInt8(ascii: "/") || cursor.peek() == UInt8(ascii: "*")))
            cursor.token(.operator)
        default:
            cursor.advance()
        }
    }

    /// Reads a `/* */` comment; Swift's block comments nest.
    private mutating func lexBlockComment() {
        cursor.flush()
        cursor.position += 2
        var depth = 1
        while !cursor.atEnd && depth > 0 {
            if cursor.current == UInt8(ascii: "/") && cursor.peek() == UInt8(ascii: "*") {
                depth += 1
                cursor.position += 2
            } else if cursor.current == UInt8(ascii: "*") && cursor.peek() == UInt8(ascii: "/") {
                depth -= 1
                cursor.position += 2
            } else {
                cursor.position += 1
            }
        }
        cursor.token(.comment)
    }

    /// `#if`, `#available`, `#Preview` are meta; `#"…"#` opens a raw string; `#!` on
    /// the first line is a shebang.
    private mutating func lexPound() {
        cursor.flush()
        if cursor.position == 0 && cursor.peek() == UInt8(ascii: "!") {
            cursor.skipToLineEnd()
            cursor.token(.meta)
            return
        }
        var index = cursor.position
        while cursor.byte(at: index) == UInt8(ascii: "#") { index += 1 }
        if cursor.byte(at: index) == UInt8(ascii: "\"") {
            let hashes = index - cursor.position
            cursor.position = index
            openString(hashes: hashes)
        } else if cursor.peek().isIdentifierStart {
            cursor.position += 1
            cursor.skipIdentifier()
            cursor.token(.meta)
            lastKeyword = "#"  // a condition such as `#if DEBUG` names a flag, not a type
        } else {
            cursor.position += 1
        }
    }

    private mutating func lexWord(after keyword: String?, afterDot: Bool) {
        cursor.flush()
        let start = cursor.position
        cursor.skipIdentifier()
        let next = cursor.current
        if afterDot {
            if next == UInt8(ascii: "(") { cursor.token(.function) }
            return
        }
        let word = cursor.position - start <= 24 ? cursor.text(from: start, to: cursor.position) : ""
        if SwiftWords.literals.contains(word) {
            cursor.token(.literal)
        } else if SwiftWords.keywords.contains(word) {
            cursor.token(.keyword)
            lastKeyword = word
        } else if keyword == "func" {
            cursor.token(.function)
        } else if let keyword, SwiftWords.introducesType.contains(keyword) {
            cursor.token(.type)
        } else if cursor.bytes[start].isUppercaseASCII && keyword != "#" {
            cursor.token(.type)
        } else if next == UInt8(ascii: "(") {
            cursor.token(.function)
        }
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
}
