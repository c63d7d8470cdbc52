/// A parsed Markdown file: the source text and a flat node tree with source positions.
///
/// The tree is an array in document order, which is cheap to build, to copy and to walk; the
/// C parser's objects are freed before a `MarkdownDocument` exists.
public struct MarkdownDocument: Sendable {
    public let source: String
    public let nodes: [Node]
    /// The options the document was parsed with (the renderer needs to know about tagfilter).
    public let options: MarkdownOptions
    /// UTF-8 offset at which each line starts (line 1 at index 0).
    public let lineStarts: [Int32]

    public init(source: String, nodes: [Node], options: MarkdownOptions) {
        self.source = source
        self.nodes = nodes
        self.options = options
        var starts: [Int32] = [0]
        var offset: Int32 = 0
        for byte in source.utf8 {
            offset += 1
            if byte == 0x0A { starts.append(offset) }
        }
        self.lineStarts = starts
    }

    /// The root node's index.
    public var root: Int32 { 0 }

    /// The node at `index`, lent rather than copied: readers mostly want its kind, range or
    /// end, and a copy would retain and release its text and detail each time.
    @inlinable
    public subscript(index: Int32) -> Node {
        _read { yield nodes[Int(index)] }
    }

    /// The direct children of a node, in order.
    public func children(of index: Int32) -> ChildSequence {
        ChildSequence(nodes: nodes, parent: index)
    }

    /// The 1-based source line a node starts on.
    public func startLine(of index: Int32) -> Int { Int(nodes[Int(index)].range.start.line) }

    /// The number of lines in the source (a final newline does not start a new line).
    public var lineCount: Int {
        source.utf8.last == 0x0A ? lineStarts.count - 1 : lineStarts.count
    }

    /// The text of a 1-based source line, without its newline; empty when out of range.
    public func line(_ number: Int) -> Substring {
        guard number >= 1 && number <= lineStarts.count else { return "" }
        let utf8 = source.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: Int(lineStarts[number - 1]))
        var end = number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: Int(lineStarts[number]))
            : utf8.endIndex
        if end > start && utf8[utf8.index(before: end)] == 0x0A { end = utf8.index(before: end) }
        return source[start..<end]
    }

    /// Concatenated text of a node's inline content, as a reader would see it: emphasis
    /// dropped, code spans kept, breaks as spaces.
    public func plainText(of index: Int32) -> String {
        var out = ""
        let end = nodes[Int(index)].end
        var i = index + 1
        while i < end {
            let node = nodes[Int(i)]
            switch node.kind {
            case .text, .code, .htmlInline: out += node.literal
            case .softBreak, .lineBreak: out += " "
            case .footnoteReference: break
            case .codeBlock, .htmlBlock:
                if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
                out += node.literal
            case .paragraph, .heading, .tableCell:
                if !out.isEmpty && !out.hasSuffix(" ") && !out.hasSuffix("\n") { out += " " }
            default: break
            }
            i += 1
        }
        if nodes[Int(index)].kind == .text || nodes[Int(index)].kind == .code { return nodes[Int(index)].literal }
        return out
    }
}

/// The children of one node, found by skipping each child's subtree.
public struct ChildSequence: Sequence, Sendable {
    let nodes: [Node]
    let parent: Int32

    public struct Iterator: IteratorProtocol {
        let nodes: [Node]
        var cursor: Int32
        let end: Int32

        public mutating func next() -> Int32? {
            guard cursor < end else { return nil }
            defer { cursor = nodes[Int(cursor)].end }
            return cursor
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(nodes: nodes, cursor: parent + 1, end: nodes[Int(parent)].end)
    }
}
