/// Highlights HCL and Terraform: blocks, arguments, `${…}` templates, heredocs.
///
/// A word followed by `=` is an argument (`runtime = …`), a word followed by `{` or a
/// quoted label is a block type (`resource "aws_lambda_function" "fn" {`). Templates
/// in strings and heredocs hold code in `${…}` and `%{…}`, kept on a stack of frames.
struct HCLLexer {
    /// What the bytes at the top of the stack are.
    enum Frame {
        /// Code; `depth` counts open brackets. `inString` marks the code of a
        /// template in a quoted string, which the string's line end also ends.
        case code(depth: Int, inString: Bool)
        /// Quoted string text.
        case string
        /// Heredoc text; `atLineStart` when the next line may be the delimiter.
        case heredoc(delimiter: [UInt8], atLineStart: Bool)
    }

    var cursor: SourceCursor
    var stack: [Frame] = [.code(depth: 0, inString: false)]
    /// The delimiter of a heredoc whose body starts on the next line.
    var pendingHeredoc: [UInt8]?

    init(_ code: String) {
        cursor = SourceCursor(code)
    }

    /// Runs the lexer over the whole input and returns the HTML.
    mutating func highlighted() -> String {
        while !cursor.atEnd {
            switch stack[stack.count - 1] {
            case .code(let depth, let inString): lexCode(depth: depth, inString: inString)
            case .string: lexString()
            case .heredoc(let delimiter, let atLineStart): lexHeredoc(delimiter: delimiter, atLineStart: atLineStart)
            }
        }
        return cursor.finish()
    }

    mutating func replaceTop(with frame: Frame) {
        stack[stack.count - 1] = frame
    }

    /// Reads one token of code.
    private mutating func lexCode(depth: Int, inString: Bool) {
        let byte = cursor.current
        let next = cursor.peek()
        switch byte {
        case .newline:
            cursor.position += 1
            if inString {
                // A quoted string ends at its line; so does any template inside it.
                stack.removeLast(2)
            }
            if let delimiter = pendingHeredoc {
                cursor.flush()
                pendingHeredoc = nil
                stack.append(.heredoc(delimiter: delimiter, atLineStart: true))
            }
        case .space, .tab, .carriageReturn:
            cursor.position += 1
        case UInt8(ascii: "#"):
            cursor.flush()
            cursor.skipToLineEnd()
            cursor.token(.comment)
        case UInt8(ascii: "/") where next == UInt8(ascii: "/"):
            cursor.flush()
            cursor.skipToLineEnd()
            cursor.token(.comment)
        case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
            cursor.flush()
            cursor.position += 2
            cursor.skip(past: Array("*/".utf8))
            cursor.token(.comment)
        case UInt8(ascii: "\""):
            cursor.flush()
            cursor.position += 1
            stack.append(.string)
        case UInt8(ascii: "<") where next == UInt8(ascii: "<") && startsHeredoc():
            lexHeredocHeader()
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            replaceTop(with: .code(depth: depth + 1, inString: inString))
            cursor.position += 1
        case UInt8(ascii: "}") where depth == 0 && stack.count > 1:
            cursor.flush()
            cursor.position += 1
            cursor.token(.operator)
            stack.removeLast()
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            replaceTop(with: .code(depth: max(0, depth - 1), inString: inString))
            cursor.position += 1
        case _ where byte.isDigit:
            cursor.flush()
            cursor.skipNumber()
            cursor.token(.number)
        case _ where byte.isIdentifierStart:
            lexWord()
        case _ where HCLLexer.isOperator(byte):
            cursor.flush()
            repeat {
                cursor.position += 1
            } while HCLLexer.isOperator(cursor.current)
                && !(cursor.current == UInt8(ascii: "/") && (cursor.peek() == UInt8(ascii: "/") || cursor.peek() == UInt8(ascii: "*")))
            cursor.token(.operator)
        default:
            cursor.advance()
        }
    }

    /// Reads a word: a literal, a keyword, a block type, an argument name, a function
    /// call, a type constraint, or (after a `.`) an attribute reference left plain.
    private mutating func lexWord() {
        cursor.flush()
        let start = cursor.position
        cursor.skip { $0.isIdentifierContinue || $0 == UInt8(ascii: "-") }
        let next = cursor.current
        if cursor.byte(at: start - 1) == UInt8(ascii: ".") {
            if next == UInt8(ascii: "(") { cursor.token(.function) }
            return
        }
        let word = cursor.position - start <= 16 ? cursor.text(from: start, to: cursor.position) : ""
        let following = cursor.indexAfterBlanks(from: cursor.position)
        let after = cursor.byte(at: following)
        let afterThat = cursor.byte(at: following + 1)
        if word == "true" || word == "false" || word == "null" {
            cursor.token(.literal)
        } else if HCLLexer.keywords.contains(word) {
            cursor.token(.keyword)
        } else if after == UInt8(ascii: "=") && afterThat != UInt8(ascii: "=") && afterThat != UInt8(ascii: ">") {
            cursor.token(.attribute)
        } else if after == UInt8(ascii: "{") || after == UInt8(ascii: "\"") {
            cursor.token(.keyword)
        } else if HCLLexer.types.contains(word) {
            cursor.token(.type)
        } else if next == UInt8(ascii: "(") {
            cursor.token(.function)
        }
    }

    static let keywords: Set<String> = ["for", "in", "if", "else", "endif", "endfor"]

    static let types: Set<String> = ["string", "number", "bool", "list", "map", "set", "object", "tuple", "any"]

    static func isOperator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "|"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
