/// Word lists for Python.
enum PythonKeywords {
    /// Hard keywords, less the three constants.
    static let keywords: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    static let literals: Set<String> = ["True", "False", "None"]

    /// Built-in types, which read better as types than as calls even when called.
    static let builtinTypes: Set<String> = [
        "int", "str", "float", "bool", "bytes", "bytearray", "list", "dict", "set", "frozenset", "tuple",
        "object", "complex",
    ]

    /// Every valid string prefix, lowercased: raw, bytes, unicode, formatted, template.
    static let stringPrefixes: Set<String> = [
        "r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt",
    ]
}
