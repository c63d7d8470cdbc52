/// Double-quoted strings, `$` expansions and here-documents for ``BashLexer``.
extension BashLexer {
    /// Reads double-quoted text up to the closing quote or the next expansion.
    mutating func lexDoubleQuoted() {
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == .backslash {
                cursor.position += 1
                cursor.advance()
            } else if byte == UInt8(ascii: "\"") {
                cursor.position += 1
                cursor.token(.string)
                stack.removeLast()
                return
            } else if byte == UInt8(ascii: "$") && startsExpansion(cursor.peek()) {
                cursor.token(.string)
                lexDollar(inCode: false)
                return
            } else {
                cursor.position += 1
            }
        }
        cursor.token(.string)
    }

    private func startsExpansion(_ next: UInt8) -> Bool {
        next == UInt8(ascii: "(") || next == UInt8(ascii: "{") || next.isASCIILetter || next == UInt8(ascii: "_")
            || BashWords.isSpecialParameter(next)
    }

    /// Reads what a `$` introduces: `$VAR`, `${…}`, `$1`, `$(…)`, `$((…))`, and in code
    /// also `$'…'` and `$"…"`. A lone `$` is plain text.
    mutating func lexDollar(inCode: Bool) {
        let next = cursor.peek()
        if inCode { beginWord() }
        cursor.flush()
        switch next {
        case UInt8(ascii: "'") where inCode:
            cursor.position += 2
            while !cursor.atEnd && cursor.current != UInt8(ascii: "'") {
                if cursor.current == .backslash { cursor.position += 1 }
                cursor.advance()
            }
            cursor.advance()
            cursor.token(.string)
        case UInt8(ascii: "\"") where inCode:
            cursor.position += 2
            stack.append(.doubleQuoted)
        case UInt8(ascii: "("):
            let arithmetic = cursor.peek(2) == UInt8(ascii: "(")
            cursor.position += arithmetic ? 3 : 2
            cursor.token(.operator)
            stack.append(.code(depth: arithmetic ? 1 : 0, saved: state))
            endCommand()
            if arithmetic { state.role = .argument }
        case UInt8(ascii: "{"):
            lexBracedParameter()
        case _ where next.isASCIILetter || next == UInt8(ascii: "_"):
            cursor.position += 1
            cursor.skip(while: BashWords.isNameByte)
            cursor.token(.variable)
        case _ where BashWords.isSpecialParameter(next):
            cursor.position += 2
            cursor.token(.variable)
        default:
            cursor.position += 1
        }
    }

    /// Reads `${…}` to its matching brace, or to the line end when it is not closed.
    private mutating func lexBracedParameter() {
        cursor.position += 2
        var depth = 1
        while !cursor.atEnd && cursor.current != .newline {
            if cursor.current == UInt8(ascii: "{") { depth += 1 }
            if cursor.current == UInt8(ascii: "}") { depth -= 1 }
            cursor.position += 1
            if depth == 0 { break }
        }
        cursor.token(.variable)
    }

    /// Reads `<<WORD`, `<<-WORD`, `<<'WORD'` or `<<"WORD"`; the body is read at the next
    /// line feed. A quoted or escaped delimiter turns off expansion in the body.
    mutating func lexHeredocHeader() {
        cursor.flush()
        cursor.position += 2
        let stripsTabs = cursor.current == UInt8(ascii: "-")
        if stripsTabs { cursor.position += 1 }
        cursor.token(.operator)
        cursor.skip { $0.isBlank }
        cursor.flush()
        var delimiter: [UInt8] = []
        var expands = true
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                expands = false
                cursor.position += 1
                while !cursor.atEnd && cursor.current != byte && cursor.current != .newline {
                    delimiter.append(cursor.current)
                    cursor.position += 1
                }
                if cursor.current == byte { cursor.position += 1 }
            } else if byte == .backslash && cursor.peek() != .newline && cursor.peek() != 0 {
                expands = false
                cursor.position += 1
            } else if BashWords.breaksWord(byte) {
                break
            } else {
                delimiter.append(byte)
                cursor.position += 1
            }
        }
        cursor.token(.string)
        if !delimiter.isEmpty {
            pendingHeredocs.append(Heredoc(delimiter: delimiter, stripsTabs: stripsTabs, expands: expands))
        }
        state.atWordStart = true
    }

    /// Reads the bodies of the pending here-documents, one after another, each up to
    /// and including its delimiter line; an unterminated body runs to the end.
    mutating func lexHeredocBodies() {
        cursor.flush()
        let heredocs = pendingHeredocs
        pendingHeredocs = []
        for heredoc in heredocs {
            let bodyStart = cursor.position
            var terminator: (start: Int, end: Int)?
            var lineStart = bodyStart
            while lineStart < cursor.bytes.count {
                var lineEnd = lineStart
                while lineEnd < cursor.bytes.count && cursor.bytes[lineEnd] != .newline { lineEnd += 1 }
                var contentStart = lineStart
                if heredoc.stripsTabs {
                    while contentStart < lineEnd && cursor.bytes[contentStart] == .tab { contentStart += 1 }
                }
                var contentEnd = lineEnd
                if contentEnd > contentStart && cursor.bytes[contentEnd - 1] == .carriageReturn { contentEnd -= 1 }
                if contentEnd - contentStart == heredoc.delimiter.count
                    && cursor.matches(heredoc.delimiter, at: contentStart)
                {
                    terminator = (lineStart, lineEnd)
                    break
                }
                lineStart = lineEnd + 1
            }
            lexHeredocBody(upTo: terminator?.start ?? cursor.bytes.count, expands: heredoc.expands)
            if let terminator {
                cursor.position = terminator.end
                cursor.token(.string)
                if cursor.current == .newline { cursor.position += 1 }
            }
        }
    }

    /// Writes a here-document body as a string, with `$VAR` and `${…}` picked out when
    /// the body expands.
    private mutating func lexHeredocBody(upTo end: Int, expands: Bool) {
        guard expands else {
            cursor.position = end
            cursor.token(.string)
            return
        }
        while cursor.position < end {
            let byte = cursor.current
            if byte == .backslash {
                cursor.position = min(cursor.position + 2, end)
            } else if byte == UInt8(ascii: "$") && cursor.peek() != UInt8(ascii: "(")
                && cursor.peek() != UInt8(ascii: "'") && cursor.peek() != UInt8(ascii: "\"")
                && startsExpansion(cursor.peek())
            {
                cursor.token(.string)
                let savedState = state
                lexDollar(inCode: false)
                state = savedState
            } else {
                cursor.position += 1
            }
        }
        cursor.token(.string)
    }
}
