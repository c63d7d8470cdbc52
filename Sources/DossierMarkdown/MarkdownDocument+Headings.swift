import DossierCore

/// A heading found in a document, with its GitHub-style anchor.
public struct MarkdownHeading: Sendable, Hashable {
    public var node: Int32
    public var level: Int
    public var text: String
    public var anchor: String
    public var line: Int
}

extension MarkdownDocument {
    /// Every heading in document order — including headings inside lists or block quotes,
    /// which also get anchors — each with a unique anchor.
    ///
    /// `reserved` anchors are taken first (a page's own fixed ids, such as `contents`), so a
    /// heading never collides with them.
    public func headings(reserving reserved: some Sequence<String> = [String]()) -> [MarkdownHeading] {
        var allocator = AnchorAllocator(reserved: reserved)
        var result: [MarkdownHeading] = []
        for index in nodes.indices where nodes[index].kind == .heading {
            guard case .heading(let level) = nodes[index].detail else { continue }
            let text = plainText(of: Int32(index)).trimmingSpaces
            result.append(MarkdownHeading(
                node: Int32(index), level: level, text: text,
                anchor: allocator.allocate(Slug.heading(text)),
                line: Int(nodes[index].range.start.line)))
        }
        return result
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines.
    public var trimmingSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return "" }
        let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })!
        return String(self[first...last])
    }
}
