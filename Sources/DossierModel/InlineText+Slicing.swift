/// Cutting an ``InlineText`` where its plain text is cut: extractors find a label, an arrow
/// or a trailing parenthetical in the plain string and keep the same part of the formatted
/// text, so the two never disagree.
extension InlineText {
    /// The part whose plain text is `plain.utf8[range]` (offsets in UTF-8 bytes, on
    /// character boundaries), with the formatting around it kept.
    public func slice(utf8 range: Range<Int>) -> InlineText {
        var offset = 0
        return InlineText(InlineSpan.merge(spans.compactMap { $0.slice(range, offset: &offset) }))
    }

    /// The part of the text at `range` of `plain`, which must be this text's ``plain``
    /// (or a string with the same UTF-8 bytes).
    public func slice(_ range: Range<String.Index>, of plain: String) -> InlineText {
        let utf8 = plain.utf8
        let lower = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
        let upper = utf8.distance(from: utf8.startIndex, to: range.upperBound)
        return slice(utf8: lower..<upper)
    }

    /// Without leading and trailing spaces, tabs and newlines: the formatted twin of
    /// `String.trimmingSpaces`.
    public var trimmingSpaces: InlineText {
        let bytes = Array(plain.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return InlineText() }
        let last = bytes.lastIndex(where: { !isSpace($0) })!
        if first == 0 && last == bytes.count - 1 { return self }
        return slice(utf8: first..<(last + 1))
    }
}

extension InlineSpan {
    /// This span's part within `range`, `offset` being where it starts in the whole text
    /// (advanced past it).
    func slice(_ range: Range<Int>, offset: inout Int) -> InlineSpan? {
        switch self {
        case .text(let text), .code(let text):
            let count = text.utf8.count
            let start = offset
            offset += count
            let lower = max(range.lowerBound, start), upper = min(range.upperBound, start + count)
            guard lower < upper else { return nil }
            let bytes = text.utf8
            let cut = String(decoding: bytes[bytes.index(bytes.startIndex, offsetBy: lower - start)..<bytes.index(bytes.startIndex, offsetBy: upper - start)], as: UTF8.self)
            if case .code = self { return .code(cut) }
            return .text(cut)
        case .strong(let children):
            let kept = children.compactMap { $0.slice(range, offset: &offset) }
            return kept.isEmpty ? nil : .strong(kept)
        case .emphasis(let children):
            let kept = children.compactMap { $0.slice(range, offset: &offset) }
            return kept.isEmpty ? nil : .emphasis(kept)
        case .link(let url, let children):
            let kept = children.compactMap { $0.slice(range, offset: &offset) }
            return kept.isEmpty ? nil : .link(url: url, kept)
        }
    }
}
