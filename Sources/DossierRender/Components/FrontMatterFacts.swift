import DossierExtract
import DossierModel

/// Front matter shown in a page header: every key but `name` and `description` (which are
/// the id and the summary), lists joined, and the colour with a swatch.
enum FrontMatterFacts {
    static func facts(_ frontMatter: FrontMatter) -> [[String: Any]] {
        frontMatter.values.keys.sorted().compactMap { key -> [String: Any]? in
            guard key != "name" && key != "description", let value = frontMatter.values[key] else { return nil }
            var fact: [String: Any] = ["key": label(key), "value": text(value)]
            if key == "color" || key == "colour", let color = Format.accent(value.text) { fact["swatch"] = color }
            return fact
        }
    }

    static func label(_ key: String) -> String {
        let words = key.split(whereSeparator: { $0 == "_" || $0 == "-" }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func text(_ value: JSONValue) -> String {
        switch value {
        case .array(let items): items.map(text).joined(separator: ", ")
        case .object(let object): object.keys.sorted().map { "\($0): \(text(object[$0]!))" }.joined(separator: "; ")
        case .null: "—"
        default: value.text ?? ""
        }
    }
}
