import DossierHighlight
import DossierMarkdown

/// A code block as the pages show it: highlighted at build time when the language is known,
/// escaped text otherwise, with a copy button the script turns on.
enum CodeBlockHTML {
    static func render(info: String, code: String, templates: TemplateSet) -> String {
        let word = info.split(separator: " ").first.map(String.init) ?? ""
        let language = Highlighter.canonicalLanguage(word)
        let html = language.flatMap { Highlighter.highlight(code, language: $0) } ?? code.htmlEscaped
        var context: [String: Any] = ["html": html]
        if !word.isEmpty { context["language"] = language ?? word }
        return templates.render("components/code", context)
    }
}
