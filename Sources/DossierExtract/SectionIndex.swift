import DossierCore
import DossierMarkdown
import DossierModel

/// The document as sections: each heading with the top-level blocks under it, nested by
/// level. Extractors find sections by their titles' shapes, and walk their blocks.
struct SectionIndex {
    struct Entry {
        /// The heading node; `nil` for the root (the text before the first heading).
        var heading: Int32?
        /// 0 for the root.
        var level: Int
        var title: String
        /// The title as `TitleMatch` compares it (`TitleMatch.padded`), made once.
        var words: String
        var anchor: String
        var line: Int
        /// Blocks directly under the heading, before the next heading of any level.
        var blocks: [Int32]
        var children: [Int]
        var parent: Int?
    }

    let document: MarkdownDocument
    private(set) var entries: [Entry]
    /// The section of each top-level block.
    private var sectionOfBlock: [Int32: Int] = [:]

    init(document: MarkdownDocument, headings: [MarkdownHeading]) {
        self.document = document
        let anchors = Dictionary(uniqueKeysWithValues: headings.map { ($0.node, $0) })
        var entries = [Entry(heading: nil, level: 0, title: "", words: " ", anchor: "", line: 1, blocks: [], children: [], parent: nil)]
        var stack = [0]
        for block in document.children(of: document.root) {
            let node = document[block]
            guard node.kind == .heading, case .heading(let level) = node.detail, let heading = anchors[block] else {
                entries[stack.last!].blocks.append(block)
                continue
            }
            while let top = stack.last, top != 0, entries[top].level >= level { stack.removeLast() }
            let parent = stack.last!
            entries.append(Entry(heading: block, level: level, title: heading.text, words: TitleMatch.padded(heading.text), anchor: heading.anchor,
                                 line: heading.line, blocks: [], children: [], parent: parent))
            entries[parent].children.append(entries.count - 1)
            stack.append(entries.count - 1)
        }
        self.entries = entries
        for (index, entry) in entries.enumerated() {
            for block in entry.blocks { sectionOfBlock[block] = index }
            if let heading = entry.heading { sectionOfBlock[heading] = index }
        }
    }

    subscript(index: Int) -> Entry {
        _read { yield entries[index] }
    }

    var indices: Range<Int> { entries.indices }

    /// Sections (not the root) whose title matches, in document order.
    func sections(where matches: (Entry) -> Bool) -> [Int] {
        entries.indices.dropFirst().filter { matches(entries[$0]) }
    }

    /// The blocks of a section and of all its subsections, headings included, in order.
    func allBlocks(of index: Int) -> [Int32] {
        var result = entries[index].blocks
        for child in entries[index].children {
            if let heading = entries[child].heading { result.append(heading) }
            result += allBlocks(of: child)
        }
        return result
    }

    /// The titles of a section and its ancestors from level 2 down (`["Knowledge Base",
    /// "Common Patterns"]`): the document title (level 1) is left out.
    func path(of index: Int) -> [String] {
        var titles: [String] = []
        var current: Int? = index
        while let i = current, i != 0 {
            if entries[i].level >= 2 { titles.append(entries[i].title) }
            current = entries[i].parent
        }
        return titles.reversed()
    }

    /// The innermost section that contains a node (at any depth).
    func section(of node: Int32) -> Int {
        var top = node
        while top > 0, document[top].parent > 0 { top = document[top].parent }
        return sectionOfBlock[top] ?? 0
    }

    /// The nearest ancestor (or the section itself) whose title matches.
    func ancestor(of index: Int, where matches: (Entry) -> Bool) -> Int? {
        var current: Int? = index
        while let i = current, i != 0 {
            if matches(entries[i]) { return i }
            current = entries[i].parent
        }
        return nil
    }

    /// The heading tree for the export.
    var tree: [Section] {
        func build(_ index: Int) -> Section {
            let entry = entries[index]
            return Section(level: entry.level, text: entry.title, id: entry.anchor, line: entry.line,
                           children: entry.children.map(build))
        }
        return entries[0].children.map(build)
    }
}
