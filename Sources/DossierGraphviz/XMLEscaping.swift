/// Escapes user text for SVG written into HTML, and keeps it well-formed XML.
enum XMLEscaping {
    /// Character data: `&`, `<` and `>` escaped; characters XML forbids (most C0 controls,
    /// U+FFFE, U+FFFF) dropped.
    static func text(_ value: String) -> String {
        escape(value, quotes: false)
    }

    /// An attribute value for double quotes: also `"` escaped, and tabs and newlines as
    /// references so they survive attribute-value normalisation.
    static func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    private static func escape(_ value: String, quotes: Bool) -> String {
        // Most labels need nothing: answer them from the bytes. 0xEF leads U+FFFE and U+FFFF.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == 0xEF }) else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "\n" where quotes: result += "&#10;"
            case "\t" where quotes: result += "&#9;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
