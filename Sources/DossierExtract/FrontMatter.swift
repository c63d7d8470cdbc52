import DossierCore
import DossierModel
import Yams

/// The YAML block at the top of a file (`---` … `---`), as Claude Code subagent files and
/// most static site generators write it.
public struct FrontMatter: Sendable {
    /// Every key, as JSON values; empty when there is no block or it is not valid YAML.
    public var values: [String: JSONValue]
    /// The YAML as written (without the fences); `nil` when the file has no front matter.
    public var text: String?
    /// Whether the YAML parsed. An invalid block is kept as text and shown as such.
    public var isValid: Bool
    /// The file's text with the front matter lines emptied, so Markdown line numbers stay
    /// the file's line numbers.
    public var body: String
    /// The last line of the block (its closing fence); 0 without front matter.
    public var endLine: Int
    public var diagnostics: [Diagnostic]

    public subscript(key: String) -> String? { values[key]?.text }

    /// Whether `template: true` is set.
    public var isTemplate: Bool {
        if case .bool(true) = values["template"] { return true }
        return false
    }

    /// Splits front matter from `text`. A file whose first line is not `---`, or whose block
    /// never closes, has none.
    public static func split(_ text: String, path: String) -> FrontMatter {
        let none = FrontMatter(values: [:], text: nil, isValid: true, body: text, endLine: 0, diagnostics: [])
        guard text.hasPrefix("---") else { return none }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingTrailingSpaces == "---" }) == true else { return none }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces == "---" || lines[$0].trimmingTrailingSpaces == "..." }) else {
            return none
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        for i in 0...close { lines[i] = "" }
        let body = lines.joined(separator: "\n")
        var result = FrontMatter(values: [:], text: yaml, isValid: true, body: body, endLine: close + 1, diagnostics: [])

        let (node, problem) = YAMLText.parse(yaml, path: path, firstLine: 2, code: "frontmatter.invalid-yaml")
        if var problem {
            problem.severity = .warning
            problem.notes.append("the front matter is shown as text and its keys are not used; quote values that contain ‘: ’")
            result.isValid = false
            result.diagnostics.append(problem)
            return result
        }
        guard let node else { return result }
        guard let mapping = node.mapping else {
            result.isValid = false
            result.diagnostics.append(.warning("frontmatter.not-a-mapping", "front matter must be a mapping of keys to values",
                                               at: SourceLocation(path: path, line: 2)))
            return result
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            result.values[name] = json(value)
        }
        return result
    }

    /// YAML to JSON with YAML 1.2's core schema: `true`/`false`, `null`/`~`, numbers;
    /// everything else (including YAML 1.1's `yes`/`no`/`on`/`off`) stays text.
    static func json(_ node: Yams.Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
            let text = scalar.string
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            case "", "~", "null", "Null", "NULL": return .null
            default:
                if let number = Double(text), text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) {
                    return .number(number)
                }
                return .string(text)
            }
        case .sequence(let sequence):
            return .array(sequence.map(json))
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping { object[key.string ?? "\(key)"] = json(value) }
            return .object(object)
        case .alias:
            return .null
        }
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" { end = index(before: end) }
        return self[startIndex..<end]
    }
}
