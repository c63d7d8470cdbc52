import DossierCore
import DossierModel

/// A fenced code block handed over by the Markdown stage: what the diagram readers look at.
///
/// The readers never see the Markdown tree, so the block carries what they need to point a
/// diagnostic at the right place in the file: the fence line and the column the content
/// starts at (blocks inside list items are indented; cmark strips that indentation from the
/// text it returns).
public struct FencedBlock: Hashable, Sendable {
    /// The info string after the opening fence (` ```mermaid ` → `mermaid`), as written.
    public var info: String
    /// The block's content, without the fences.
    public var text: String
    /// The opening fence line; content line `i` (0-based) is on line `source.line + 1 + i`.
    public var source: SourceRef
    /// The 1-based UTF-8 byte column where the fence and each content line start.
    public var column: Int

    public init(info: String, text: String, source: SourceRef, column: Int = 1) {
        self.info = info
        self.text = text
        self.source = source
        self.column = column
    }

    /// The language named by the info string: its first word, lowercased, with the braces
    /// and dot of the attribute form (` ```{.mermaid} `) removed.
    public var language: String {
        let firstWord = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
        let trimmed = firstWord.drop(while: { $0 == "{" || $0 == "." })
        return String(trimmed.prefix(while: { $0 != "}" && $0 != "," })).lowercased()
    }

    /// Where byte `offset` (0-based) of content line `line` (0-based) is in the Markdown file.
    func location(line: Int, byteOffset: Int) -> SourceLocation {
        SourceLocation(path: source.path, line: source.line + 1 + line, column: column + byteOffset)
    }

    /// The opening fence itself, for diagnostics about the block as a whole.
    var fenceLocation: SourceLocation {
        SourceLocation(path: source.path, line: source.line, column: column)
    }
}
