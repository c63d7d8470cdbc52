import CCMarkGFM
import DossierCore
#if canImport(Glibc)
import Glibc
#endif

/// Parses Markdown with cmark-gfm. This is the only file in Dossier that touches the C
/// library: it parses, copies the tree into Swift values, and frees every cmark object
/// before returning.
public enum MarkdownParser {
    /// Registers the GFM extensions once per process; `static let` runs it exactly once,
    /// thread-safely, where calling it from every parse would race on cmark's registry.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Held while cmark parses inlines. Debian's cmark-gfm (0.29.0.gfm.6) keeps the
    /// characters that start extension syntax (`~`, and `:` `w` `@` for autolinks) in one
    /// process-wide table that each parse fills when its inline pass starts and clears when
    /// it ends, so two inline passes at once lose each other's strikethrough and autolinks
    /// (`ConcurrentParsingTests`). Block parsing, the copy into Swift and everything after
    /// still run in parallel.
    private static let inlinePass = Locked(())

    public static func parse(_ source: String, options: MarkdownOptions = .dossier) -> MarkdownDocument {
        var source = source
        let nodes: [Node] = source.withUTF8 { bytes in
            withParsedTree(bytes, options: options) { root, _ in
                var converter = TreeConverter(source: bytes)
                return converter.convert(root)
            }
        }
        return MarkdownDocument(source: source, nodes: nodes, options: options)
    }

    /// cmark-gfm's own HTML for a source. Dossier renders pages with ``HTMLRenderer``; this is
    /// kept so tests can check that renderer against the library's, byte for byte.
    public static func referenceHTML(_ source: String, options: MarkdownOptions = .dossier, unsafe: Bool = false) -> String {
        var source = source
        return source.withUTF8 { bytes in
            withParsedTree(bytes, options: options) { root, parser in
                var flags = cmarkOptions(options) & ~CMARK_OPT_SOURCEPOS
                if unsafe { flags |= CMARK_OPT_UNSAFE }
                guard let html = cmark_render_html(root, flags, cmark_parser_get_syntax_extensions(parser)) else { return "" }
                defer { free(html) }
                return String(cString: html)
            }
        }
    }

    private static func cmarkOptions(_ options: MarkdownOptions) -> Int32 {
        var flags = CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS
        if options.footnotes { flags |= CMARK_OPT_FOOTNOTES }
        return flags
    }

    private static func withParsedTree<T>(
        _ bytes: UnsafeBufferPointer<UInt8>, options: MarkdownOptions,
        _ body: (OpaquePointer, OpaquePointer) -> T
    ) -> T {
        _ = registered
        let parser = cmark_parser_new(cmarkOptions(options))!
        defer { cmark_parser_free(parser) }
        // Attach in a fixed order: the order decides which extension sees a line first.
        for ext in MarkdownOptions.Extension.allCases where options.extensions.contains(ext) {
            if let syntax = cmark_find_syntax_extension(ext.rawValue) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        bytes.withMemoryRebound(to: CChar.self) { chars in
            cmark_parser_feed(parser, chars.baseAddress, chars.count)
        }
        // cmark_parser_finish runs the inline pass.
        let root = inlinePass.withLock { _ in cmark_parser_finish(parser)! }
        defer { cmark_node_free(root) }
        cmark_consolidate_text_nodes(root)
        return body(root, parser)
    }
}

/// Walks a cmark tree once, without recursion (deeply nested input must not exhaust the
/// stack), and copies each node into a ``Node``.
private struct TreeConverter {
    let source: UnsafeBufferPointer<UInt8>
    private var nodes: [Node] = []
    private var kindCache: [UInt32: Node.Kind?] = [:]

    init(source: UnsafeBufferPointer<UInt8>) {
        self.source = source
    }

    func stringOrEmpty(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    mutating func convert(_ root: OpaquePointer) -> [Node] {
        nodes.reserveCapacity(256)
        var stack: [Int32] = []
        var current: OpaquePointer? = root
        while let node = current {
            let index = Int32(nodes.count)
            nodes.append(makeNode(node, parent: stack.last ?? -1))
            if let child = cmark_node_first_child(node) {
                stack.append(index)
                current = child
                continue
            }
            nodes[Int(index)].end = Int32(nodes.count)
            // Climb until a node has a next sibling.
            var climbing: OpaquePointer? = node
            current = nil
            while let up = climbing {
                if up == root { break }
                if let next = cmark_node_next(up) { current = next; break }
                climbing = cmark_node_parent(up)
                if let closed = stack.popLast() { nodes[Int(closed)].end = Int32(nodes.count) }
            }
        }
        while let closed = stack.popLast() { nodes[Int(closed)].end = Int32(nodes.count) }
        resolveFootnotes()
        return nodes
    }

    private mutating func kind(of node: OpaquePointer) -> Node.Kind? {
        let type = cmark_node_get_type(node)
        if let cached = kindCache[type.rawValue] { return cached }
        let kind: Node.Kind?
        switch type {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST: kind = .list
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK: kind = .codeBlock
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: kind = .footnoteDefinition
        case CMARK_NODE_TEXT: kind = .text
        case CMARK_NODE_SOFTBREAK: kind = .softBreak
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE: kind = .code
        case CMARK_NODE_HTML_INLINE: kind = .htmlInline
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK: kind = .link
        case CMARK_NODE_IMAGE: kind = .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: kind = .footnoteReference
        default:
            // Extension node types are numbered at run time; their names are stable.
            switch stringOrEmpty(cmark_node_get_type_string(node)) {
            case "table": kind = .table
            case "table_row", "table_header": kind = .tableRow
            case "table_cell": kind = .tableCell
            case "strikethrough": kind = .strikethrough
            default: kind = nil
            }
        }
        kindCache[type.rawValue] = kind
        return kind
    }

    private mutating func makeNode(_ node: OpaquePointer, parent: Int32) -> Node {
        let range = SourceRange(
            start: SourcePoint(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node)),
            end: SourcePoint(line: cmark_node_get_end_line(node), column: cmark_node_get_end_column(node)))
        // A node type Dossier does not know (a custom block) keeps its text as a paragraph.
        let kind = self.kind(of: node) ?? (parent < 0 || nodes[Int(parent)].kind.isBlock ? .paragraph : .text)
        var literal = ""
        var detail = Node.Detail.none
        switch kind {
        case .text, .code, .htmlInline, .htmlBlock:
            literal = stringOrEmpty(cmark_node_get_literal(node))
        case .codeBlock:
            literal = stringOrEmpty(cmark_node_get_literal(node))
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
            detail = .codeBlock(
                info: stringOrEmpty(cmark_node_get_fence_info(node)),
                fence: fenced ? (Character(Unicode.Scalar(UInt8(bitPattern: character))), Int(length)) : nil)
        case .heading:
            detail = .heading(level: Int(cmark_node_get_heading_level(node)))
        case .list:
            detail = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                           start: Int(cmark_node_get_list_start(node)),
                           tight: cmark_node_get_list_tight(node) != 0)
        case .item:
            let isTask = stringOrEmpty(cmark_node_get_type_string(node)) == "tasklist"
            detail = .item(task: !isTask ? .none
                           : cmark_gfm_extensions_get_tasklist_item_checked(node) ? .checked : .unchecked)
        case .link, .image:
            detail = .link(url: stringOrEmpty(cmark_node_get_url(node)), title: stringOrEmpty(cmark_node_get_title(node)))
        case .table:
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [Node.Alignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for i in 0..<columns {
                    switch raw[i] {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            }
            detail = .table(alignments: alignments)
        case .tableRow:
            detail = .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case .footnoteDefinition:
            detail = .footnoteDefinition(label: footnoteLabel(at: range.start), referenceCount: 0)
        case .footnoteReference:
            // The literal is the footnote's number; the label is filled in afterwards.
            literal = stringOrEmpty(cmark_node_get_literal(node))
            detail = .footnoteReference(label: "", number: Int(literal) ?? 0, occurrence: 0)
        default:
            break
        }
        return Node(kind: kind, range: range, parent: parent, end: Int32(nodes.count + 1), literal: literal, detail: detail)
    }

    /// The label of the footnote definition whose content starts at `point`: cmark puts the
    /// node's start after the `[^label]:` marker, and this version of the library keeps the
    /// label out of its public API, so it is read back from the source line.
    private func footnoteLabel(at point: SourcePoint) -> String {
        var line: Int32 = 1
        var lineStart = 0
        while lineStart < source.count && line < point.line {
            if source[lineStart] == 0x0A { line += 1 }
            lineStart += 1
        }
        let contentStart = min(source.count, lineStart + max(0, Int(point.column) - 1))
        // The last "[^" before the content opens the marker.
        var open = contentStart - 2
        while open >= lineStart && !(source[open] == UInt8(ascii: "[") && source[open + 1] == UInt8(ascii: "^")) {
            open -= 1
        }
        guard open >= lineStart else { return "" }
        var close = open + 2
        while close < contentStart && source[close] != UInt8(ascii: "]") { close += 1 }
        return String(decoding: source[(open + 2)..<close], as: UTF8.self)
    }

    /// Gives each reference its definition's label and occurrence, and each definition its
    /// reference count. cmark numbers footnotes in order of first reference, moves their
    /// definitions to the end in that order, and exposes only the number on a reference.
    private mutating func resolveFootnotes() {
        var labels: [String] = []
        for node in nodes {
            if case .footnoteDefinition(let label, _) = node.detail { labels.append(label) }
        }
        guard !labels.isEmpty else { return }
        var counts: [String: Int] = [:]
        for i in nodes.indices {
            guard case .footnoteReference(_, let number, _) = nodes[i].detail,
                  number >= 1, number <= labels.count else { continue }
            let label = labels[number - 1]
            counts[label, default: 0] += 1
            nodes[i].detail = .footnoteReference(label: label, number: number, occurrence: counts[label]!)
        }
        for i in nodes.indices {
            if case .footnoteDefinition(let label, _) = nodes[i].detail {
                nodes[i].detail = .footnoteDefinition(label: label, referenceCount: counts[label] ?? 0)
            }
        }
    }
}
