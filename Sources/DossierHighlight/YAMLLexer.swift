/// Highlights YAML: keys, scalars, sequences, anchors, tags, comments, block scalars.
///
/// YAML is read a line at a time. At the start of a node (a line's content, after a
/// `- `, or after `{`/`,` in a flow collection) a scalar followed by `: ` is a key;
/// anywhere else a scalar is a value, classed as a literal, a number or a string.
/// A `|` or `>` block scalar takes every following line indented deeper than its key.
struct YAMLLexer {
    var cursor: SourceCursor
    /// How many `[` and `{` are open.
    var flowDepth = 0
    /// Where the current line starts.
    var lineStart = 0
    /// True where a key may begin.
    var atNodeStart = true
    /// The column of the last key or `- ` on this line, which a block scalar's body
    /// must be indented past.
    var parentColumn: Int?
    /// Set by a block scalar header; the body starts on the next line.
    var blockScalarParent: Int?

    init(_ code: String) {
        cursor = SourceCursor(code)
    }

    /// Runs the lexer over the whole input and returns the HTML.
    mutating func highlighted() -> String {
        while !cursor.atEnd {
            lexLine()
        }
        return cursor.finish()
    }

    private var column: Int { cursor.position - lineStart }

    /// Reads one line, from its first byte through its line feed.
    private mutating func lexLine() {
        lineStart = cursor.position
        if let parent = blockScalarParent {
            if lexBlockScalarLine(parent: parent) { return }
            blockScalarParent = nil
        }
        parentColumn = nil
        atNodeStart = true
        cursor.skip { $0.isBlank }
        if column == 0 && lexDocumentMarker() { return }
        while !cursor.atEnd && cursor.current != .newline {
            lexToken()
        }
        if !cursor.atEnd { cursor.position += 1 }
    }

    /// `---` and `...` separate documents; `%YAML` and `%TAG` lines are directives.
    private mutating func lexDocumentMarker() -> Bool {
        if cursor.current == UInt8(ascii: "%") {
            cursor.flush()
            cursor.skipToLineEnd()
            cursor.token(.meta)
            if !cursor.atEnd { cursor.position += 1 }
            return true
        }
        if (cursor.matches(Array("---".utf8)) || cursor.matches(Array("...".utf8)))
            && (cursor.peek(3).isWhitespace || cursor.peek(3) == 0)
        {
            cursor.flush()
            cursor.position += 3
            cursor.token(.meta)
        }
        return false
    }

    /// Reads one line of a block scalar body and returns true, or returns false when
    /// the line is indented too little to belong to it.
    private mutating func lexBlockScalarLine(parent: Int) -> Bool {
        let contentStart = cursor.indexAfterBlanks(from: cursor.position)
        let next = cursor.byte(at: contentStart)
        let isBlank = next == .newline || next == .carriageReturn || contentStart >= cursor.bytes.count
        guard isBlank || contentStart - lineStart > parent else { return false }
        cursor.position = contentStart
        cursor.flush()
        cursor.skipToLineEnd()
        cursor.token(.string)
        if !cursor.atEnd { cursor.position += 1 }
        return true
    }

    /// Reads one token within a line.
    private mutating func lexToken() {
        let byte = cursor.current
        let next = cursor.peek()
        let nextEndsToken = next.isWhitespace || next == 0
        switch byte {
        case .space, .tab, .carriageReturn:
            cursor.position += 1
        case UInt8(ascii: "#") where column == 0 || cursor.previous.isWhitespace:
            cursor.flush()
            cursor.skipToLineEnd()
            cursor.token(.comment)
        case UInt8(ascii: "-") where atNodeStart && flowDepth == 0 && nextEndsToken,
            UInt8(ascii: "?") where atNodeStart && nextEndsToken:
            parentColumn = column
            cursor.flush()
            cursor.position += 1
            cursor.token(.operator)
        case UInt8(ascii: "&") where !nextEndsToken, UInt8(ascii: "*") where !nextEndsToken:
            cursor.flush()
            cursor.skip { !$0.isWhitespace && !YAMLLexer.isFlowIndicator($0) }
            cursor.token(.variable)
            if byte == UInt8(ascii: "*") { atNodeStart = false }
        case UInt8(ascii: "!"):
            cursor.flush()
            cursor.skip { !$0.isWhitespace && !YAMLLexer.isFlowIndicator($0) }
            cursor.token(.meta)
        case UInt8(ascii: "|") where flowDepth == 0, UInt8(ascii: ">") where flowDepth == 0:
            cursor.flush()
            cursor.position += 1
            cursor.skip { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0.isDigit }
            cursor.token(.operator)
            blockScalarParent = parentColumn ?? (cursor.indexAfterBlanks(from: lineStart) - lineStart - 1)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            flowDepth += 1
            cursor.position += 1
            atNodeStart = true
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            flowDepth = max(0, flowDepth - 1)
            cursor.position += 1
        case UInt8(ascii: ",") where flowDepth > 0:
            cursor.position += 1
            atNodeStart = true
        case UInt8(ascii: ":") where nextEndsToken || flowDepth > 0:
            cursor.position += 1
            atNodeStart = false
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            lexQuotedScalar(quote: byte)
        default:
            lexPlainScalar()
        }
    }

    static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }
}
