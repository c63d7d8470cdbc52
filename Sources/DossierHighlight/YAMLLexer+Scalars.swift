/// Quoted and plain scalars for ``YAMLLexer``, and the classes of plain values.
extension YAMLLexer {
    /// Reads a quoted scalar, which may span lines; unclosed, it runs to the end as
    /// YAML would. `''` escapes a single quote and `\` escapes in double quotes.
    mutating func lexQuotedScalar(quote: UInt8) {
        let column = cursor.position - lineStart
        cursor.flush()
        cursor.position += 1
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == .backslash && quote == UInt8(ascii: "\"") {
                cursor.position += 1
                cursor.advance()
            } else if byte == quote {
                cursor.position += 1
                if quote == UInt8(ascii: "'") && cursor.current == quote {
                    cursor.position += 1
                } else {
                    break
                }
            } else {
                if byte == .newline { lineStart = cursor.position + 1 }
                cursor.position += 1
            }
        }
        let isKey = atNodeStart && isKeyIndicator(at: cursor.indexAfterBlanks(from: cursor.position))
        cursor.token(isKey ? .attribute : .string)
        if isKey { parentColumn = column }
        atNodeStart = false
    }

    /// Reads an unquoted scalar up to a `: `, a ` #` comment, the line end, or in a
    /// flow collection a `,`, bracket or brace; trailing blanks stay outside the token.
    mutating func lexPlainScalar() {
        let column = cursor.position - lineStart
        cursor.flush()
        let start = cursor.position
        var end = start
        while !cursor.atEnd {
            let byte = cursor.current
            if byte == .newline || (byte == UInt8(ascii: ":") && isKeyIndicator(at: cursor.position)) { break }
            if byte == UInt8(ascii: "#") && cursor.previous.isBlank { break }
            if flowDepth > 0 && YAMLLexer.isFlowIndicator(byte) { break }
            cursor.advance()
            if !byte.isWhitespace { end = cursor.position }
        }
        let stoppedAtKey = cursor.current == UInt8(ascii: ":") && !cursor.atEnd
        cursor.position = max(end, start + 1)
        if stoppedAtKey && (atNodeStart || flowDepth > 0) {
            cursor.token(.attribute)
            parentColumn = column
        } else {
            cursor.token(YAMLLexer.classify(cursor.bytes[start..<cursor.position]))
        }
        atNodeStart = false
    }

    /// A `:` is a mapping indicator when a blank, the line end or (in a flow
    /// collection) a flow indicator follows it.
    private func isKeyIndicator(at index: Int) -> Bool {
        guard cursor.byte(at: index) == UInt8(ascii: ":") else { return false }
        let next = cursor.byte(at: index + 1)
        return next.isWhitespace || next == 0 || (flowDepth > 0 && YAMLLexer.isFlowIndicator(next))
    }

    /// The class of a plain value: YAML 1.1 and 1.2 booleans and nulls are literals,
    /// numbers are numbers, everything else is a string.
    static func classify(_ scalar: ArraySlice<UInt8>) -> TokenClass {
        if scalar.count <= 5 {
            switch String(decoding: scalar.map(\.asciiLowercased), as: UTF8.self) {
            case "true", "false", "yes", "no", "on", "off", "null", "~":
                return .literal
            case ".inf", "-.inf", "+.inf", ".nan":
                return .number
            default:
                break
            }
        }
        return isNumber(scalar) ? .number : .string
    }

    /// Decimal integers and floats with an optional sign and exponent, and `0x`/`0o`
    /// integers.
    static func isNumber(_ scalar: ArraySlice<UInt8>) -> Bool {
        var bytes = scalar[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "0"), bytes.count > 2,
            bytes[bytes.startIndex + 1] == UInt8(ascii: "x") || bytes[bytes.startIndex + 1] == UInt8(ascii: "o")
        {
            return bytes.dropFirst(2).allSatisfy(\.isHexDigit)
        }
        var sawDigit = false
        var sawDot = false
        var sawExponent = false
        var previous: UInt8 = 0
        for byte in bytes {
            if byte.isDigit {
                sawDigit = true
            } else if byte == UInt8(ascii: "_") && sawDigit {
                continue
            } else if byte == UInt8(ascii: ".") && !sawDot && !sawExponent {
                sawDot = true
            } else if (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) && sawDigit && !sawExponent {
                sawExponent = true
            } else if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+"))
                && (previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E"))
            {
                // exponent sign
            } else {
                return false
            }
            previous = byte
        }
        return sawDigit && previous != UInt8(ascii: "e") && previous != UInt8(ascii: "E")
            && previous != UInt8(ascii: "-") && previous != UInt8(ascii: "+")
    }
}
