/// Interactive sessions for ``BashLexer``: `$ ` prompts, commands, and their output.
///
/// In a session only the lines after a prompt are shell code; the other lines are
/// what the commands printed and stay plain. A prompt at the start of a line is not
/// valid shell, so it is a safe signal even in a block labelled `bash`.
extension BashLexer {
    /// True when `bytes` reads as a session: some line starts with a prompt when
    /// `anyLine`, otherwise the first non-blank line does.
    static func looksLikeSession(_ bytes: [UInt8], anyLine: Bool) -> Bool {
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != .newline { lineEnd += 1 }
            if startsWithPrompt(bytes, at: lineStart) { return true }
            if !anyLine && !bytes[lineStart..<lineEnd].allSatisfy(\.isWhitespace) { return false }
            lineStart = lineEnd + 1
        }
        return false
    }

    /// A prompt is `$` followed by a blank, a line end, or the end of the input.
    static func startsWithPrompt(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "$") else { return false }
        return index + 1 == bytes.count || bytes[index + 1].isWhitespace
    }

    /// At the start of a session line: reads the prompt and returns true, so the rest
    /// of the line is read as a command, or reads the line as output and returns false.
    mutating func lexPrompt() -> Bool {
        if BashLexer.startsWithPrompt(cursor.bytes, at: cursor.position) {
            cursor.flush()
            cursor.position += 1
            if cursor.current.isBlank { cursor.position += 1 }
            cursor.token(.meta)
            endCommand()
            return true
        }
        cursor.skipToLineEnd()
        if !cursor.atEnd { cursor.position += 1 }
        atLineStart = true
        return false
    }
}
