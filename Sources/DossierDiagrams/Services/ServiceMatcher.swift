import DossierModel

/// Finds which service of a profile's service matrix a diagram node stands for.
///
/// Diagram labels name services loosely: `Lambda (Python + Mangum)`, `CloudWatch Logs`,
/// `RDS/External APIs`. The matcher drops parentheticals (a label's `(future)` or
/// `(ECS)` qualifies it, it does not name it), compares case-insensitively, and looks for
/// each service name at word boundaries (`ECS` is not found in `SPECS`). A service written
/// `SQS/SNS` is also found as `SQS` or `SNS`. When several match, the longest name wins
/// (`API Gateway` over `API`), then the one that comes first in the label, then the one
/// listed first. Only when nothing matches outside the parentheses is the text inside them
/// tried (`Worker (Lambda)` → Lambda).
public struct ServiceMatcher: Hashable, Sendable {
    /// A way to find a service: one of its spellings, lowercased.
    struct Key: Hashable, Sendable {
        var text: [Character]
        var service: String
        var order: Int
    }

    public let services: [String]
    let keys: [Key]

    public init(services: [String]) {
        self.services = services
        var keys: [Key] = []
        for (order, service) in services.enumerated() {
            let base = Self.removingParentheticals(service).lowercased()
            var spellings = [Self.normalizedSpaces(base)]
            if base.contains("/") {
                spellings += base.split(separator: "/").map { Self.normalizedSpaces(String($0)) }
            }
            for spelling in Set(spellings) where !spelling.isEmpty {
                keys.append(Key(text: Array(spelling), service: service, order: order))
            }
        }
        // Longest first, then list order: the first key that matches at a position wins ties.
        self.keys = keys.sorted { ($0.text.count, -$0.order) > ($1.text.count, -$1.order) }
    }

    /// The service `label` names, or `nil`.
    public func match(_ label: String) -> String? {
        let outside = Self.normalizedSpaces(Self.removingParentheticals(label).lowercased())
        if let found = bestMatch(in: Array(outside)) { return found }
        let inside = Self.parentheticals(label).map { Self.normalizedSpaces($0.lowercased()) }
        for text in inside {
            if let found = bestMatch(in: Array(text)) { return found }
        }
        return nil
    }

    /// A copy of `diagram` with ``DiagramNode/service`` set on every node (`nil` where no
    /// service matches).
    public func annotate(_ diagram: Diagram) -> Diagram {
        var copy = diagram
        for index in copy.nodes.indices { copy.nodes[index].service = match(copy.nodes[index].label) }
        return copy
    }

    private func bestMatch(in text: [Character]) -> String? {
        var best: (length: Int, position: Int, order: Int, service: String)?
        for key in keys {
            if let best, key.text.count < best.length { break }
            guard let position = Self.firstWordMatch(of: key.text, in: text) else { continue }
            if best == nil || (position, key.order) < (best!.position, best!.order) {
                best = (key.text.count, position, key.order, key.service)
            }
        }
        return best?.service
    }

    /// Where `needle` first occurs in `text` with no letter or digit right before or after.
    static func firstWordMatch(of needle: [Character], in text: [Character]) -> Int? {
        guard !needle.isEmpty, needle.count <= text.count else { return nil }
        var start = 0
        while start + needle.count <= text.count {
            if text[start] == needle[0], Array(text[start..<start + needle.count]) == needle {
                let before = start == 0 || !isWordCharacter(text[start - 1])
                let after = start + needle.count == text.count || !isWordCharacter(text[start + needle.count])
                if before && after { return start }
            }
            start += 1
        }
        return nil
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// The text with every `( … )` removed (nested ones included).
    static func removingParentheticals(_ text: String) -> String {
        var out = ""
        var depth = 0
        for character in text {
            if character == "(" {
                depth += 1
                out.append(" ")
            } else if character == ")" && depth > 0 {
                depth -= 1
            } else if depth == 0 {
                out.append(character)
            }
        }
        return out
    }

    /// The text inside each top-level `( … )`.
    static func parentheticals(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" {
                if depth > 0 { current.append(character) }
                depth += 1
            } else if character == ")" && depth > 0 {
                depth -= 1
                if depth == 0 { parts.append(current); current = "" } else { current.append(character) }
            } else if depth > 0 {
                current.append(character)
            }
        }
        return parts
    }

    /// Trimmed, with runs of whitespace made one space.
    static func normalizedSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
