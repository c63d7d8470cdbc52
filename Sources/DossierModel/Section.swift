/// A heading and the headings under it: the outline of a document, as a tree.
public struct Section: Hashable, Sendable, Codable {
    public var level: Int
    public var text: String
    /// The heading's anchor on the page.
    public var id: String
    public var line: Int
    public var children: [Section]

    public init(level: Int, text: String, id: String, line: Int, children: [Section] = []) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
        self.children = children
    }
}
