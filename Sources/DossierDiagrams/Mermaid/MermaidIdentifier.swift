/// Node and subgraph ids as Mermaid can read them back.
///
/// Mermaid's lexer tries its keyword rules before node ids, and most of them (`style`,
/// `class`, `classDef`, `linkStyle`, `interpolate`, `graph`, `flowchart`, `subgraph`) have
/// no word boundary: `class_loader` would be read as `class` followed by `_loader`. `end`
/// has a boundary, so only `end` itself (and `end-…`) is a problem. Ids Dossier writes
/// therefore never start with those words.
enum MermaidIdentifier {
    static let keywordPrefixes = ["style", "linkStyle", "interpolate", "classDef", "class", "graph", "flowchart", "subgraph"]
    static let keywords: Set<String> = ["end", "click", "call", "href", "direction", "accTitle", "accDescr"]

    /// Whether `id` can be written as it is: ASCII letters, digits, `_` and non-ASCII
    /// letters, not a keyword and not starting with one.
    static func isSafe(_ id: String) -> Bool {
        guard !id.isEmpty, !keywords.contains(id), !keywordPrefixes.contains(where: { id.hasPrefix($0) }) else {
            return false
        }
        return id.unicodeScalars.allSatisfy(isIDScalar)
    }

    /// A safe spelling of `id`: other characters become `_`, and `n_` goes in front of a
    /// keyword.
    static func sanitized(_ id: String) -> String {
        var text = ""
        for scalar in id.unicodeScalars { text.unicodeScalars.append(isIDScalar(scalar) ? scalar : "_") }
        if text.isEmpty { text = "node" }
        return isSafe(text) ? text : "n_" + text
    }

    static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
                || value == 0x5F
        }
        return scalar.properties.isAlphabetic
    }
}
