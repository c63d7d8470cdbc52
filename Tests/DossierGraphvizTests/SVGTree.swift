import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG document read back with Foundation's `XMLParser`, so tests check what a real XML
/// parser sees, not what our own reader sees.
struct SVGTree {
    var name: String
    var attributes: [String: String]
    var children: [SVGTree] = []
    /// Character data directly inside, with whitespace-only runs dropped.
    var text = ""

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// Classes in `class`.
    var classes: [String] { (self["class"] ?? "").split(separator: " ").map(String.init) }

    /// This element and every element below it, in document order.
    var descendants: [SVGTree] { [self] + children.flatMap(\.descendants) }

    /// All text below this element, one entry per `<text>` element.
    var textLines: [String] { descendants.filter { $0.name == "text" }.map(\.text) }

    /// Groups below this element that carry `className`.
    func groups(_ className: String) -> [SVGTree] {
        descendants.filter { $0.name == "g" && $0.classes.contains(className) }
    }

    /// Parses `xml`; `nil` with the parser's error when it is not well-formed.
    static func parse(_ xml: String) -> Result<SVGTree, ParseFailure> {
        let parser = XMLParser(data: Data(xml.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            return .failure(ParseFailure(description: parser.parserError.map { "\($0)" } ?? "no root element"))
        }
        return .success(root)
    }

    struct ParseFailure: Error, CustomStringConvertible {
        var description: String
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [SVGTree] = []
        var root: SVGTree?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            stack.append(SVGTree(name: elementName, attributes: attributeDict))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            var element = stack.removeLast()
            if element.text.allSatisfy(\.isWhitespace) { element.text = "" }
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }
    }
}
