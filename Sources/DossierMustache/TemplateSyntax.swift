/// A parsed Mustache template: the nodes its text turns into, ready to render many times.
///
/// The language is the Mustache spec (variables, sections, inverted sections, comments,
/// partials, set delimiters, inheritance with parents and blocks) and the extensions of
/// hummingbird-project/swift-mustache 2.x that Dossier's templates and their overrides
/// were written against: transforms such as `{{^last()}}` and `{{uppercased(name)}}`, and
/// the `{{% CONTENT_TYPE: TEXT}}` pragma. `TemplateParser` documents the whitespace rules.
public struct Template: Sendable {
    let nodes: [TemplateNode]

    /// Parses `text`; a syntax error is thrown with its line and column.
    public init(_ text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text)
        nodes = try parser.parseTemplate()
    }
}

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Text written as it is.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`; `dynamic` for `{{>*name}}`, whose template is the value of `name`.
    /// `indentation` is set when the tag stood alone on its line: the whitespace before it,
    /// put before every line of the partial after its first.
    case partial(String, dynamic: Bool, indentation: String?)
    /// `{{<name}}{{$block}}…{{/block}}{{/name}}`: the template `name`, with these blocks.
    case parent(String, dynamic: Bool, indentation: String, blocks: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}` in a template others extend.
    case block(String, defaultNodes: [TemplateNode], indentation: String)
    /// `{{% CONTENT_TYPE: HTML|TEXT}}`: how the variables after it are escaped.
    case contentType(TemplateContentType)
}

/// How `{{name}}` escapes what it writes.
public enum TemplateContentType: String, Sendable {
    /// `&`, `<`, `>`, `"` and `'` as entities (the default).
    case html = "HTML"
    /// Nothing escaped.
    case text = "TEXT"
}

/// The name in a tag, read once at parse time so rendering never splits strings.
struct TemplateName: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `.`: the current value.
        case current
        /// `first()` and the like with no name: the position in the enclosing list.
        case position
        /// `a.b`: `a` looked up through the context stack, then `b` in it.
        case path([String])
        /// `.a.b`: looked up in the current value only.
        case anchored([String])
    }

    let kind: Kind
    /// Transforms outermost first, as written: `a(b(x))` is `[a, b]`.
    let transforms: [String]
    /// The text between the delimiters, for matching a section's closing tag.
    let written: String
}

/// A template that does not parse, at a 1-based line and column of its text.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let line: Int
    public let column: Int

    public var description: String { "\(line):\(column): \(message)" }
}
