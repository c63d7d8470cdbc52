/// Word lists and byte classes for shell scripts.
enum BashWords {
    /// Reserved words and the builtins that behave like them, each with what the word
    /// after it is.
    static let keywords: [String: BashLexer.Role] = [
        "if": .command, "then": .command, "else": .command, "elif": .command, "fi": .argument,
        "while": .command, "until": .command, "do": .command, "done": .argument,
        "for": .name, "select": .name, "case": .argument, "esac": .argument, "in": .argument,
        "function": .functionName, "time": .command, "coproc": .command, "!": .command,
        "export": .declaration, "local": .declaration, "declare": .declaration, "readonly": .declaration,
        "typeset": .declaration, "unset": .declaration,
        "return": .argument, "exit": .argument, "break": .argument, "continue": .argument,
    ]

    /// Keywords after which a later `in` is a keyword too (`for x in`, `case $x in`).
    static let takesIn: Set<String> = ["for", "select", "case"]

    /// Bytes that end an unquoted word segment.
    static func breaksWord(_ byte: UInt8) -> Bool {
        switch byte {
        case .space, .tab, .newline, .carriageReturn, .backslash,
            UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "$"),
            UInt8(ascii: "`"):
            return true
        default:
            return false
        }
    }

    /// Special parameters that follow a single `$`: `$@`, `$?`, `$#`…
    static func isSpecialParameter(_ byte: UInt8) -> Bool {
        byte.isDigit || "@*#?$!-".utf8.contains(byte)
    }

    /// The bytes of a shell variable name.
    static func isNameByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte.isDigit || byte == UInt8(ascii: "_")
    }
}
