/// A position in the source bytes together with the HTML written so far.
///
/// Lexers move `position` forward over a token and then call ``token(_:)`` to write
/// every byte not yet written (from `emitted` up to `position`) inside one span, or
/// ``flush()`` to write them as plain text. Bytes are written exactly once and in order,
/// which is what makes "strip the tags, unescape, get the input back" hold by
/// construction rather than by care in each lexer. Output goes to a byte buffer, so the
/// whole pass is linear in the input.
struct SourceCursor {
    /// The input as UTF-8.
    let bytes: [UInt8]
    /// The next byte to read.
    var position = 0
    /// The first byte not yet written to the output.
    private(set) var emitted = 0
    /// The escaped, span-wrapped HTML.
    private(set) var output: [UInt8] = []

    init(_ text: String) {
        bytes = Array(text.utf8)
        output.reserveCapacity(bytes.count + bytes.count / 2 + 64)
    }

    /// True once every byte has been read.
    var atEnd: Bool { position >= bytes.count }

    /// The byte at `position`, or 0 past the end.
    var current: UInt8 { position < bytes.count ? bytes[position] : 0 }

    /// The byte `offset` bytes after `position`, or 0 outside the input.
    func peek(_ offset: Int = 1) -> UInt8 {
        let index = position + offset
        return index >= 0 && index < bytes.count ? bytes[index] : 0
    }

    /// The byte at an absolute index, or 0 outside the input.
    func byte(at index: Int) -> UInt8 {
        index >= 0 && index < bytes.count ? bytes[index] : 0
    }

    /// The byte just before `position`, or 0 at the start.
    var previous: UInt8 { byte(at: position - 1) }

    /// Moves past one whole character: a lead byte and its continuation bytes.
    mutating func advance() {
        guard position < bytes.count else { return }
        position += 1
        while position < bytes.count && bytes[position].isContinuationByte { position += 1 }
    }

    /// Moves past `count` bytes, stopping at the end of the input.
    mutating func advance(by count: Int) {
        position = min(position + count, bytes.count)
    }

    /// Writes the pending bytes as plain, escaped text.
    mutating func flush() {
        write(nil)
    }

    /// Writes the pending bytes inside a span of the given class.
    mutating func token(_ kind: TokenClass) {
        write(kind)
    }

    private mutating func write(_ kind: TokenClass?) {
        // A lexer that stopped inside a character would split it across a tag; step to
        // the next character boundary instead.
        while position < bytes.count && position > 0 && bytes[position].isContinuationByte { position += 1 }
        guard position > emitted else { return }
        if let kind {
            HTMLWriter.appendSpan(kind, bytes[emitted..<position], to: &output)
        } else {
            HTMLWriter.appendEscaped(bytes[emitted..<position], to: &output)
        }
        emitted = position
    }

    /// Writes whatever is left and returns the HTML.
    mutating func finish() -> String {
        position = bytes.count
        flush()
        return String(decoding: output, as: UTF8.self)
    }
}
