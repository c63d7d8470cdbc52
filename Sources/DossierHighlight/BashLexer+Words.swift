/// Unquoted words for ``BashLexer``: commands, keywords, assignments, arguments.
extension BashLexer {
    /// Reads one unquoted word segment and classes it by the role of the word.
    mutating func lexWord() {
        cursor.flush()
        let start = cursor.position
        if state.atWordStart && !state.inAssignmentValue
            && (state.role == .command || state.role == .declaration) && lexAssignmentName()
        {
            return
        }
        cursor.position = start
        cursor.skip { !BashWords.breaksWord($0) }
        if cursor.position == start { cursor.advance() }
        guard state.atWordStart, !state.inAssignmentValue else {
            state.atWordStart = false
            return
        }
        state.atWordStart = false
        let word = cursor.position - start <= 16 ? cursor.text(from: start, to: cursor.position) : ""
        switch state.role {
        case .command:
            lexCommandWord(word)
        case .name:
            cursor.token(.variable)
            state.role = .argument
        case .functionName:
            cursor.token(.function)
            state.role = .argument
        case .declaration:
            if cursor.bytes[start] != UInt8(ascii: "-") { cursor.token(.variable) }
        case .argument:
            if state.expectsIn && word == "in" {
                cursor.token(.keyword)
                state.expectsIn = false
            } else if cursor.bytes[start..<cursor.position].allSatisfy(\.isDigit) {
                cursor.token(.number)
            }
        }
    }

    /// The first word of a command: a keyword, a test bracket, a case pattern, or the
    /// name of the command.
    private mutating func lexCommandWord(_ word: String) {
        if let next = BashWords.keywords[word] {
            cursor.token(.keyword)
            state.role = next
            if BashWords.takesIn.contains(word) { state.expectsIn = true }
            if word == "case" { openCaseStatements += 1 }
            if word == "esac" { openCaseStatements = max(0, openCaseStatements - 1) }
        } else if word == "[" || word == "[[" {
            state.role = .argument
        } else if openCaseStatements > 0 && cursor.current == UInt8(ascii: ")") {
            state.role = .argument  // a case pattern such as `start)`
        } else {
            cursor.token(.function)
            state.role = .argument
        }
    }

    /// Reads `NAME=` or `NAME+=` as a variable and an operator, returning false (with
    /// the cursor moved) when the word is not an assignment.
    private mutating func lexAssignmentName() -> Bool {
        guard cursor.current.isASCIILetter || cursor.current == UInt8(ascii: "_") else { return false }
        cursor.skip(while: BashWords.isNameByte)
        let operatorLength: Int
        if cursor.current == UInt8(ascii: "=") {
            operatorLength = 1
        } else if cursor.current == UInt8(ascii: "+") && cursor.peek() == UInt8(ascii: "=") {
            operatorLength = 2
        } else {
            return false
        }
        cursor.token(.variable)
        cursor.position += operatorLength
        cursor.token(.operator)
        state.atWordStart = false
        state.inAssignmentValue = true
        if state.role == .command {
            state.commandFollowsAssignment = true
            state.role = .argument
        }
        return true
    }
}
