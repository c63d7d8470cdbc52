import DossierMarkdown

/// The page's contents: its H2s with their H3s, nested.
enum TableOfContents {
    static func add(to context: inout [String: Any], headings: [MarkdownHeading]) {
        var entries: [[String: Any]] = []
        var children: [[String: Any]] = []
        func flush() {
            guard !entries.isEmpty else { return }
            entries[entries.count - 1]["children"] = children
            entries[entries.count - 1]["hasChildren"] = !children.isEmpty
            children = []
        }
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 2 {
                flush()
                entries.append(["text": heading.text, "id": heading.anchor])
            } else if entries.isEmpty {
                entries.append(["text": heading.text, "id": heading.anchor])
            } else {
                children.append(["text": heading.text, "id": heading.anchor])
            }
        }
        flush()
        context["toc"] = entries
        context["hasToc"] = entries.count > 1
    }
}
