/// Word lists for Swift.
enum SwiftWords {
    /// Keywords and declaration modifiers. Contextual words that are common names
    /// (`get`, `set`, `package`) are left out.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch",
        "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "as", "await", "async", "throws", "is", "try",
        "self", "Self", "super", "some", "any", "actor", "mutating", "nonmutating", "override", "final",
        "lazy", "weak", "unowned", "convenience", "required", "indirect", "willSet", "didSet",
        "nonisolated", "macro", "consume", "borrowing", "consuming", "sending",
    ]

    static let literals: Set<String> = ["true", "false", "nil"]

    /// Keywords after which the next identifier names a type.
    static let introducesType: Set<String> = [
        "class", "struct", "enum", "protocol", "extension", "actor", "typealias", "associatedtype", "is", "as",
    ]
}
