/// Text put into generated Markdown.
enum MarkdownText {
    /// A title for an ATX heading (`# Title`): trailing `#` characters would be read as the
    /// heading's closing sequence, so they are escaped.
    static func heading(_ title: String) -> String {
        var text = title
        var trailing = 0
        while text.hasSuffix("#") { text.removeLast(); trailing += 1 }
        return text + String(repeating: "\\#", count: trailing)
    }
}
