/// A line of text as its author formatted it: plain runs, code spans, bold, emphasis and
/// links, as values. Extraction records it beside the plain strings that search, CSV and
/// existing export readers use, so renderers can show `Mangum` as code without parsing
/// Markdown again. It holds no HTML and no Markdown source.
public struct InlineText: Hashable, Sendable {
    public var spans: [InlineSpan]

    public init(_ spans: [InlineSpan] = []) {
        self.spans = spans
    }

    /// Unformatted text: one text span (none for the empty string).
    public init(plain: String) {
        self.spans = plain.isEmpty ? [] : [.text(plain)]
    }

    /// The characters a reader sees, formatting dropped: the same text the model's plain
    /// string fields hold.
    public var plain: String {
        var out = ""
        for span in spans { span.appendPlain(to: &out) }
        return out
    }

    /// Whether there is no formatting at all, only text.
    public var isPlain: Bool {
        spans.allSatisfy { if case .text = $0 { return true } else { return false } }
    }

    /// Several texts as one, with `separator` as plain text between them.
    public static func joined(_ texts: [InlineText], separator: String) -> InlineText {
        var spans: [InlineSpan] = []
        for (n, text) in texts.enumerated() {
            if n > 0 && !separator.isEmpty { spans.append(.text(separator)) }
            spans += text.spans
        }
        return InlineText(spans).merged
    }

    /// Adjacent text spans run together, empty spans and empty containers gone: one value
    /// per meaning, so equal texts compare equal however they were assembled.
    public var merged: InlineText { InlineText(InlineSpan.merge(spans)) }
}

/// One run of an ``InlineText``. Containers (`strong`, `emphasis`, `link`) hold runs, so a
/// link may have bold words; `text` and `code` hold characters.
public indirect enum InlineSpan: Hashable, Sendable {
    case text(String)
    case code(String)
    case strong([InlineSpan])
    case emphasis([InlineSpan])
    /// `url` as written in the source: renderers decide whether it is safe and where it points.
    case link(url: String, [InlineSpan])

    func appendPlain(to out: inout String) {
        switch self {
        case .text(let text), .code(let text): out += text
        case .strong(let children), .emphasis(let children), .link(_, let children):
            for child in children { child.appendPlain(to: &out) }
        }
    }

    static func merge(_ spans: [InlineSpan]) -> [InlineSpan] {
        var out: [InlineSpan] = []
        for span in spans {
            var span = span
            switch span {
            case .text(let text), .code(let text):
                if text.isEmpty { continue }
            case .strong(let children):
                span = .strong(merge(children))
            case .emphasis(let children):
                span = .emphasis(merge(children))
            case .link(let url, let children):
                span = .link(url: url, merge(children))
            }
            if case .strong(let c) = span, c.isEmpty { continue }
            if case .emphasis(let c) = span, c.isEmpty { continue }
            if case .link(_, let c) = span, c.isEmpty { continue }
            if case .text(let text) = span, case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + text)
            } else {
                out.append(span)
            }
        }
        return out
    }
}
