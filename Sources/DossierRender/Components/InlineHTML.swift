import DossierMarkdown
import DossierModel

/// Formatted text (``InlineText``) as HTML for a page: text escaped, code in `<code>`, bold
/// and emphasis as `<strong>` and `<em>`, links resolved the way the document's own links
/// are. A link whose URL Dossier never emits (`javascript:`, `data:`…) or whose target is
/// not in the handbook is shown as its text: the source page already warned about it.
struct InlineHTML {
    /// Resolves a link as written in the source to the `href` for this page, or `nil` to
    /// show its text only.
    var resolve: (String) -> String?

    /// Links resolved with `links` as if written in `source` and shown on `page`.
    init(links: LinkResolver, source: String, page: String) {
        resolve = { url in
            guard URLPolicy.dossier.allows(url, isImage: false) else { return nil }
            switch links.resolve(url, source: source, page: page) {
            case .unchanged: return url
            case .rewritten(let target): return target
            case .missing: return nil
            }
        }
    }

    init(resolve: @escaping (String) -> String?) {
        self.resolve = resolve
    }

    func render(_ text: InlineText) -> String {
        var writer = HTMLWriter(capacity: 256)
        for span in text.spans { write(span, into: &writer) }
        return writer.string
    }

    private func write(_ span: InlineSpan, into writer: inout HTMLWriter) {
        switch span {
        case .text(let text):
            writer.escaped(text)
        case .code(let code):
            writer.raw("<code>")
            writer.escaped(code)
            writer.raw("</code>")
        case .strong(let children):
            writer.raw("<strong>")
            for child in children { write(child, into: &writer) }
            writer.raw("</strong>")
        case .emphasis(let children):
            writer.raw("<em>")
            for child in children { write(child, into: &writer) }
            writer.raw("</em>")
        case .link(let url, let children):
            guard let href = resolve(url) else {
                for child in children { write(child, into: &writer) }
                return
            }
            writer.raw("<a href=\"")
            writer.escapedURL(href)
            writer.raw("\">")
            for child in children { write(child, into: &writer) }
            writer.raw("</a>")
        }
    }
}
