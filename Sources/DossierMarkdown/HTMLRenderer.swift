/// Renders a ``MarkdownDocument`` (or some of its blocks) to HTML.
///
/// The output matches cmark-gfm's HTML renderer byte for byte for the same options (the
/// test suite checks it against the library on the GFM spec and the real corpus), plus what
/// a site needs and cmark lacks: `id`s on headings, blocks replaced by prepared HTML (a
/// diagram's SVG, highlighted code), links rewritten from source paths to page URLs, and a
/// URL policy that keeps `javascript:` and `data:` links out even when raw HTML is allowed.
public struct HTMLRenderer {
    public var document: MarkdownDocument
    /// Pass raw HTML through (with the tag filter when the document has it) instead of
    /// replacing it with `<!-- raw HTML omitted -->`.
    public var unsafeHTML: Bool = false
    public var urlPolicy: URLPolicy = .dossier
    /// `id` attributes for heading nodes, by node index.
    public var headingIDs: [Int32: String] = [:]
    /// When set, each heading with an id also gets a self-link, for copying section links.
    public var headingAnchors: Bool = false
    /// Prepared HTML that replaces a block node (and its subtree), by node index.
    public var replacements: [Int32: String] = [:]
    /// Prepared HTML added after a block node, by node index (a pattern's facts after its
    /// heading).
    public var insertionsAfter: [Int32: String] = [:]
    /// Destinations that replace a link's or image's own, by node index (source-relative
    /// `.md` links become page URLs).
    public var linkTargets: [Int32: String] = [:]
    /// Links whose destination does not exist: their text is kept in a
    /// `<span class="broken-link">`, so the site has no link that leads nowhere.
    public var unlinked: Set<Int32> = []
    /// Gives each task-list checkbox an accessible name, the item's text
    /// (`aria-label="Add the server"`); cmark's checkboxes have none, which screen readers
    /// announce as an unlabelled control. Off by default, to match cmark.
    public var labelledTaskItems: Bool = false

    public init(document: MarkdownDocument) {
        self.document = document
    }

    /// The whole document.
    public func render() -> String {
        var writer = HTMLWriter(capacity: document.source.utf8.count * 2)
        render(blocks: document.children(of: document.root), into: &writer)
        return writer.string
    }

    /// The given top-level block nodes, in order, as one fragment.
    public func render(blocks: some Sequence<Int32>) -> String {
        var writer = HTMLWriter()
        render(blocks: blocks, into: &writer)
        return writer.string
    }

    public func render(blocks: some Sequence<Int32>, into writer: inout HTMLWriter) {
        var state = RenderState()
        for block in blocks {
            renderSubtree(block, into: &writer, state: &state)
        }
        if state.footnoteIndex > 0 {
            writer.raw("</ol>\n</section>\n")
        }
    }

    /// What one render call tracks across nodes, as cmark's renderer does.
    struct RenderState {
        var footnoteIndex = 0
        var writtenFootnoteIndex = 0
        var inTableHeader = false
        var needsClosingTableBody = false
    }

    private func renderSubtree(_ root: Int32, into w: inout HTMLWriter, state: inout RenderState) {
        let nodes = document.nodes
        var open: [Int32] = []
        var i = root
        let end = nodes[Int(root)].end
        while i < end {
            while let top = open.last, nodes[Int(top)].end <= i {
                leave(top, into: &w, state: &state)
                open.removeLast()
                insert(after: top, into: &w)
            }
            if let replacement = replacements[i] {
                w.newlineIfNeeded()
                w.raw(replacement)
                w.newlineIfNeeded()
                insert(after: i, into: &w)
                i = nodes[Int(i)].end
                continue
            }
            let node = nodes[Int(i)]
            if node.kind == .image {
                renderImage(i, into: &w)
                i = node.end
                continue
            }
            enter(i, into: &w, state: &state)
            if node.end == i + 1 {
                if hasExit(node.kind) { leave(i, into: &w, state: &state) }
                insert(after: i, into: &w)
            } else {
                open.append(i)
            }
            i += 1
        }
        while let top = open.popLast() {
            leave(top, into: &w, state: &state)
            insert(after: top, into: &w)
        }
    }

    private func insert(after index: Int32, into w: inout HTMLWriter) {
        guard let html = insertionsAfter[index] else { return }
        w.newlineIfNeeded()
        w.raw(html)
        w.newlineIfNeeded()
    }

    /// Leaves get no exit event in cmark; containers do, even when empty.
    private func hasExit(_ kind: Node.Kind) -> Bool {
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .htmlBlock, .codeBlock,
             .thematicBreak, .footnoteReference:
            return false
        default:
            return true
        }
    }

    private func isTight(paragraph index: Int32) -> Bool {
        let parent = document.nodes[Int(index)].parent
        guard parent >= 0 else { return false }
        let grandparent = document.nodes[Int(parent)].parent
        guard grandparent >= 0, case .list(_, _, let tight) = document.nodes[Int(grandparent)].detail else { return false }
        return tight
    }

    private func enter(_ index: Int32, into w: inout HTMLWriter, state: inout RenderState) {
        let node = document.nodes[Int(index)]
        switch node.kind {
        case .document:
            break
        case .blockQuote:
            w.newlineIfNeeded()
            w.raw("<blockquote>\n")
        case .list:
            w.newlineIfNeeded()
            if case .list(let ordered, let start, _) = node.detail, ordered {
                if start == 1 { w.raw("<ol>\n") } else { w.raw("<ol start=\""); w.raw(String(start)); w.raw("\">\n") }
            } else {
                w.raw("<ul>\n")
            }
        case .item:
            w.newlineIfNeeded()
            w.raw("<li>")
            if case .item(let task) = node.detail {
                func checkbox(_ attributes: String) {
                    w.raw("<input type=\"checkbox\"" + attributes)
                    if labelledTaskItems {
                        let first = document.children(of: index).first { _ in true }
                        let text = first.map { document.plainText(of: $0).split(whereSeparator: \.isWhitespace).joined(separator: " ") } ?? ""
                        w.raw(" aria-label=\"")
                        w.escaped(text.isEmpty ? "task" : text)
                        w.raw("\"")
                    }
                    w.raw(" /> ")
                }
                switch task {
                case .checked: checkbox(" checked=\"\" disabled=\"\"")
                case .unchecked: checkbox(" disabled=\"\"")
                case .none: break
                }
            }
        case .heading:
            w.newlineIfNeeded()
            guard case .heading(let level) = node.detail else { return }
            w.raw("<h")
            w.raw(UInt8(0x30 + level))
            if let id = headingIDs[index] {
                w.raw(" id=\"")
                w.escaped(id)
                w.raw("\"")
            }
            w.raw(">")
        case .codeBlock:
            w.newlineIfNeeded()
            if case .codeBlock(let info, _) = node.detail, !info.isEmpty {
                let language = info.utf8.prefix { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0B && $0 != 0x0C && $0 != 0x0D }
                w.raw("<pre><code class=\"language-")
                w.escaped(Substring(language))
                w.raw("\">")
            } else {
                w.raw("<pre><code>")
            }
            w.escaped(node.literal)
            w.raw("</code></pre>\n")
        case .htmlBlock:
            w.newlineIfNeeded()
            if !unsafeHTML {
                w.raw("<!-- raw HTML omitted -->")
            } else if document.options.extensions.contains(.tagfilter) {
                TagFilter.write(node.literal, into: &w)
            } else {
                w.raw(node.literal)
            }
            w.newlineIfNeeded()
        case .thematicBreak:
            w.newlineIfNeeded()
            w.raw("<hr />\n")
        case .paragraph:
            if !isTight(paragraph: index) {
                w.newlineIfNeeded()
                w.raw("<p>")
            }
        case .footnoteDefinition:
            if state.footnoteIndex == 0 {
                w.raw("<section class=\"footnotes\" data-footnotes>\n<ol>\n")
            }
            state.footnoteIndex += 1
            guard case .footnoteDefinition(let label, _) = node.detail else { return }
            w.raw("<li id=\"fn-")
            w.escapedURL(label)
            w.raw("\">\n")
        case .table:
            w.newlineIfNeeded()
            w.raw("<table>")
            state.needsClosingTableBody = false
        case .tableRow:
            w.newlineIfNeeded()
            if case .tableRow(true) = node.detail {
                state.inTableHeader = true
                w.raw("<thead>")
                w.newlineIfNeeded()
            } else if !state.needsClosingTableBody {
                w.raw("<tbody>")
                w.newlineIfNeeded()
                state.needsClosingTableBody = true
            }
            w.raw("<tr>")
        case .tableCell:
            w.newlineIfNeeded()
            w.raw(state.inTableHeader ? "<th" : "<td")
            switch alignment(ofCell: index) {
            case .left: w.raw(" align=\"left\"")
            case .center: w.raw(" align=\"center\"")
            case .right: w.raw(" align=\"right\"")
            case .none: break
            }
            w.raw(">")
        case .text:
            w.escaped(node.literal)
        case .softBreak:
            w.raw("\n")
        case .lineBreak:
            w.raw("<br />\n")
        case .code:
            w.raw("<code>")
            w.escaped(node.literal)
            w.raw("</code>")
        case .htmlInline:
            if !unsafeHTML {
                w.raw("<!-- raw HTML omitted -->")
            } else if document.options.extensions.contains(.tagfilter) && TagFilter.isFiltered(node.literal.utf8[...]) {
                w.raw("&lt;")
                w.raw(String(node.literal.dropFirst()))
            } else {
                w.raw(node.literal)
            }
        case .emphasis:
            w.raw("<em>")
        case .strong:
            w.raw("<strong>")
        case .strikethrough:
            w.raw("<del>")
        case .link:
            guard case .link(let url, let title) = node.detail else { return }
            if unlinked.contains(index) {
                w.raw("<span class=\"broken-link\">")
                return
            }
            w.raw("<a href=\"")
            let target = linkTargets[index] ?? url
            if urlPolicy.allows(target, isImage: false) { w.escapedURL(target) }
            if !title.isEmpty {
                w.raw("\" title=\"")
                w.escaped(title)
            }
            w.raw("\">")
        case .image:
            break  // rendered whole by renderImage
        case .footnoteReference:
            guard case .footnoteReference(let label, _, let occurrence) = node.detail else { return }
            w.raw("<sup class=\"footnote-ref\"><a href=\"#fn-")
            w.escapedURL(label)
            w.raw("\" id=\"fnref-")
            w.escapedURL(label)
            if occurrence > 1 {
                w.raw("-")
                w.raw(String(occurrence))
            }
            w.raw("\" data-footnote-ref>")
            w.raw(node.literal)
            w.raw("</a></sup>")
        }
    }

    private func leave(_ index: Int32, into w: inout HTMLWriter, state: inout RenderState) {
        let node = document.nodes[Int(index)]
        switch node.kind {
        case .blockQuote:
            w.newlineIfNeeded()
            w.raw("</blockquote>\n")
        case .list:
            if case .list(true, _, _) = node.detail { w.raw("</ol>\n") } else { w.raw("</ul>\n") }
        case .item:
            w.raw("</li>\n")
        case .heading:
            if let id = headingIDs[index], headingAnchors {
                w.raw(" <a class=\"anchor\" href=\"#")
                w.escaped(id)
                w.raw("\" aria-hidden=\"true\" tabindex=\"-1\">#</a>")
            }
            guard case .heading(let level) = node.detail else { return }
            w.raw("</h")
            w.raw(UInt8(0x30 + level))
            w.raw(">\n")
        case .paragraph:
            if !isTight(paragraph: index) {
                let parent = document.nodes[Int(node.parent)]
                if parent.kind == .footnoteDefinition && node.end == parent.end {
                    w.raw(" ")
                    _ = writeBackReference(node.parent, into: &w, state: &state)
                }
                w.raw("</p>\n")
            }
        case .footnoteDefinition:
            if writeBackReference(index, into: &w, state: &state) { w.raw("\n") }
            w.raw("</li>\n")
        case .table:
            if state.needsClosingTableBody {
                w.newlineIfNeeded()
                w.raw("</tbody>")
                w.newlineIfNeeded()
            }
            state.needsClosingTableBody = false
            w.newlineIfNeeded()
            w.raw("</table>")
            w.newlineIfNeeded()
        case .tableRow:
            w.newlineIfNeeded()
            w.raw("</tr>")
            if case .tableRow(true) = node.detail {
                w.newlineIfNeeded()
                w.raw("</thead>")
                state.inTableHeader = false
            }
        case .tableCell:
            w.raw(state.inTableHeader ? "</th>" : "</td>")
        case .emphasis:
            w.raw("</em>")
        case .strong:
            w.raw("</strong>")
        case .strikethrough:
            w.raw("</del>")
        case .link:
            w.raw(unlinked.contains(index) ? "</span>" : "</a>")
        default:
            break
        }
    }

    /// The `↩` links at the end of a footnote, once per definition.
    private func writeBackReference(_ definition: Int32, into w: inout HTMLWriter, state: inout RenderState) -> Bool {
        guard state.writtenFootnoteIndex < state.footnoteIndex,
              case .footnoteDefinition(let label, let count) = document.nodes[Int(definition)].detail else { return false }
        state.writtenFootnoteIndex = state.footnoteIndex
        w.raw("<a href=\"#fnref-")
        w.escapedURL(label)
        w.raw("\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a>")
        if count > 1 {
            for n in 2...count {
                w.raw(" <a href=\"#fnref-")
                w.escapedURL(label)
                w.raw("-")
                w.raw(String(n))
                w.raw("\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩<sup class=\"footnote-ref\">")
                w.raw(String(n))
                w.raw("</sup></a>")
            }
        }
        return true
    }

    /// An image with its description flattened to plain text for `alt`.
    private func renderImage(_ index: Int32, into w: inout HTMLWriter) {
        let node = document.nodes[Int(index)]
        guard case .link(let url, let title) = node.detail else { return }
        w.raw("<img src=\"")
        let target = linkTargets[index] ?? url
        if urlPolicy.allows(target, isImage: true) { w.escapedURL(target) }
        w.raw("\" alt=\"")
        var i = index + 1
        while i < node.end {
            let child = document.nodes[Int(i)]
            switch child.kind {
            case .text, .code, .htmlInline: w.escaped(child.literal)
            case .softBreak, .lineBreak: w.raw(" ")
            default: break
            }
            i += 1
        }
        if !title.isEmpty {
            w.raw("\" title=\"")
            w.escaped(title)
        }
        w.raw("\" />")
    }

    private func alignment(ofCell index: Int32) -> Node.Alignment {
        let row = document.nodes[Int(index)].parent
        let table = document.nodes[Int(row)].parent
        guard table >= 0, case .table(let alignments) = document.nodes[Int(table)].detail else { return .none }
        var column = 0
        for cell in document.children(of: row) {
            if cell == index { break }
            column += 1
        }
        return column < alignments.count ? alignments[column] : .none
    }
}
