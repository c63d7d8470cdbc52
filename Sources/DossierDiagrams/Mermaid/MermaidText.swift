/// Label text in and out of Mermaid: entity codes and line breaks.
///
/// Mermaid labels are HTML once drawn, and its own syntax uses `"`, brackets and `|`.
/// Written labels are always quoted, with `#quot;` for quotes and numeric entity codes for
/// `#`, `<`, `>`, `&` and backticks (so `<model>` is text, not a tag, and a leading backtick
/// is not a Markdown string). A line break is `<br>`.
enum MermaidText {
    /// `text` as the inside of a quoted Mermaid label.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "<": out += "#60;"
            case ">": out += "#62;"
            case "&": out += "#38;"
            case "`": out += "#96;"
            case "\n": out += "<br>"
            case "\r": break
            default: out.append(character)
            }
        }
        return out
    }

    /// `"text"`, escaped.
    static func quoted(_ text: String) -> String {
        "\"" + escape(text) + "\""
    }

    static let named: [String: String] = [
        "quot": "\"", "amp": "&", "lt": "<", "gt": ">", "apos": "'", "nbsp": "\u{00A0}",
        "num": "#", "semi": ";", "colon": ":", "lpar": "(", "rpar": ")", "lsqb": "[", "rsqb": "]",
        "lbrace": "{", "rbrace": "}", "vert": "|", "grave": "`",
    ]

    /// A label as read from Mermaid: entity codes (`#quot;`, `#35;`, `#x23;`) decoded and
    /// `<br>` turned into a line break.
    static func decode(_ raw: Substring) -> String {
        guard raw.contains("#") || raw.contains("<") else { return String(raw) }
        var out = ""
        var index = raw.startIndex
        while index < raw.endIndex {
            let character = raw[index]
            if character == "#", let (text, end) = entity(in: raw, at: index) {
                out += text
                index = end
            } else if character == "<", let end = lineBreak(in: raw, at: index) {
                out += "\n"
                index = end
            } else {
                out.append(character)
                index = raw.index(after: index)
            }
        }
        return out
    }

    private static func entity(in raw: Substring, at start: Substring.Index) -> (String, Substring.Index)? {
        let nameStart = raw.index(after: start)
        guard let semicolon = raw[nameStart...].prefix(12).firstIndex(of: ";") else { return nil }
        let name = raw[nameStart..<semicolon]
        guard !name.isEmpty else { return nil }
        let end = raw.index(after: semicolon)
        if name.allSatisfy(\.isASCII), name.allSatisfy(\.isNumber), let value = UInt32(name),
           let scalar = Unicode.Scalar(value) {
            return (String(Character(scalar)), end)
        }
        if name.first == "x" || name.first == "X", let value = UInt32(name.dropFirst(), radix: 16),
           let scalar = Unicode.Scalar(value) {
            return (String(Character(scalar)), end)
        }
        if let text = named[name.lowercased()] { return (text, end) }
        return nil
    }

    private static func lineBreak(in raw: Substring, at start: Substring.Index) -> Substring.Index? {
        for form in ["<br>", "<br/>", "<br />", "<BR>", "<BR/>", "<BR />"] where raw[start...].hasPrefix(form) {
            return raw.index(start, offsetBy: form.count)
        }
        return nil
    }
}
