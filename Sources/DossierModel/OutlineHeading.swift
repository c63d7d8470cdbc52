/// One heading of a document, with the anchor its page uses.
public struct OutlineHeading: Hashable, Sendable, Codable {
    public var level: Int
    public var text: String
    public var id: String
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}
