/// The languages the highlighter knows, and the info-string aliases that name them.
///
/// Fenced code blocks name their language in free form (`ts`, `Python`, `shell-session`,
/// `{.yaml}`); this maps all of those to one canonical case so the rest of the site can
/// compare and label languages without knowing the aliases.
enum Language: String, CaseIterable, Sendable {
    case typescript
    case javascript
    case python
    case bash
    case json
    case yaml
    case sql
    case swift
    case hcl

    /// Every accepted alias, lowercased, including each canonical name.
    static let aliases: [String: Language] = [
        "typescript": .typescript, "ts": .typescript, "tsx": .typescript, "mts": .typescript, "cts": .typescript,
        "javascript": .javascript, "js": .javascript, "jsx": .javascript, "mjs": .javascript, "cjs": .javascript,
        "python": .python, "py": .python, "python3": .python, "py3": .python,
        "bash": .bash, "sh": .bash, "shell": .bash, "zsh": .bash, "console": .bash, "shell-session": .bash,
        "shellsession": .bash,
        "json": .json, "jsonc": .json, "json5": .json,
        "yaml": .yaml, "yml": .yaml,
        "sql": .sql, "postgresql": .sql, "postgres": .sql, "psql": .sql, "mysql": .sql, "snowflake": .sql,
        "plpgsql": .sql,
        "swift": .swift,
        "hcl": .hcl, "terraform": .hcl, "tf": .hcl, "tfvars": .hcl,
    ]

    /// Aliases that name an interactive shell session rather than a script.
    static let sessionAliases: Set<String> = ["console", "shell-session", "shellsession"]

    /// The language named by a fenced code block's info string, if it is one we know.
    init?(info: String) {
        guard let language = Language.aliases[Language.languageWord(of: info)] else { return nil }
        self = language
    }

    /// The first word of an info string, lowercased, without Pandoc-style `{.lang}`
    /// braces or trailing attributes such as `python,linenums` or `ts title="x"`.
    static func languageWord(of info: String) -> String {
        var word = Substring(info)
        while let first = word.first, first == " " || first == "\t" || first == "{" || first == "." {
            word = word.dropFirst()
        }
        if let end = word.firstIndex(where: { " \t,{}:;".contains($0) }) {
            word = word[..<end]
        }
        return word.lowercased()
    }
}
