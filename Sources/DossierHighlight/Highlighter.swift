/// Build-time syntax highlighting for fenced code blocks.
///
/// Highlighting happens when the site is built, so pages need no JavaScript and show
/// colour even with scripts disabled. Each language has a small hand-written lexer
/// over the UTF-8 bytes: no regular expressions, no backtracking, linear in the input,
/// and total — any string, however malformed as code, produces balanced HTML that
/// un-escapes back to exactly the input.
public enum Highlighter {
    /// Returns `code` as HTML with every character escaped and tokens wrapped in
    /// `<span class="hl-…">`, or `nil` when `language` is not one this module knows.
    ///
    /// `language` may be a canonical name or any alias or info string accepted by
    /// ``canonicalLanguage(_:)``. On `nil`, show the code as plain escaped text.
    /// Spans never nest and never cross a line feed.
    public static func highlight(_ code: String, language: String) -> String? {
        guard let resolved = Language(info: language) else { return nil }
        switch resolved {
        case .typescript:
            var lexer = ScriptLexer(code, typescript: true)
            return lexer.highlighted()
        case .javascript:
            var lexer = ScriptLexer(code, typescript: false)
            return lexer.highlighted()
        case .python:
            var lexer = PythonLexer(code)
            return lexer.highlighted()
        case .bash:
            let declaredSession = Language.sessionAliases.contains(Language.languageWord(of: language))
            var lexer = BashLexer(code, declaredSession: declaredSession)
            return lexer.highlighted()
        case .json:
            var lexer = JSONLexer(code)
            return lexer.highlighted()
        case .yaml:
            var lexer = YAMLLexer(code)
            return lexer.highlighted()
        case .sql:
            var lexer = SQLLexer(code)
            return lexer.highlighted()
        case .swift:
            var lexer = SwiftLexer(code)
            return lexer.highlighted()
        case .hcl:
            var lexer = HCLLexer(code)
            return lexer.highlighted()
        }
    }

    /// The canonical language name for a fenced code block's info string, or `nil`.
    ///
    /// Only the first word counts and case is ignored, so `TS`, `tsx title="App"` and
    /// `{.tsx}` all give `"typescript"`. The canonical names are `typescript`,
    /// `javascript`, `python`, `bash`, `json`, `yaml`, `sql`, `swift` and `hcl`.
    public static func canonicalLanguage(_ info: String) -> String? {
        Language(info: info)?.rawValue
    }

    /// The canonical names of every supported language.
    public static var supportedLanguages: [String] {
        Language.allCases.map(\.rawValue)
    }
}
