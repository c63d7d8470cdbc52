import DossierCore
import DossierMarkdown
import DossierModel

/// What every extractor of one file works from: the parsed document, its sections, the
/// file's path, and a place to put diagnostics.
struct ExtractionContext {
    let path: String
    let document: MarkdownDocument
    let headings: [MarkdownHeading]
    let sections: SectionIndex
    let frontMatter: FrontMatter
    var diagnostics: [Diagnostic] = []
    /// Blocks the page shows as pictures, in document order.
    var regions: [PageRegion] = []

    init(path: String, document: MarkdownDocument, headings: [MarkdownHeading], frontMatter: FrontMatter) {
        self.path = path
        self.document = document
        self.headings = headings
        self.sections = SectionIndex(document: document, headings: headings)
        self.frontMatter = frontMatter
    }

    func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// The location of `needle` on a source line (its first occurrence), else the line's start.
    func location(of needle: String, onLine line: Int) -> SourceLocation {
        let text = document.line(line)
        if let range = text.byteRange(of: needle) {
            return location(line: line, column: text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1)
        }
        return location(line: line)
    }

    /// The location of a number as it is written on a line (`0.90`, `0.9`, `1.2`).
    func location(ofNumber value: Double, onLine line: Int) -> SourceLocation {
        let text = document.line(line)
        for written in [String(format2: value), "\(value)", String(format2: value).replacingEvery("0 ", with: " ")] {
            if text.byteRange(of: written) != nil { return location(of: written, onLine: line) }
        }
        return location(line: line)
    }

    /// Records every list (and, with `tables`, every table) among `blocks` as a region of this kind.
    mutating func markLists(in blocks: [Int32], as kind: PageRegion.Kind, tables: Bool = false) {
        for block in blocks where document[block].kind == .list || (tables && document[block].kind == .table) {
            regions.append(PageRegion(kind: kind, node: block))
        }
    }

    mutating func warn(_ code: String, _ message: String, line: Int, column: Int = 1, notes: [String] = []) {
        diagnostics.append(.warning(code, message, at: location(line: line, column: column), notes: notes))
    }

    mutating func note(_ code: String, _ message: String, line: Int, notes: [String] = []) {
        diagnostics.append(.note(code, message, at: location(line: line), notes: notes))
    }

    /// Sections whose title contains any of the phrases (normalised words).
    func sections(titled phrases: [String], level: ClosedRange<Int> = 1...6) -> [Int] {
        sections.sections { entry in level.contains(entry.level) && phrases.contains { TitleMatch.holds(entry.words, $0) } }
    }
}
