/// The kinds of token the highlighter marks, each rendered as one short CSS class.
///
/// The set is deliberately small and shared by every language, so a site's stylesheet
/// colours twelve classes rather than one palette per language. The raw values are part
/// of the public contract: themes and tests refer to them by name, so they never change.
public enum TokenClass: String, CaseIterable, Sendable {
    /// Reserved words and control flow: `const`, `def`, `SELECT`, `if`.
    case keyword = "hl-kw"
    /// String literals, template text, heredoc bodies, regular expressions, YAML scalars.
    case string = "hl-str"
    /// Line and block comments.
    case comment = "hl-com"
    /// Numeric literals.
    case number = "hl-num"
    /// Function and command names at a definition or call: `handler`, `npx`, `COUNT`.
    case function = "hl-fn"
    /// Type and class names: `number`, `Int`, `VARCHAR`, capitalised identifiers.
    case type = "hl-type"
    /// Constant literals: `true`, `false`, `null`, `None`, `nil`.
    case literal = "hl-lit"
    /// Operators, plus the delimiters of interpolations such as `${` and `}`.
    case `operator` = "hl-op"
    /// Keys and attributes: JSON and YAML keys, JSX attributes, HCL arguments.
    case attribute = "hl-attr"
    /// Variables that the language marks as such: `$VAR`, `${…}`, YAML anchors.
    case variable = "hl-var"
    /// JSX and HTML tag names.
    case tag = "hl-tag"
    /// Decorators, annotations, directives, shebangs and shell prompts.
    case meta = "hl-meta"

    /// The CSS class written on the `<span>` for this token kind.
    public var cssClass: String { rawValue }
}
