/// The JSON shape of formatted text, for the export and the build cache: an ``InlineText``
/// is an array of spans, each an object with a `kind` and only the fields that kind has
/// (`{"kind": "code", "text": "Mangum"}`, `{"kind": "link", "url": "…", "children": […]}`),
/// so readers in any language can walk it without knowing Swift's enum encoding.
extension InlineText: Codable {
    public init(from decoder: any Decoder) throws {
        spans = try decoder.singleValueContainer().decode([InlineSpan].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(spans)
    }
}

extension InlineSpan: Codable {
    enum Kind: String, Codable { case text, code, strong, emphasis, link }
    enum CodingKeys: String, CodingKey { case kind, text, url, children }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .text: self = .text(try container.decode(String.self, forKey: .text))
        case .code: self = .code(try container.decode(String.self, forKey: .text))
        case .strong: self = .strong(try container.decode([InlineSpan].self, forKey: .children))
        case .emphasis: self = .emphasis(try container.decode([InlineSpan].self, forKey: .children))
        case .link: self = .link(url: try container.decode(String.self, forKey: .url), try container.decode([InlineSpan].self, forKey: .children))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try container.encode(Kind.text, forKey: .kind)
            try container.encode(text, forKey: .text)
        case .code(let text):
            try container.encode(Kind.code, forKey: .kind)
            try container.encode(text, forKey: .text)
        case .strong(let children):
            try container.encode(Kind.strong, forKey: .kind)
            try container.encode(children, forKey: .children)
        case .emphasis(let children):
            try container.encode(Kind.emphasis, forKey: .kind)
            try container.encode(children, forKey: .children)
        case .link(let url, let children):
            try container.encode(Kind.link, forKey: .kind)
            try container.encode(url, forKey: .url)
            try container.encode(children, forKey: .children)
        }
    }
}
