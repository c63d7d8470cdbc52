import DossierMarkdown
import DossierModel

/// Formatted text (``InlineText``) as Markdown for the standalone guide files: code in
/// backticks, `**bold**`, `*emphasis*`, `[links](…)`, and every character of plain text
/// that Markdown would read as syntax escaped, so the file says what the source said.
struct InlineMarkdown {
    /// The URL to write for a link as written in the source, or `nil` to write its text only.
    var resolve: (String) -> String?

    init(resolve: @escaping (String) -> String?) {
        self.resolve = resolve
    }

    /// Links resolved with `links` as if written in `source`: absolute under `baseURL` when
    /// the site has one (the file is meant to be pasted elsewhere), else relative to
    /// `guides/`, where the file is written.
    init(links: LinkResolver, source: String, baseURL: String) {
        resolve = { url in
            guard URLPolicy.dossier.allows(url, isImage: false) else { return nil }
            switch links.resolve(url, source: source, page: baseURL.isEmpty ? "guides/" : "") {
            case .unchanged: return url
            case .rewritten(let target): return baseURL.isEmpty ? target : baseURL + target
            case .missing: return nil
            }
        }
    }

    func render(_ text: InlineText) -> String {
        var out = ""
        for span in text.spans { write(span, into: &out) }
        // A list marker, heading or quote sign at the start would change what the line is.
        if let first = out.first, "#+->".contains(first) { out = "\\" + out }
        return out
    }

    private func write(_ span: InlineSpan, into out: inout String) {
        switch span {
        case .text(let text):
            out += Self.escaped(text)
        case .code(let code):
            out += Self.codeSpan(code)
        case .strong(let children):
            out += delimited(children, by: "**")
        case .emphasis(let children):
            out += delimited(children, by: "*")
        case .link(let url, let children):
            var label = ""
            for child in children { write(child, into: &label) }
            guard let target = resolve(url) else { out += label; return }
            out += "[\(label)](\(Self.destination(target)))"
        }
    }

    /// Children between delimiters, with spaces at either end moved outside: `** a**` would
    /// not be bold.
    private func delimited(_ children: [InlineSpan], by delimiter: String) -> String {
        var inner = ""
        for child in children { write(child, into: &inner) }
        let core = inner.trimmingSpaces
        guard !core.isEmpty else { return inner }
        let leading = String(repeating: " ", count: inner.prefix { $0 == " " }.count)
        let trailing = String(repeating: " ", count: inner.reversed().prefix { $0 == " " }.count)
        return leading + delimiter + core + delimiter + trailing
    }

    /// Characters CommonMark or GFM could read as syntax inside a line, backslash-escaped.
    /// `|` is left to the table writer, which escapes it in cells (the only place it matters).
    static func escaped(_ text: String) -> String {
        // Most text has none of them: answer it from the bytes.
        guard text.utf8.contains(where: { Self.syntaxBytes.contains($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\`*_[]<>~&".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private static let syntaxBytes = Set("\\`*_[]<>~&".utf8)

    /// A code span fenced by more backticks than any run inside it.
    static func codeSpan(_ code: String) -> String {
        var longest = 0, run = 0
        for character in code {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = code.hasPrefix("`") || code.hasSuffix("`") || (code.hasPrefix(" ") && code.hasSuffix(" ") && !code.trimmingSpaces.isEmpty)
        return padded ? "\(fence) \(code) \(fence)" : fence + code + fence
    }

    /// A link destination, in angle brackets when it has spaces or brackets of its own.
    static func destination(_ url: String) -> String {
        if url.contains(where: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" }) {
            var escaped = ""
            for character in url {
                switch character {
                case "<": escaped += "%3C"
                case ">": escaped += "%3E"
                default: escaped.append(character)
                }
            }
            return "<" + escaped + ">"
        }
        return url
    }
}
