/// String literals for ``SwiftLexer``: `"…"`, `"""…"""`, raw `#"…"#`, and `\(…)`.
extension SwiftLexer {
    /// Opens a string at the `"` under the cursor; any `#` before it is already read.
    mutating func openString(hashes: Int) {
        let multiline = cursor.peek() == UInt8(ascii: "\"") && cursor.peek(2) == UInt8(ascii: "\"")
        cursor.position += multiline ? 3 : 1
        stack.append(.string(hashes: hashes, multiline: multiline))
    }

    /// Reads string text up to the closing delimiter or the next interpolation. A
    /// single-line string left open ends at the line end.
    mutating func lexString(hashes: Int, multiline: Bool) {
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == .backslash && hasHashes(hashes, at: cursor.position + 1) {
                let escaped = cursor.position + 1 + hashes
                if cursor.byte(at: escaped) == UInt8(ascii: "(") {
                    cursor.token(.string)
                    cursor.position = escaped + 1
                    cursor.token(.operator)
                    stack.append(.code(depth: 0, inInterpolation: true))
                    return
                }
                cursor.position = escaped
                cursor.advance()
            } else if byte == UInt8(ascii: "\"") {
                let quotes = multiline ? 3 : 1
                let closes = (!multiline || (cursor.peek() == byte && cursor.peek(2) == byte))
                    && hasHashes(hashes, at: cursor.position + quotes)
                cursor.position += closes ? quotes + hashes : 1
                if closes {
                    cursor.token(.string)
                    stack.removeLast()
                    return
                }
            } else if byte == .newline && !multiline {
                cursor.token(.string)
                stack.removeLast()
                return
            } else {
                cursor.position += 1
            }
        }
        cursor.token(.string)
    }

    private func hasHashes(_ count: Int, at index: Int) -> Bool {
        for offset in 0..<count where cursor.byte(at: index + offset) != UInt8(ascii: "#") {
            return false
        }
        return true
    }

    /// At a line feed inside `\(…)`: a single-line string cannot continue, so the
    /// interpolation and its string end here.
    mutating func abandonSingleLineString() {
        guard let index = stack.lastIndex(where: { frame in
            if case .string = frame { return true }
            return false
        }) else { return }
        guard case .string(_, let multiline) = stack[index], !multiline else { return }
        stack.removeSubrange(index...)
    }
}
