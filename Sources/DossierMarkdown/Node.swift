/// A line and a 1-based UTF-8 byte column in a Markdown source, as cmark reports them.
public struct SourcePoint: Hashable, Sendable, Codable {
    public var line: Int32
    public var column: Int32

    public init(line: Int32, column: Int32) {
        self.line = line
        self.column = column
    }
}

/// The span of source text a node came from (both ends inclusive, as in cmark).
public struct SourceRange: Hashable, Sendable, Codable {
    public var start: SourcePoint
    public var end: SourcePoint

    public init(start: SourcePoint, end: SourcePoint) {
        self.start = start
        self.end = end
    }
}

/// One node of a parsed document. Nodes live in ``MarkdownDocument/nodes`` in document
/// (pre-)order; a node's descendants are the nodes between its index and ``end``.
public struct Node: Sendable {
    public enum Kind: UInt8, Sendable {
        // Blocks
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading
        case thematicBreak, footnoteDefinition, table, tableRow, tableCell
        // Inlines
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
        case footnoteReference, strikethrough

        public var isBlock: Bool { rawValue <= Kind.tableCell.rawValue }
    }

    public enum TaskState: UInt8, Sendable { case none, unchecked, checked }
    public enum Alignment: UInt8, Sendable { case none, left, center, right }

    /// What a node carries beyond its kind and text.
    public enum Detail: Sendable {
        case none
        case heading(level: Int)
        case list(ordered: Bool, start: Int, tight: Bool)
        case item(task: TaskState)
        /// `fence` is the fence character and length for fenced blocks, `nil` for indented ones.
        case codeBlock(info: String, fence: (character: Character, length: Int)?)
        case link(url: String, title: String)
        case table(alignments: [Alignment])
        case tableRow(isHeader: Bool)
        /// A footnote definition: its label and how many references point to it.
        case footnoteDefinition(label: String, referenceCount: Int)
        /// A footnote reference: the definition's label, the footnote's number, and which
        /// reference to that footnote this is (1 for the first).
        case footnoteReference(label: String, number: Int, occurrence: Int)
    }

    public var kind: Kind
    public var range: SourceRange
    /// Index of the parent node; -1 for the document.
    public var parent: Int32
    /// Index one past the node's last descendant.
    public var end: Int32
    /// Text of text, code, HTML and code-block nodes; empty otherwise.
    public var literal: String
    public var detail: Detail
}
