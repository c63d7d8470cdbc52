/// Turns the bytes of an input file into the text Dossier parses.
///
/// Input must be UTF-8. A byte-order mark is dropped and CRLF (or a lone CR) becomes LF, so
/// line numbers mean the same thing on every platform. Text that was double-encoded (UTF-8
/// read as Windows-1252 and saved again) is repaired in memory with a warning; see
/// ``Mojibake``.
public enum SourceText {
    /// The outcome of decoding one file: the text when there is one, and what was noticed.
    public struct Decoded: Sendable {
        public var text: String?
        public var diagnostics: [Diagnostic]
    }

    public static func decode(_ bytes: [UInt8], path: String) -> Decoded {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }

        if let bad = firstInvalidUTF8Offset(body) {
            let offset = bad - body.startIndex + (bytes.count - body.count)
            let (line, column) = lineAndColumn(of: offset, in: bytes)
            return Decoded(text: nil, diagnostics: [
                .error("text.invalid-utf8",
                       "file is not valid UTF-8 (byte offset \(offset)); save it as UTF-8 — the file is skipped",
                       at: SourceLocation(path: path, line: line, column: column))
            ])
        }

        var text = normalizedLineEndings(body)
        var diagnostics: [Diagnostic] = []
        if let repair = Mojibake.repair(text) {
            text = repair.text
            diagnostics.append(.warning(
                "text.mojibake",
                "text was double-encoded (UTF-8 read as Windows-1252, e.g. ‘\(repair.sample)’); repaired in memory — re-save the file as UTF-8",
                at: SourceLocation(path: path, line: repair.line, column: repair.column)))
        }
        return Decoded(text: text, diagnostics: diagnostics)
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence
    /// (overlong forms, surrogates and values past U+10FFFF are invalid too), or `nil`.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= end else { return i }
            let b1 = bytes[i + 1]
            if b1 < lower || b1 > upper { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// CRLF and lone CR become LF. The common case (no CR at all) costs one scan.
    static func normalizedLineEndings(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x0D) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.endIndex && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// 1-based line and byte column of a byte offset.
    public static func lineAndColumn(of offset: Int, in bytes: some Collection<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1, index = 0
        for byte in bytes {
            if index == offset { break }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return (line, column)
    }
}
