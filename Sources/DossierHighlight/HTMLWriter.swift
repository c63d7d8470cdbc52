/// Escapes source bytes for HTML and wraps them in classed spans.
///
/// Only the four characters that matter in element content and attribute values are
/// escaped (`&`, `<`, `>`, `"`), which keeps the output small and the round trip
/// simple. A span is closed before each line feed and reopened after it, so no span
/// crosses a line: renderers that split highlighted code into lines (line numbers,
/// highlighted ranges) can do so without repairing tags.
enum HTMLWriter {
    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let closeTag = Array("</span>".utf8)
    private static let openTags: [TokenClass: [UInt8]] = Dictionary(
        uniqueKeysWithValues: TokenClass.allCases.map { ($0, Array("<span class=\"\($0.cssClass)\">".utf8)) }
    )

    /// Appends `source` with `&`, `<`, `>` and `"` replaced by entities.
    static func appendEscaped(_ source: ArraySlice<UInt8>, to output: inout [UInt8]) {
        for byte in source {
            appendEscaped(byte, to: &output)
        }
    }

    /// Appends `source` escaped and wrapped in spans of `kind`, one span per line.
    static func appendSpan(_ kind: TokenClass, _ source: ArraySlice<UInt8>, to output: inout [UInt8]) {
        let open = openTags[kind] ?? []
        var isOpen = false
        for byte in source {
            if byte == .newline {
                if isOpen {
                    output.append(contentsOf: closeTag)
                    isOpen = false
                }
                output.append(byte)
            } else {
                if !isOpen {
                    output.append(contentsOf: open)
                    isOpen = true
                }
                appendEscaped(byte, to: &output)
            }
        }
        if isOpen { output.append(contentsOf: closeTag) }
    }

    @inline(__always)
    private static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case 0x26: output.append(contentsOf: ampersand)
        case 0x3C: output.append(contentsOf: lessThan)
        case 0x3E: output.append(contentsOf: greaterThan)
        case 0x22: output.append(contentsOf: quote)
        default: output.append(byte)
        }
    }
}
