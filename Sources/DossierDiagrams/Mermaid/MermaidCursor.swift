/// A position in Mermaid source, read byte by byte (every piece of Mermaid syntax is ASCII;
/// labels and ids may hold any UTF-8, which passes through untouched).
struct MermaidCursor {
    let bytes: [UInt8]
    var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var atEnd: Bool { position >= bytes.count }

    func peek(_ offset: Int = 0) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    func hasPrefix(_ text: String) -> Bool {
        var index = position
        for byte in text.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    /// Skips spaces and tabs (and the `\r` of CRLF line ends), not line breaks.
    mutating func skipSpaces() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0D { position += 1 }
    }

    /// At a line break, `;` or the end: where a statement ends.
    var atStatementEnd: Bool {
        guard let byte = peek() else { return true }
        return byte == 0x0A || byte == 0x3B
    }

    /// Steps over `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    mutating func skipToLineEnd() {
        while let byte = peek(), byte != 0x0A { position += 1 }
    }

    /// Skips to the next `;` or line break.
    mutating func skipStatement() {
        while !atStatementEnd { position += 1 }
    }

    func text(_ range: Range<Int>) -> Substring {
        Substring(String(decoding: bytes[range], as: UTF8.self))
    }

    /// Letters, digits, `_` and anything non-ASCII: the body of an id.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F || byte >= 0x80
    }

    /// Reads a node id: word bytes, with `-` and `.` allowed between word bytes (`my-node`,
    /// `v1.2`) but never where they start a link (`A-->B`, `A-.->B`). Empty when no id is
    /// here.
    mutating func readID() -> String {
        let start = position
        while let byte = peek() {
            if Self.isWordByte(byte) {
                position += 1
            } else if (byte == 0x2D || byte == 0x2E), position > start, let next = peek(1), Self.isWordByte(next) {
                position += 2
            } else {
                break
            }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// The id-like word at the cursor, without moving.
    func peekWord() -> String {
        var copy = self
        return copy.readID()
    }
}

/// A Mermaid syntax error: where (a byte offset in the block's text) and what.
struct MermaidSyntaxError: Error {
    var offset: Int
    var message: String
    var notes: [String] = []
}
