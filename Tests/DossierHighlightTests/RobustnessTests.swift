import DossierHighlight
import Testing

/// Malformed, unusual and deeply nested input never crashes, and still round-trips.
@Suite struct RobustnessTests {
    static let awkwardInputs: [String] = [
        "", "\n", "\r\n", "\"", "'", "`", "\\", "$", "#", "<", "{", "}", "${", "\"\"\"", "'''", "/*", "<<EOF",
        "let s = \"never closed", "x = '''never\nclosed", "/* never closed", "a = `never ${closed",
        "line one\r\nline \"two\r\nthree\r\n", "emoji 👩‍👩‍👧 \"🎉\" # 日本語 é\u{301}", "\u{FEFF}BOM first",
        "}}}}))))]]]]", "{{{{((((", "</div></div>", "<<<<<<<<", "\"\\", "'\\", "`\\", "f\"\\", "$'\\",
    ]

    @Test(arguments: Highlighter.supportedLanguages)
    func awkwardInputsRoundTrip(language: String) throws {
        for input in RobustnessTests.awkwardInputs {
            _ = try HTMLInspection.checkedHighlight(input, language)
        }
    }

    /// Constructs nested tens of thousands deep: the lexers keep nesting on the heap,
    /// so this must neither overflow the stack nor slow down.
    static let deepNesting: [(language: String, unit: String)] = [
        ("typescript", "`${"), ("typescript", "<a>{"), ("typescript", "(["), ("python", "f\"\"\"{"),
        ("python", "f'{"), ("bash", "\"$("), ("bash", "$("), ("swift", "\"\\("), ("swift", "\"\"\"\n\\("),
        ("swift", "/*"), ("hcl", "\"${"), ("json", "[{"), ("yaml", "[{"), ("sql", "(("), ("bash", "<<EOF "),
    ]

    @Test(arguments: deepNesting)
    func deepNestingIsHandled(language: String, unit: String) throws {
        let input = String(repeating: unit, count: 20_000)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            _ = try HTMLInspection.checkedHighlight(input, language)
        }
        #expect(elapsed < .seconds(10))
    }

    @Test func crlfLineEndingsStayInsideTheirLines() throws {
        let html = try HTMLInspection.checkedHighlight("a = 1 # note\r\nb = 'x'\r\n", "python")
        HTMLInspection.expect(html, "# note\r", is: .comment)
        HTMLInspection.expect(html, "'x'", is: .string)
    }

    @Test func multiByteCharactersAreNeverSplitAcrossTags() throws {
        for language in Highlighter.supportedLanguages {
            let html = try HTMLInspection.checkedHighlight("日本 = \"é\u{301}\" + 🎉x // 👩‍👩‍👧", language)
            #expect(!html.unicodeScalars.contains("\u{FFFD}"), "\(language)")
        }
    }
}
