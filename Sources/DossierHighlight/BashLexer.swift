/// Highlights shell scripts and interactive shell sessions.
///
/// A shell word's meaning depends on where it stands: the first word of a command is
/// the command (`npx` in `npx ampx sandbox`), `NAME=` there is an assignment, and the
/// rest are arguments. ``WordState`` tracks that. Command substitutions and
/// double-quoted strings nest, so they live on a stack of frames; each substitution
/// saves the word state of the command around it and restores it when it closes.
struct BashLexer {
    /// What the next word at a word start is.
    enum Role: Equatable {
        case command, argument, name, functionName, declaration
    }

    /// Where the lexer stands within the current command.
    struct WordState {
        var role = Role.command
        /// True after a blank or an operator, before any part of the next word.
        var atWordStart = true
        /// True while reading the value of `NAME=value`.
        var inAssignmentValue = false
        /// True when an assignment led the command, so the word after it is the command.
        var commandFollowsAssignment = false
        /// True after `for`, `select` or `case` until the `in`.
        var expectsIn = false
    }

    /// What the bytes at the top of the stack are.
    enum Frame {
        /// Code; `depth` counts open parentheses. `saved` is the word state of the
        /// command around a `$(…)`, restored when it closes.
        case code(depth: Int, saved: WordState?)
        /// The inside of a `"…"` string.
        case doubleQuoted
    }

    /// A here-document whose body starts on the next line.
    struct Heredoc {
        var delimiter: [UInt8]
        var stripsTabs: Bool
        var expands: Bool
    }

    var cursor: SourceCursor
    var stack: [Frame] = [.code(depth: 0, saved: nil)]
    var state = WordState()
    var pendingHeredocs: [Heredoc] = []
    /// True when lines are prompts (`$ cmd`) and their output rather than a script.
    let isSession: Bool
    /// True when the next byte starts a line of the top-level command.
    var atLineStart = true
    /// How many `case … esac` statements are open; inside one, `word)` is a pattern.
    var openCaseStatements = 0

    /// `declaredSession` is true for `console` and `shell-session` blocks, which are a
    /// session when any line has a prompt; other blocks are a session when their first
    /// line has one.
    init(_ code: String, declaredSession: Bool) {
        cursor = SourceCursor(code)
        isSession = BashLexer.looksLikeSession(cursor.bytes, anyLine: declaredSession)
    }

    /// Runs the lexer over the whole input and returns the HTML.
    mutating func highlighted() -> String {
        while !cursor.atEnd {
            if atLineStart {
                atLineStart = false
                if isSession && !lexPrompt() { continue }
            }
            switch stack[stack.count - 1] {
            case .code(let depth, _): lexCode(depth: depth)
            case .doubleQuoted: lexDoubleQuoted()
            }
        }
        return cursor.finish()
    }

    mutating func replaceTop(with frame: Frame) {
        stack[stack.count - 1] = frame
    }

    /// Reads one token of code.
    private mutating func lexCode(depth: Int) {
        let byte = cursor.current
        switch byte {
        case .newline:
            cursor.position += 1
            endCommand()
            if !pendingHeredocs.isEmpty { lexHeredocBodies() }
            atLineStart = stack.count == 1
        case .space, .tab, .carriageReturn:
            cursor.position += 1
            endWord()
        case UInt8(ascii: "#") where isAtWordBoundary():
            let isShebang = cursor.position == 0 && cursor.peek() == UInt8(ascii: "!")
            cursor.flush()
            cursor.skipToLineEnd()
            cursor.token(isShebang ? .meta : .comment)
        case .backslash:
            cursor.position += 1
            cursor.advance()
            if cursor.previous != .newline { beginWord() }
        case UInt8(ascii: "'"):
            beginWord()
            cursor.flush()
            cursor.position += 1
            cursor.skip { $0 != UInt8(ascii: "'") }
            cursor.advance()
            cursor.token(.string)
        case UInt8(ascii: "\""):
            beginWord()
            cursor.flush()
            cursor.position += 1
            stack.append(.doubleQuoted)
        case UInt8(ascii: "$"):
            lexDollar(inCode: true)
        case UInt8(ascii: "`"):
            cursor.flush()
            cursor.position += 1
            cursor.token(.operator)
            endCommand()
        case UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "&"):
            lexControlOperator()
        case UInt8(ascii: "<"), UInt8(ascii: ">"):
            lexRedirection()
        case UInt8(ascii: "("):
            let isArrayValue = cursor.previous == UInt8(ascii: "=")
            let isArithmetic = cursor.previous == UInt8(ascii: "(") || cursor.peek() == UInt8(ascii: "(")
            cursor.position += 1
            replaceTop(with: .code(depth: depth + 1, saved: nil))
            if !isArrayValue { endCommand() }
            if isArrayValue || isArithmetic { state.role = .argument }
        case UInt8(ascii: ")"):
            closeParenthesis(depth: depth)
        case UInt8(ascii: "{") where BashWords.breaksWord(cursor.peek()) || cursor.peek() == 0,
            UInt8(ascii: "}") where BashWords.breaksWord(cursor.peek()) || cursor.peek() == 0:
            cursor.position += 1
            if byte == UInt8(ascii: "{") { endCommand() } else { state.role = .argument }
        default:
            lexWord()
        }
    }

    /// A `#` starts a comment only at the start of a word.
    private func isAtWordBoundary() -> Bool {
        let previous = cursor.previous
        return cursor.position == 0 || previous.isWhitespace || ";&|()`".utf8.contains(previous)
    }

    /// A `)` closes a subshell, a case pattern, or the `$(…)` on top of the stack.
    private mutating func closeParenthesis(depth: Int) {
        if depth > 0 {
            replaceTop(with: .code(depth: depth - 1, saved: nil))
            cursor.position += 1
        } else if stack.count > 1, case .code(_, let saved) = stack[stack.count - 1] {
            stack.removeLast()
            cursor.flush()
            cursor.position += 1
            cursor.token(.operator)
            if let saved { state = saved }
            return
        } else {
            cursor.position += 1
            if openCaseStatements > 0 {
                endCommand()  // after a case pattern, a command follows
                return
            }
        }
        state.role = .argument
        state.atWordStart = true
    }

    /// `;`, `;;`, `|`, `||`, `&`, `&&`, `|&`; `&>` is a redirection instead.
    private mutating func lexControlOperator() {
        cursor.flush()
        if cursor.current == UInt8(ascii: "&") && cursor.peek() == UInt8(ascii: ">") {
            cursor.position += 2
            cursor.skip { $0 == UInt8(ascii: ">") }
            cursor.token(.operator)
            state.atWordStart = true
            return
        }
        cursor.skip { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "&") }
        cursor.token(.operator)
        endCommand()
    }

    /// `<`, `>`, `>>`, `2>&1`-style duplications, `<<<`, and `<<` heredoc headers.
    private mutating func lexRedirection() {
        if cursor.current == UInt8(ascii: "<") && cursor.peek() == UInt8(ascii: "<") && cursor.peek(2) != UInt8(ascii: "<") {
            lexHeredocHeader()
            return
        }
        cursor.flush()
        cursor.skip { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "|") }
        if cursor.current == UInt8(ascii: "&") {
            cursor.position += 1
            cursor.skip { $0.isDigit || $0 == UInt8(ascii: "-") }
        }
        cursor.token(.operator)
        state.atWordStart = true
    }

    /// Resets the word state at the end of a command: the next word is a command.
    mutating func endCommand() {
        state = WordState()
    }

    /// Marks the end of a word at a blank.
    private mutating func endWord() {
        state.atWordStart = true
        state.inAssignmentValue = false
        if state.commandFollowsAssignment {
            state.commandFollowsAssignment = false
            state.role = .command
        }
    }

    /// Notes that a word has begun with something other than a plain segment (a string,
    /// a variable): a command word is then taken, and later segments are arguments.
    mutating func beginWord() {
        guard state.atWordStart else { return }
        state.atWordStart = false
        if state.role == .command || state.role == .name || state.role == .functionName {
            state.role = .argument
        }
    }
}
