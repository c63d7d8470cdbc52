import DossierHighlight
import Testing

/// Reads the highlighter's HTML back, so tests can assert on tokens rather than on
/// strings of markup.
enum HTMLInspection {
    /// One `<span>` in the output: its class and its unescaped text.
    struct Span: Equatable, CustomStringConvertible {
        var kind: String
        var text: String
        var description: String { "\(kind):\(text)" }
    }

    /// The output with every tag removed and the four entities decoded.
    ///
    /// Works on Unicode scalars, not characters: a combining mark in the input may
    /// follow an escaped `"` and would otherwise merge with the entity's `;`.
    static func plainText(_ html: String) -> String {
        var text = String.UnicodeScalarView()
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let close = scalars[index...].firstIndex(of: ">") {
                index = close + 1
            } else if scalar == "&", let semicolon = scalars[index...].firstIndex(of: ";") {
                let entity = String(String.UnicodeScalarView(scalars[index...semicolon]))
                text.append(contentsOf: decode(entity).unicodeScalars)
                index = semicolon + 1
            } else {
                text.append(scalar)
                index += 1
            }
        }
        return String(text)
    }

    private static func decode(_ entity: String) -> String {
        switch entity {
        case "&amp;": "&"
        case "&lt;": "<"
        case "&gt;": ">"
        case "&quot;": "\""
        default: entity
        }
    }

    /// Every span in order.
    static func spans(_ html: String) -> [Span] {
        var spans: [Span] = []
        var rest = Substring(html)
        let open = "<span class=\""
        while let start = rest.firstRange(of: open) {
            rest = rest[start.upperBound...]
            guard let quote = rest.firstIndex(of: "\"") else { break }
            let kind = String(rest[..<quote])
            rest = rest[rest.index(quote, offsetBy: 2)...]
            guard let end = rest.firstRange(of: "</span>") else { break }
            spans.append(Span(kind: kind, text: plainText(String(rest[..<end.lowerBound]))))
            rest = rest[end.upperBound...]
        }
        return spans
    }

    /// The classes of every span whose text is exactly `text`.
    static func kinds(of text: String, in html: String) -> [String] {
        spans(html).filter { $0.text == text }.map(\.kind)
    }

    /// A description of the first structural problem, or nil when every tag is a
    /// `<span class="hl-…">` or `</span>`, spans do not nest, none is empty, none
    /// crosses a line feed, and no `>` or `"` is left unescaped.
    static func structuralProblem(_ html: String) -> String? {
        let scalars = Array(html.unicodeScalars)
        var open = false
        var spanIsEmpty = true
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                guard let close = scalars[index...].firstIndex(of: ">") else { return "unclosed tag" }
                let tag = String(String.UnicodeScalarView(scalars[index...close]))
                if tag == "</span>" {
                    guard open else { return "close without open" }
                    if spanIsEmpty { return "empty span" }
                    open = false
                } else if tag.hasPrefix("<span class=\"hl-") && tag.hasSuffix("\">") {
                    if open { return "nested span" }
                    open = true
                    spanIsEmpty = true
                } else {
                    return "unexpected tag \(tag)"
                }
                index = close + 1
                continue
            }
            if scalar == "\n" {
                if open { return "span crosses a line feed" }
            } else if scalar == ">" || scalar == "\"" {
                return "unescaped \(scalar)"
            } else if open {
                spanIsEmpty = false
            }
            index += 1
        }
        return open ? "span left open" : nil
    }

    /// Highlights `code` and checks the properties every output must have: it is
    /// well formed and reads back to exactly `code`.
    static func checkedHighlight(
        _ code: String, _ language: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let html = try #require(Highlighter.highlight(code, language: language), sourceLocation: sourceLocation)
        #expect(plainText(html) == code, "round trip failed for \(language)", sourceLocation: sourceLocation)
        #expect(structuralProblem(html) == nil, "\(structuralProblem(html) ?? "")", sourceLocation: sourceLocation)
        return html
    }

    /// Expects that `text` appears as a span of class `kind`.
    static func expect(
        _ html: String, _ text: String, is kind: TokenClass, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            kinds(of: text, in: html).contains(kind.cssClass),
            "expected \(text.debugDescription) as \(kind.cssClass); spans: \(spans(html))",
            sourceLocation: sourceLocation
        )
    }

    /// Expects that no span has exactly the text `text`.
    static func expectPlain(
        _ html: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            kinds(of: text, in: html).isEmpty,
            "expected \(text.debugDescription) plain; spans: \(spans(html))",
            sourceLocation: sourceLocation
        )
    }
}
