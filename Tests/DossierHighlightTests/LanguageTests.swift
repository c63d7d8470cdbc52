import DossierHighlight
import Testing

/// Info strings and aliases map to canonical names; anything else is unsupported.
@Suite struct LanguageTests {
    @Test(arguments: [
        ("typescript", "typescript"), ("ts", "typescript"), ("tsx", "typescript"), ("TS", "typescript"),
        ("javascript", "javascript"), ("js", "javascript"), ("jsx", "javascript"), ("mjs", "javascript"),
        ("cjs", "javascript"),
        ("python", "python"), ("py", "python"), ("python3", "python"),
        ("bash", "bash"), ("sh", "bash"), ("shell", "bash"), ("zsh", "bash"), ("console", "bash"),
        ("shell-session", "bash"),
        ("json", "json"), ("jsonc", "json"), ("json5", "json"),
        ("yaml", "yaml"), ("yml", "yaml"),
        ("sql", "sql"), ("postgresql", "sql"), ("mysql", "sql"), ("snowflake", "sql"), ("SQL", "sql"),
        ("swift", "swift"),
        ("hcl", "hcl"), ("terraform", "hcl"), ("tf", "hcl"),
    ])
    func aliasMapsToCanonicalName(info: String, canonical: String) {
        #expect(Highlighter.canonicalLanguage(info) == canonical)
    }

    @Test(arguments: [
        ("tsx title=\"App.tsx\"", "typescript"), ("  python  ", "python"), ("{.yaml}", "yaml"),
        ("python,linenums", "python"), ("bash {1,3}", "bash"),
    ])
    func onlyTheFirstWordOfAnInfoStringCounts(info: String, canonical: String) {
        #expect(Highlighter.canonicalLanguage(info) == canonical)
    }

    @Test(arguments: ["", "markdown", "mermaid", "xml", "toml", "rust", "text", "plaintext", "c++", "typescriptx"])
    func unknownLanguagesAreNotSupported(info: String) {
        #expect(Highlighter.canonicalLanguage(info) == nil)
        #expect(Highlighter.highlight("let x = 1 < 2", language: info) == nil)
    }

    @Test func everyCanonicalNameMapsToItself() {
        for name in Highlighter.supportedLanguages {
            #expect(Highlighter.canonicalLanguage(name) == name)
        }
    }

    @Test func outputEscapesTheFourCharacters() throws {
        let html = try #require(Highlighter.highlight("a & b < c > d \"e\" 'f'", language: "bash"))
        #expect(html.contains("&amp;"))
        #expect(html.contains("&lt;"))
        #expect(html.contains("&gt;"))
        #expect(html.contains("&quot;e&quot;"))
        #expect(HTMLInspection.plainText(html) == "a & b < c > d \"e\" 'f'")
    }
}
