/// JSX elements for ``ScriptLexer``: tags, attributes, children and `{…}` expressions.
extension ScriptLexer {
    /// Decides whether the `<` at the cursor opens a JSX element.
    ///
    /// Called only where an expression may start. `<>` (a fragment) and `<name` followed
    /// by a space, `>`, `/` or `{` qualify. In TypeScript, `<T>(` and `<T extends U>` are
    /// generic parameters, and `<T,>` fails the test above.
    func looksLikeJSXElement() -> Bool {
        let next = cursor.peek()
        if next == UInt8(ascii: ">") { return true }
        guard next.isASCIILetter || next == UInt8(ascii: "_") else { return false }
        var index = cursor.position + 1
        while ScriptLexer.isTagNameByte(cursor.byte(at: index)) { index += 1 }
        let after = cursor.byte(at: index)
        guard after.isWhitespace || after == UInt8(ascii: ">") || after == UInt8(ascii: "/")
            || after == UInt8(ascii: "{")
        else { return false }
        guard typescript else { return true }
        if after == UInt8(ascii: ">") && cursor.byte(at: index + 1) == UInt8(ascii: "(") { return false }
        if after.isBlank {
            let word = cursor.indexAfterBlanks(from: index)
            if cursor.matches(Array("extends".utf8), at: word) && !cursor.byte(at: word + 7).isIdentifierContinue {
                return false
            }
        }
        return true
    }

    static func isTagNameByte(_ byte: UInt8) -> Bool {
        byte.isIdentifierContinue || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }

    /// Reads one token inside an opening tag: the name, an attribute, a value, the end.
    ///
    /// Anything a tag cannot contain ends the tag frame without consuming it, so input
    /// that only looked like JSX falls back to being read as code.
    mutating func lexJSXTag(named: Bool) {
        let byte = cursor.current
        if byte.isWhitespace {
            cursor.position += 1
            return
        }
        if !named {
            replaceTop(with: .jsxTag(named: true))
            if byte.isIdentifierStart {
                cursor.flush()
                cursor.skip(while: ScriptLexer.isTagNameByte)
                cursor.token(.tag)
                return
            }
        }
        switch byte {
        case UInt8(ascii: ">"):
            cursor.position += 1
            replaceTop(with: .jsxChildren)
        case UInt8(ascii: "/") where cursor.peek() == UInt8(ascii: ">"):
            cursor.position += 2
            stack.removeLast()
            finishElement()
        case UInt8(ascii: "{"):
            cursor.position += 1
            stack.append(.code(depth: 0))
            expectsOperand = true
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            cursor.flush()
            cursor.position += 1
            cursor.skip { $0 != byte }
            cursor.position = min(cursor.position + 1, cursor.bytes.count)
            cursor.token(.string)
        case UInt8(ascii: "="):
            cursor.flush()
            cursor.position += 1
            cursor.token(.operator)
        case _ where byte.isIdentifierStart:
            cursor.flush()
            cursor.skip { $0.isIdentifierContinue || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") }
            cursor.token(.attribute)
        default:
            stack.removeLast()
            expectsOperand = false
        }
    }

    /// Reads element content: text, `{…}` expressions, child elements, the closing tag.
    mutating func lexJSXChildren() {
        let byte = cursor.current
        if byte == UInt8(ascii: "<") {
            let next = cursor.peek()
            if next == UInt8(ascii: "/") {
                lexClosingTag()
                return
            }
            if next.isIdentifierStart || next == UInt8(ascii: ">") {
                cursor.position += 1
                stack.append(.jsxTag(named: false))
                return
            }
        }
        if byte == UInt8(ascii: "{") {
            cursor.position += 1
            stack.append(.code(depth: 0))
            expectsOperand = true
            return
        }
        cursor.advance()
        cursor.skip { $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "{") }
    }

    /// Reads `</name>` and ends the element whose children these were.
    private mutating func lexClosingTag() {
        cursor.position += 2
        cursor.skip { $0.isWhitespace }
        if cursor.current.isIdentifierStart {
            cursor.flush()
            cursor.skip(while: ScriptLexer.isTagNameByte)
            cursor.token(.tag)
        }
        cursor.skip { $0.isWhitespace }
        if cursor.current == UInt8(ascii: ">") { cursor.position += 1 }
        stack.removeLast()
        finishElement()
    }

    /// After an element ends inside code, the element was a value.
    private mutating func finishElement() {
        if case .code = stack[stack.count - 1] { expectsOperand = false }
    }
}
