/// Word lists for JavaScript and TypeScript.
///
/// Contextual words (`type`, `of`, `from`, `async`…) are also ordinary identifiers,
/// so the lexer only treats them as keywords where a keyword could stand; see
/// ``ScriptLexer``.
enum ScriptKeywords {
    /// Words reserved in every position.
    static let reserved: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "enum", "export", "extends", "finally", "for", "function", "if", "import", "in",
        "instanceof", "let", "new", "return", "static", "super", "switch", "this", "throw", "try",
        "typeof", "var", "void", "while", "with", "yield", "await",
    ]

    /// Words that are keywords only in some positions, in both languages.
    static let contextual: Set<String> = ["async", "of", "get", "set", "from", "as"]

    /// Words that are keywords only in some positions, in TypeScript.
    static let typeScriptContextual: Set<String> = [
        "type", "interface", "namespace", "declare", "abstract", "readonly", "keyof", "infer", "is",
        "asserts", "implements", "satisfies", "private", "protected", "public", "override", "module",
        "global", "unique", "accessor",
    ]

    /// Constant literals.
    static let literals: Set<String> = ["true", "false", "null", "undefined"]

    /// TypeScript's built-in type names.
    static let builtinTypes: Set<String> = [
        "string", "number", "boolean", "any", "unknown", "never", "object", "symbol", "bigint",
    ]

    /// Keywords after which the next identifier names a type.
    static let introducesType: Set<String> = [
        "class", "interface", "type", "enum", "extends", "implements", "new", "namespace", "instanceof",
        "keyof",
    ]

    /// Keywords after which an expression does not follow (so `/` divides).
    static let endsExpression: Set<String> = ["this", "super"]
}
