/// Scanning helpers shared by the lexers: runs of bytes, numbers, line ends, words.
///
/// Each helper only moves `position` forward and writes nothing; the caller decides
/// which class the scanned bytes get. None of them backtracks, so each byte is looked
/// at a bounded number of times and highlighting stays linear.
extension SourceCursor {
    /// Advances while `predicate` holds for the current byte.
    mutating func skip(while predicate: (UInt8) -> Bool) {
        while position < bytes.count && predicate(bytes[position]) { position += 1 }
    }

    /// Advances over identifier bytes (letters, digits, `_`, non-ASCII).
    mutating func skipIdentifier() {
        skip { $0.isIdentifierContinue }
    }

    /// Advances to the line feed that ends the current line, or to the end.
    mutating func skipToLineEnd() {
        skip { $0 != .newline }
    }

    /// Advances past the first occurrence of `terminator`, or to the end when absent.
    mutating func skip(past terminator: [UInt8]) {
        while position < bytes.count {
            if matches(terminator) {
                position += terminator.count
                return
            }
            position += 1
        }
    }

    /// True when the bytes at `position` (or at `index`) equal `literal`.
    func matches(_ literal: [UInt8], at index: Int? = nil) -> Bool {
        let start = index ?? position
        guard start >= 0, start + literal.count <= bytes.count else { return false }
        for (offset, byte) in literal.enumerated() where bytes[start + offset] != byte {
            return false
        }
        return true
    }

    /// True when `position` is at the start of a line.
    var isAtLineStart: Bool { position == 0 || bytes[position - 1] == .newline }

    /// The index of the first byte at or after `index` that is not a space or tab.
    func indexAfterBlanks(from index: Int) -> Int {
        var index = index
        while index < bytes.count && bytes[index].isBlank { index += 1 }
        return index
    }

    /// The first byte at or after `index` that is not whitespace (line feeds included).
    func nextNonWhitespace(from index: Int) -> UInt8 {
        var index = index
        while index < bytes.count && bytes[index].isWhitespace { index += 1 }
        return byte(at: index)
    }

    /// The source text between two indices.
    func text(from start: Int, to end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The source text between two indices with ASCII letters lowercased.
    func lowercasedText(from start: Int, to end: Int) -> String {
        String(decoding: bytes[start..<end].map(\.asciiLowercased), as: UTF8.self)
    }

    /// Advances over a C-family number: decimal, `0x`/`0o`/`0b` forms, `_` separators,
    /// a fraction, an exponent, and any trailing suffix letters (`n`, `L`, `j`, `f`).
    ///
    /// Call it when the current byte is a digit, or a `.` followed by a digit. Suffix
    /// letters are taken into the number so that `10px` or `1e` never splits into a
    /// number and a stray identifier.
    mutating func skipNumber() {
        if current == 0x30, [0x78, 0x58, 0x6F, 0x4F, 0x62, 0x42].contains(peek()) {
            position += 2
            skip { $0.isHexDigit || $0 == 0x5F }
            // Hex floats (Swift) carry a `p` exponent.
            if current == 0x2E && peek().isHexDigit {
                position += 1
                skip { $0.isHexDigit || $0 == 0x5F }
            }
            if current == 0x70 || current == 0x50 { skipExponent() }
            skip { $0.isIdentifierContinue }
            return
        }
        skip { $0.isDigit || $0 == 0x5F }
        if current == 0x2E && peek().isDigit {
            position += 1
            skip { $0.isDigit || $0 == 0x5F }
        } else if current == 0x2E && !peek().isIdentifierStart && peek() != 0x2E {
            position += 1  // `1.` is a float in most of these languages
        }
        if current == 0x65 || current == 0x45 { skipExponent() }
        skip { $0.isIdentifierContinue }
    }

    private mutating func skipExponent() {
        let sign = peek()
        if sign.isDigit {
            position += 1
        } else if (sign == 0x2B || sign == 0x2D) && peek(2).isDigit {
            position += 2
        } else {
            return
        }
        skip { $0.isDigit || $0 == 0x5F }
    }
}
