import DossierCore
import Yams

/// Parses YAML (configuration, front matter) into a Yams node, turning libyaml's errors into
/// positioned diagnostics. `firstLine` is the file line of the YAML's first line, so a
/// problem in front matter is reported at its line in the Markdown file.
public enum YAMLText {
    /// The parsed node (`nil` for an empty document), or the problem that stopped parsing.
    public static func parse(_ text: String, path: String, firstLine: Int = 1, code: String) -> (node: Yams.Node?, problem: Diagnostic?) {
        do {
            return (try Yams.compose(yaml: text), nil)
        } catch let error as YamlError {
            let (problem, mark) = describe(error)
            let location = SourceLocation(path: path, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
            return (nil, .error(code, "invalid YAML: \(problem)", at: location))
        } catch {
            return (nil, .error(code, "invalid YAML: \(error)", at: SourceLocation(path: path, line: firstLine)))
        }
    }

    /// A readable problem and its position, from libyaml's error forms.
    static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            if let context { return ("\(problem) (\(context.text) at line \(context.mark.line))", mark) }
            return (problem, mark)
        case let .reader(problem, _, _, _):
            return (problem, nil)
        case let .duplicatedKeysInMapping(duplicates, context):
            return ("duplicated keys \(duplicates.joined(separator: ", "))", context.mark)
        default:
            return ("\(error)", nil)
        }
    }

    /// The file line of a node, given the file line of the YAML's first line.
    public static func line(of node: Yams.Node, firstLine: Int = 1) -> Int {
        (node.mark?.line ?? 1) + firstLine - 1
    }
}
