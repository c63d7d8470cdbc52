/// Turns a template's text into nodes.
///
/// Whitespace follows the spec's standalone rule, with the details of swift-mustache 2.x, so
/// that templates written for it render byte for byte the same:
/// - A section, inverted section, closing, comment, partial, parent, block, set-delimiter or
///   pragma tag with only spaces and tabs around it on its line stands alone: the line
///   (its leading whitespace and its line break) is left out. A standalone partial keeps
///   its leading whitespace and indents the partial's other lines with it.
/// - Whether the line after a section starts fresh (so a tag on it may stand alone) depends
///   on whether the section's *opening* tag stood alone.
/// - Inside a parent tag (`{{<layout}}…{{/layout}}`), the lines of a block's body lose the
///   indentation of its first line, so blocks may be indented under their parent.
/// - A tag followed by spaces and then the end of the text does not stand alone.
///
/// The text is read as Characters (a CRLF is one line break), once per template.
struct TemplateParser {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func parseTemplate() throws(TemplateSyntaxError) -> [TemplateNode] {
        try parseLevel(Level())
    }

    // MARK: - Levels

    /// Where the parser is: inside which section, with which delimiters.
    private struct Level {
        var sectionName: String?
        /// The sigil of the tag that opened the section (`#`, `^`, `$` or `<`), for errors.
        var opener: Character = "#"
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        /// At the start of a line, where a tag may stand alone.
        var newLine = true
        /// Inside a parent tag's body, where blocks are definitions.
        var inParent = false
        /// Directly inside a parent tag, not in one of its blocks: only blocks, comments and
        /// the closing tag may be here.
        var parentBody = false
        /// In a parent's body before any set-delimiter tag (after one, swift-mustache reads
        /// blocks there as expansions, which a parent's body may not hold).
        var parentTopLevel = false
        /// The indentation of the first line of a block inside a parent tag.
        var definitionIndent: Int?

        func section(_ name: String, opener: Character, newLine: Bool) -> Level {
            var level = self
            level.sectionName = name
            level.opener = opener
            level.parentBody = false
            level.parentTopLevel = false
            if !newLine { level.newLine = false }
            return level
        }

        func parent(_ name: String) -> Level {
            var level = self
            level.sectionName = name
            level.opener = "<"
            level.newLine = true
            level.inParent = true
            level.parentBody = true
            level.parentTopLevel = true
            return level
        }
    }

    /// Reads nodes until the closing tag of `level`'s section (or the end of the text at the
    /// top level).
    private mutating func parseLevel(_ initial: Level) throws(TemplateSyntaxError) -> [TemplateNode] {
        var level = initial
        var nodes: [TemplateNode] = []
        // Whitespace at the start of the current line, not yet written: it is left out if
        // the tag after it stands alone.
        var pending = ""
        func flushPending() {
            writePending()
            pending = ""
        }
        // A standalone partial, parent or block writes its first line's indentation as text
        // and keeps it to indent the lines after.
        func writePending() {
            if !pending.isEmpty { nodes.append(.text(pending)) }
        }

        while index < characters.count {
            if level.newLine {
                let whitespace = readSpacesAndTabs()
                if level.inParent, !level.parentTopLevel {
                    if let indent = level.definitionIndent {
                        pending = String(whitespace.dropFirst(indent))
                    } else {
                        level.definitionIndent = whitespace.count
                    }
                } else {
                    pending = whitespace
                }
            }
            let (text, foundTag) = readText(level)
            if !foundTag, index < characters.count {
                // Stopped at a line break: the line is text.
                nodes.append(.text(pending + text + String(characters[index])))
                index += 1
                level.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(pending + text))
                pending = ""
                level.newLine = false
            }
            guard foundTag, index < characters.count else { break }

            var standalone = false
            let sigil = characters[index]
            if level.parentBody, !(sigil == "!" || sigil == "=" || sigil == "/" || (sigil == "$" && level.parentTopLevel)) {
                throw error("only blocks ({{$name}}…{{/name}}) and comments may be inside ‘{{<\(level.sectionName ?? "")}}’")
            }
            switch sigil {
            case "#", "^":
                index += 1
                let name = try readName(level)
                standalone = isStandalone(level)
                if !standalone { flushPending() }
                let body = try parseLevel(level.section(name.written, opener: sigil, newLine: standalone))
                nodes.append(.section(name, body, inverted: sigil == "^"))

            case "/":
                index += 1
                let start = index
                let name = try readName(level)
                guard name.written == level.sectionName else {
                    index = start
                    guard let open = level.sectionName else { throw error("‘{{/\(name.written)}}’ closes a section that is not open") }
                    throw error("‘{{/\(name.written)}}’ closes a section that is not open; expected ‘{{/\(open)}}’")
                }
                if !isStandalone(level) { flushPending() }
                return nodes

            case "!":
                index += 1
                guard skip(past: level.endDelimiter) else { throw error("a comment is not closed") }
                standalone = isStandalone(level)

            case "{", "&":
                flushPending()
                index += 1
                let name = try readName(level)
                if sigil == "{" {
                    guard index < characters.count, characters[index] == "}" else {
                        throw error("‘{{{\(name.written)’ needs three closing braces")
                    }
                    index += 1
                }
                nodes.append(.variable(name, escaped: false))

            case ">":
                index += 1
                skipWhitespace()
                let dynamic = index < characters.count && characters[index] == "*"
                if dynamic { index += 1 }
                let name = try readPartialName(level)
                writePending()
                if isStandalone(level) {
                    standalone = true
                    nodes.append(.partial(name, dynamic: dynamic, indentation: pending))
                } else {
                    nodes.append(.partial(name, dynamic: dynamic, indentation: nil))
                }
                pending = ""

            case "<":
                index += 1
                skipWhitespace()
                let written = try readPartialName(level)
                let dynamic = written.first == "*"
                writePending()
                standalone = isStandalone(level)
                let body = try parseLevel(level.parent(written))
                var blocks: [String: [TemplateNode]] = [:]
                for case .block(let name, let definition, _) in body { blocks[name] = definition }
                nodes.append(.parent(dynamic ? String(written.dropFirst()) : written, dynamic: dynamic, indentation: pending, blocks: blocks))
                pending = ""

            case "$":
                index += 1
                let name = try readName(level)
                guard name.transforms.isEmpty else { throw error("a block’s name cannot have a transform") }
                if level.parentTopLevel {
                    standalone = isStandalone(level)
                    let body = try parseLevel(level.section(name.written, opener: "$", newLine: standalone))
                    nodes.append(.block(name.written, defaultNodes: body, indentation: ""))
                } else {
                    writePending()
                    standalone = isStandalone(level)
                    let body = try parseLevel(level.section(name.written, opener: "$", newLine: standalone))
                    nodes.append(.block(name.written, defaultNodes: body, indentation: pending))
                    pending = ""
                }

            case "=":
                index += 1
                level = try readDelimiters(level)
                standalone = isStandalone(level)

            case "%":
                index += 1
                nodes.append(.contentType(try readPragma(level)))
                standalone = isStandalone(level)

            default:
                flushPending()
                nodes.append(.variable(try readName(level), escaped: true))
            }
            level.newLine = standalone
        }
        if let open = level.sectionName {
            throw error("‘{{\(initial.opener)\(open)}}’ is not closed")
        }
        return nodes
    }

    // MARK: - Reading

    /// Text up to a line break (not consumed) or the start delimiter (consumed; `foundTag`).
    private mutating func readText(_ level: Level) -> (String, foundTag: Bool) {
        var text = ""
        let first = level.startDelimiter[0]
        while index < characters.count {
            let character = characters[index]
            if character == "\n" || character == "\r\n" { return (text, false) }
            if character == first, matches(level.startDelimiter) {
                index += level.startDelimiter.count
                return (text, true)
            }
            text.append(character)
            index += 1
        }
        return (text, false)
    }

    private func matches(_ delimiter: [Character]) -> Bool {
        guard index + delimiter.count <= characters.count else { return false }
        for (offset, character) in delimiter.enumerated() where characters[index + offset] != character { return false }
        return true
    }

    /// After a tag: true when the rest of its line is blank and it began a line. The line
    /// break is consumed. At the very end of the text a tag stands alone; after trailing
    /// spaces there, it does not (as swift-mustache).
    private mutating func isStandalone(_ level: Level) -> Bool {
        guard level.newLine else { return false }
        if index >= characters.count { return true }
        var end = index
        while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
        guard end < characters.count, characters[end].isNewline else { return false }
        index = end + 1
        return true
    }

    private mutating func readSpacesAndTabs() -> String {
        let start = index
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        return String(characters[start ..< index])
    }

    private mutating func skipWhitespace() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    private mutating func expectEnd(_ level: Level, _ what: @autoclosure () -> String) throws(TemplateSyntaxError) {
        skipWhitespace()
        guard matches(level.endDelimiter) else { throw error(what()) }
        index += level.endDelimiter.count
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = nameCharacters.union("()/")

    /// A tag's name and its transforms, and the end delimiter after them.
    private mutating func readName(_ level: Level) throws(TemplateSyntaxError) -> TemplateName {
        skipWhitespace()
        let start = index
        while index < characters.count, Self.nameCharacters.contains(characters[index]) || characters[index] == "(" || characters[index] == ")" {
            index += 1
        }
        let written = String(characters[start ..< index])
        try expectEnd(level, written.isEmpty
            ? "expected a name and ‘\(String(level.endDelimiter))’ after ‘\(String(level.startDelimiter))’"
            : "expected ‘\(String(level.endDelimiter))’ after ‘\(written)’")

        // `a(b(x))`: transforms a and b applied to x, innermost first.
        var transforms: [String] = []
        var rest = Substring(written)
        while let open = rest.firstIndex(of: "(") {
            transforms.append(String(rest[..<open]))
            rest = rest[rest.index(after: open)...]
        }
        var argument = rest
        if !transforms.isEmpty {
            let closing = argument.drop { $0 != ")" }
            argument = argument[..<closing.startIndex]
            guard closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }),
                  !argument.contains("("), transforms.allSatisfy({ !$0.contains(")") })
            else { throw error("‘\(written)’ has unbalanced brackets") }
        } else if argument.contains(")") {
            throw error("‘\(written)’ has unbalanced brackets")
        }

        let kind: TemplateName.Kind
        if argument == "." {
            kind = .current
        } else if argument.isEmpty {
            kind = transforms.isEmpty ? .current : .position
        } else if argument.first == "." {
            kind = .anchored(argument.split(separator: ".").map(String.init))
        } else {
            kind = .path(argument.split(separator: ".").map(String.init))
        }
        return TemplateName(kind: kind, transforms: transforms, written: written)
    }

    private mutating func readPartialName(_ level: Level) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let start = index
        while index < characters.count, Self.partialNameCharacters.contains(characters[index]) { index += 1 }
        let name = String(characters[start ..< index])
        try expectEnd(level, "expected ‘\(String(level.endDelimiter))’ after the template name ‘\(name)’")
        return name
    }

    /// Skips past `delimiter`; false (and nothing skipped) when the text has none.
    private mutating func skip(past delimiter: [Character]) -> Bool {
        var probe = index
        while probe < characters.count {
            if characters[probe] == delimiter[0] {
                let saved = index
                index = probe
                if matches(delimiter) {
                    index = probe + delimiter.count
                    return true
                }
                index = saved
            }
            probe += 1
        }
        return false
    }

    /// `{{=<% %>=}}`: new start and end delimiters, from the tag on.
    private mutating func readDelimiters(_ level: Level) throws(TemplateSyntaxError) -> Level {
        let invalid = "a set-delimiter tag is ‘{{=start end=}}’"
        skipWhitespace()
        let startBegin = index
        while index < characters.count, !characters[index].isWhitespace { index += 1 }
        guard index < characters.count else { throw error(invalid) }
        let start = Array(characters[startBegin ..< index])
        skipWhitespace()
        let endBegin = index
        while index < characters.count, !characters[index].isWhitespace, characters[index] != "=" { index += 1 }
        guard index < characters.count else { throw error(invalid) }
        let end = Array(characters[endBegin ..< index])
        skipWhitespace()
        guard index < characters.count, characters[index] == "=" else { throw error(invalid) }
        index += 1
        guard matches(level.endDelimiter) else { throw error(invalid) }
        index += level.endDelimiter.count
        guard !start.isEmpty, !end.isEmpty else { throw error(invalid) }
        var changed = level
        changed.startDelimiter = start
        changed.endDelimiter = end
        changed.parentTopLevel = false
        return changed
    }

    /// `{{% CONTENT_TYPE: TEXT}}`.
    private mutating func readPragma(_ level: Level) throws(TemplateSyntaxError) -> TemplateContentType {
        let invalid = "a pragma is ‘{{% CONTENT_TYPE: HTML}}’ or ‘{{% CONTENT_TYPE: TEXT}}’"
        func word() -> String {
            let start = index
            while index < characters.count, Self.nameCharacters.contains(characters[index]) { index += 1 }
            return String(characters[start ..< index])
        }
        skipWhitespace()
        let variable = word()
        skipWhitespace()
        guard index < characters.count, characters[index] == ":" else { throw error(invalid) }
        index += 1
        skipWhitespace()
        let value = word()
        try expectEnd(level, invalid)
        guard variable == "CONTENT_TYPE", let type = TemplateContentType(rawValue: value) else { throw error(invalid) }
        return type
    }

    // MARK: - Errors

    /// An error at the parser's position.
    private func error(_ message: String) -> TemplateSyntaxError {
        var line = 1
        var lineStart = 0
        for position in 0 ..< min(index, characters.count) where characters[position].isNewline {
            line += 1
            lineStart = position + 1
        }
        return TemplateSyntaxError(message: message, line: line, column: index - lineStart + 1)
    }
}
