/// One element of the SVG Graphviz wrote, read back so it can be drawn again cleanly.
struct SVGElement: Sendable {
    var name: String
    /// Attribute values with character references decoded.
    var attributes: [String: String]
    var children: [SVGElement] = []
    /// Character data directly inside the element, decoded.
    var text = ""

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// Child elements called `name`.
    func children(named name: String) -> [SVGElement] {
        children.filter { $0.name == name }
    }
}

extension SVGElement {
    /// Reads the SVG document Graphviz's `svg` renderer produces: elements, attributes in
    /// double or single quotes, character data and character references; the XML prolog,
    /// DOCTYPE and comments are skipped. Not a general XML parser (no CDATA, no internal
    /// DTD subset) — Graphviz writes neither. `nil` when the text is not such a document.
    init?(parsingGraphvizSVG svg: String) {
        var reader = Reader(bytes: Array(svg.utf8))
        guard let root = reader.document() else { return nil }
        self = root
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func document() -> SVGElement? {
            var stack: [SVGElement] = [SVGElement(name: "#document", attributes: [:])]
            while position < bytes.count {
                if bytes[position] != UInt8(ascii: "<") {
                    let start = position
                    while position < bytes.count && bytes[position] != UInt8(ascii: "<") { position += 1 }
                    stack[stack.count - 1].text += Self.decode(bytes[start..<position])
                } else if starts(with: "<?") {
                    guard skip(past: "?>") else { return nil }
                } else if starts(with: "<!--") {
                    guard skip(past: "-->") else { return nil }
                } else if starts(with: "<!") {
                    guard skip(past: ">") else { return nil }
                } else if starts(with: "</") {
                    guard skip(past: ">"), stack.count > 1 else { return nil }
                    let closed = stack.removeLast()
                    stack[stack.count - 1].children.append(closed)
                } else {
                    guard let (element, selfClosing) = startTag() else { return nil }
                    if selfClosing {
                        stack[stack.count - 1].children.append(element)
                    } else {
                        stack.append(element)
                    }
                }
            }
            guard stack.count == 1 else { return nil }
            return stack[0].children.first
        }

        private mutating func startTag() -> (SVGElement, Bool)? {
            position += 1 // <
            let name = word()
            guard !name.isEmpty else { return nil }
            var attributes: [String: String] = [:]
            while true {
                skipSpace()
                guard position < bytes.count else { return nil }
                if starts(with: "/>") {
                    position += 2
                    return (SVGElement(name: name, attributes: attributes), true)
                }
                if bytes[position] == UInt8(ascii: ">") {
                    position += 1
                    return (SVGElement(name: name, attributes: attributes), false)
                }
                let attribute = word()
                skipSpace()
                guard !attribute.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "=") else { return nil }
                position += 1
                skipSpace()
                guard position < bytes.count else { return nil }
                let quote = bytes[position]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
                position += 1
                let start = position
                while position < bytes.count && bytes[position] != quote { position += 1 }
                guard position < bytes.count else { return nil }
                attributes[attribute] = Self.decode(bytes[start..<position])
                position += 1
            }
        }

        /// A name: everything up to white space, `=`, `/` or `>`.
        private mutating func word() -> String {
            let start = position
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"),
                     UInt8(ascii: "="), UInt8(ascii: "/"), UInt8(ascii: ">"):
                    return String(decoding: bytes[start..<position], as: UTF8.self)
                default:
                    position += 1
                }
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        private mutating func skipSpace() {
            while position < bytes.count,
                  [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[position]) {
                position += 1
            }
        }

        private func starts(with prefix: String) -> Bool {
            let prefix = Array(prefix.utf8)
            return bytes.count - position >= prefix.count && bytes[position..<position + prefix.count].elementsEqual(prefix)
        }

        /// Moves past the next `terminator`; `false` if there is none.
        private mutating func skip(past terminator: String) -> Bool {
            let terminator = Array(terminator.utf8)
            while position + terminator.count <= bytes.count {
                if bytes[position..<position + terminator.count].elementsEqual(terminator) {
                    position += terminator.count
                    return true
                }
                position += 1
            }
            return false
        }

        /// Text with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric references
        /// decoded; anything else is left as written.
        private static func decode(_ slice: ArraySlice<UInt8>) -> String {
            let text = String(decoding: slice, as: UTF8.self)
            guard text.contains("&") else { return text }
            var result = ""
            var rest = Substring(text)
            while let ampersand = rest.firstIndex(of: "&") {
                result += rest[..<ampersand]
                rest = rest[ampersand...]
                guard let semicolon = rest.prefix(12).firstIndex(of: ";"),
                      let character = character(for: rest[rest.index(after: ampersand)..<semicolon])
                else {
                    result += "&"
                    rest = rest.dropFirst()
                    continue
                }
                result.unicodeScalars.append(character)
                rest = rest[rest.index(after: semicolon)...]
            }
            return result + rest
        }

        private static func character(for reference: Substring) -> Unicode.Scalar? {
            switch reference {
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case "apos": return "'"
            default:
                guard reference.hasPrefix("#") else { return nil }
                let digits = reference.dropFirst()
                let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                    ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                return value.flatMap(Unicode.Scalar.init)
            }
        }
    }
}
