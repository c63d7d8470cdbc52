import DossierHighlight
import DossierTestSupport
import Testing

/// Any input, in any supported language, comes back exactly once the tags are
/// stripped and the entities decoded, and the markup is always well formed.
@Suite struct RoundTripTests {
    /// Pieces that open, close and confuse the lexers' constructs.
    static let fragments: [String] = [
        "\"", "'", "`", "\"\"\"", "'''", "${", "%{", "$(", "$((", "\\(", "\\#(", "#\"", "\"#", "{", "}", "(", ")",
        "[", "]", "<", ">", "</", "/>", "<>", "<div ", "<A>", "=", "==", "=>", "/", "//", "/*", "*/", "*", "#",
        "#!", "--", "-- ", "{{", "}}", "{%", "%}", "{#", "#}", "$$", "$a$", "<<EOF", "<<-EOF", "<<'X'", "EOF",
        "\tEOF", "X", "\\", "\\\n", "\n", "\r\n", "\r", " ", "  ", "\t", "$", "$VAR", "${A:-b}", "@", "@dec", ":",
        ": ", "- ", "? ", "|", "|-", ">-", "&a", "*a", "!Tag", "---", "...", "%YAML", ",", ";", "f\"", "rb'",
        "f'{", "{x:>", "!r", "def ", "class ", "function ", "const ", "SELECT ", "select", "resource ", "func ",
        "let ", "import ", "export ", "if ", "then", "fi", "for ", "in ", "do", "done", "case ", "esac", "true",
        "None", "nil", "null", "42", "0x1F", "1e", "1.5e-3", "-7", ".5", "3j", "Name", "word", "é", "日本",
        "👩‍👩‍👧", "🎉", "e\u{301}", "\u{301}", "\u{0}", "\u{7}", "\u{FEFF}", "\u{2028}", "&", "&amp;", "&lt;",
        "\"é", "'\u{301}", "<\u{301}",
    ]

    static func randomInput(_ generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 0..<60, using: &generator)
        var text = ""
        for _ in 0..<count {
            if Int.random(in: 0..<8, using: &generator) == 0 {
                let scalar = Unicode.Scalar(UInt32.random(in: 0..<0x3_0000, using: &generator)) ?? "?"
                text.unicodeScalars.append(scalar)
            } else {
                text += fragments.randomElement(using: &generator)!
            }
        }
        return text
    }

    @Test(arguments: Highlighter.supportedLanguages + ["console"])
    func randomInputsRoundTrip(language: String) throws {
        var generator = SeededGenerator(seed: 0xD055_1E00 &+ UInt64(language.utf8.count))
        for iteration in 0..<600 {
            let input = RoundTripTests.randomInput(&generator)
            let html = try #require(Highlighter.highlight(input, language: language))
            let back = HTMLInspection.plainText(html)
            try #require(
                back.unicodeScalars.elementsEqual(input.unicodeScalars),
                "iteration \(iteration): \(input.debugDescription) came back as \(back.debugDescription)")
            let problem = HTMLInspection.structuralProblem(html)
            try #require(problem == nil, "iteration \(iteration): \(problem ?? "") in \(input.debugDescription)")
        }
    }

    @Test(arguments: Highlighter.supportedLanguages)
    func everyFragmentAloneAndPairedRoundTrips(language: String) throws {
        for first in RoundTripTests.fragments {
            _ = try HTMLInspection.checkedHighlight(first, language)
            for second in ["\n", "x", "\"", "}", ")", first] {
                _ = try HTMLInspection.checkedHighlight(first + second, language)
            }
        }
    }
}
