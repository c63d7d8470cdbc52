/// Strings for ``PythonLexer``: plain, raw, bytes, triple-quoted and formatted.
extension PythonLexer {
    /// Reads a string whose opening quote is at the cursor; any prefix before it is
    /// still pending and joins the same token. A formatted string pushes a frame and
    /// is read by ``lexFString(quote:triple:)``.
    mutating func lexString(formatted: Bool) {
        let quote = cursor.current
        let triple = cursor.peek() == quote && cursor.peek(2) == quote
        cursor.position += triple ? 3 : 1
        if formatted {
            stack.append(.fString(quote: quote, triple: triple))
            return
        }
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == .backslash {
                skipEscape()
            } else if byte == quote {
                if closesString(quote: quote, triple: triple) { break }
                cursor.position += 1
            } else if byte == .newline && !triple {
                break
            } else {
                cursor.position += 1
            }
        }
        cursor.token(.string)
    }

    /// Moves past a closing quote (or three) and returns true, or returns false for a
    /// lone quote inside a triple-quoted string.
    private mutating func closesString(quote: UInt8, triple: Bool) -> Bool {
        if !triple {
            cursor.position += 1
            return true
        }
        if cursor.peek() == quote && cursor.peek(2) == quote {
            cursor.position += 3
            return true
        }
        return false
    }

    /// Moves past a backslash and the character it escapes. Raw strings keep the
    /// backslash, but it still stops the next quote from closing the string.
    private mutating func skipEscape() {
        cursor.position += 1
        if cursor.current == .carriageReturn && cursor.peek() == .newline { cursor.position += 1 }
        cursor.advance()
    }

    /// Reads f-string text up to the closing quote or the next replacement field.
    /// `{{` and `}}` are literal braces.
    mutating func lexFString(quote: UInt8, triple: Bool) {
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == .backslash {
                skipEscape()
            } else if byte == quote {
                if closesString(quote: quote, triple: triple) {
                    cursor.token(.string)
                    stack.removeLast()
                    return
                }
                cursor.position += 1
            } else if byte == .newline && !triple {
                cursor.token(.string)
                stack.removeLast()
                return
            } else if byte == UInt8(ascii: "{") && cursor.peek() != UInt8(ascii: "{") {
                cursor.token(.string)
                cursor.position += 1
                cursor.token(.operator)
                stack.append(.code(depth: 0, inField: true))
                return
            } else if (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")) && cursor.peek() == byte {
                cursor.position += 2
            } else {
                cursor.position += 1
            }
        }
        cursor.token(.string)
    }

    /// Reads a format spec (`:>10`, `:.2f`) up to the `}` that ends its field; a `{`
    /// inside opens a nested field.
    mutating func lexFormatSpec() {
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == UInt8(ascii: "}") {
                cursor.token(.string)
                cursor.position += 1
                cursor.token(.operator)
                stack.removeLast()
                return
            }
            if byte == UInt8(ascii: "{") {
                cursor.token(.string)
                cursor.position += 1
                cursor.token(.operator)
                stack.append(.code(depth: 0, inField: true))
                return
            }
            if byte == .newline {
                cursor.token(.string)
                if abandonSingleLineFString() { return }
            }
            cursor.position += 1
        }
        cursor.token(.string)
    }

    /// Ends the innermost f-string at a line feed when it is single-quoted, as Python
    /// would report it unterminated there. Returns false inside a triple-quoted one.
    @discardableResult
    mutating func abandonSingleLineFString() -> Bool {
        guard let index = stack.lastIndex(where: { frame in
            if case .fString = frame { return true }
            return false
        }) else { return false }
        guard case .fString(_, let triple) = stack[index], !triple else { return false }
        stack.removeSubrange(index...)
        return true
    }
}
