import DossierModel

/// One `key:value` of a Mermaid `style`, `classDef` or `linkStyle` list, with its offset in
/// the source for the note that says it was ignored.
struct MermaidStyleProperty: Sendable {
    var key: String
    var value: String
    var offset: Int

    /// The keys Dossier draws for nodes; the rest (fonts, radii, …) are noted and ignored.
    static let nodeKeys: Set<String> = ["fill", "stroke", "stroke-width", "color", "stroke-dasharray"]

    /// Splits `fill:#f9f,stroke:#333 , stroke-width:4px` into properties. A part without a
    /// colon is returned with an empty key, for the caller to report.
    static func parse(_ bytes: ArraySlice<UInt8>) -> [MermaidStyleProperty] {
        var properties: [MermaidStyleProperty] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while true {
            if index == bytes.endIndex || bytes[index] == UInt8(ascii: ",") {
                let part = String(decoding: bytes[start..<index], as: UTF8.self)
                let trimmed = Substring(part).trimmingSpaces()
                if !trimmed.isEmpty {
                    let leading = part.utf8.count - Substring(part).drop(while: { $0 == " " || $0 == "\t" }).utf8.count
                    if let colon = trimmed.firstIndex(of: ":") {
                        properties.append(MermaidStyleProperty(
                            key: String(trimmed[..<colon]).trimmingCharacters(),
                            value: String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(),
                            offset: start + leading))
                    } else {
                        properties.append(MermaidStyleProperty(key: "", value: String(trimmed), offset: start + leading))
                    }
                }
                if index == bytes.endIndex { break }
                start = index + 1
            }
            index += 1
        }
        return properties
    }

    /// Applies the properties Dossier knows to `style`.
    static func apply(_ properties: [MermaidStyleProperty], to style: inout DiagramStyle) {
        for property in properties {
            switch property.key {
            case "fill": style.fill = property.value
            case "stroke": style.stroke = property.value
            case "stroke-width": style.strokeWidth = property.value
            case "color": style.color = property.value
            case "stroke-dasharray":
                let value = property.value
                style.dashed = !(value.isEmpty || value == "0" || value == "none")
            default: break
            }
        }
    }
}

extension String {
    func trimmingCharacters() -> String {
        String(Substring(self).trimmingSpaces())
    }
}
