/// Checks colours and lengths from Mermaid `style` lines before they go into a `style=""`
/// attribute, where anything else — `red; background: url(…)` — would inject CSS.
enum CSSValue {
    /// `value` if it looks like a CSS colour (`#f9f`, `#aabbcc`, `red`, `rgb(1, 2, 3)`,
    /// `hsl(200 50% 40% / .5)`), else `nil`.
    static func color(_ value: String) -> String? {
        let value = value.trimmingSpaces
        guard !value.isEmpty, value.count <= 64,
              value.unicodeScalars.allSatisfy({ allowedInColor.contains($0) }),
              value.first != "-", !value.lowercased().contains("url")
        else { return nil }
        if value.hasPrefix("#") {
            let digits = value.dropFirst()
            return [3, 4, 6, 8].contains(digits.count) && digits.allSatisfy(\.isHexDigit) ? value : nil
        }
        // A name, or a function with balanced parentheses: letters, then "(…)" at most once.
        let open = value.filter { $0 == "(" }.count, close = value.filter { $0 == ")" }.count
        guard open == close, open <= 1, value.first!.isLetter else { return nil }
        return open == 0 && value.contains(" ") ? nil : value
    }

    /// `value` if it is a plain length (`2`, `2px`, `1.5pt`, `0.1em`), else `nil`.
    static func length(_ value: String) -> String? {
        let value = value.trimmingSpaces
        let number = value.prefix { $0.isNumber || $0 == "." }
        let unit = value.dropFirst(number.count)
        guard !number.isEmpty, Double(number) != nil, ["", "px", "pt", "em", "rem"].contains(unit) else { return nil }
        return value
    }

    /// A dark or light text colour that reads on `fill` when `fill` is a hex colour; used
    /// when a style sets a node's fill but not its text colour, so the theme's text colour
    /// (light, in dark mode) does not end up on the author's light fill.
    static func readableText(on fill: String) -> String? {
        guard fill.hasPrefix("#") else { return nil }
        var digits = Array(fill.dropFirst())
        if digits.count == 3 || digits.count == 4 { digits = digits.prefix(3).flatMap { [$0, $0] } }
        guard digits.count >= 6 else { return nil }
        let channels = stride(from: 0, to: 6, by: 2).compactMap { UInt8(String(digits[$0...$0 + 1]), radix: 16) }
        guard channels.count == 3 else { return nil }
        // Perceived brightness (the YIQ weights), 0…255; light fills get dark text.
        let brightness = (299 * Int(channels[0]) + 587 * Int(channels[1]) + 114 * Int(channels[2])) / 1000
        return brightness >= 140 ? "#111827" : "#f9fafb"
    }

    private static let allowedInColor: Set<Unicode.Scalar> = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#(),.% /-".unicodeScalars)
}

private extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
