import Foundation

/// A small vocabulary for writing the export's JSON Schema in Swift: every object closed
/// (`additionalProperties: false`), every property described, required-ness stated next to
/// the property. Closed objects make the schema test fail when the export gains a field the
/// schema does not describe.
indirect enum SchemaNode: Sendable {
    case object(String, [SchemaProperty])
    case array(String, SchemaNode)
    case string(String)
    case constant(String, String)
    case oneOf(String, [String])
    case number(String)
    case confidence(String)
    case integer(String)
    case boolean(String)
    case reference(String, String)
    case map(String, SchemaNode)
    case anyValue(String)

    var json: [String: Any] {
        switch self {
        case .object(let description, let properties):
            var props: [String: Any] = [:]
            for property in properties { props[property.name] = property.node.json }
            let required = properties.filter(\.required).map(\.name).sorted()
            var object: [String: Any] = ["type": "object", "description": description, "properties": props, "additionalProperties": false]
            if !required.isEmpty { object["required"] = required }
            return object
        case .array(let description, let items):
            return ["type": "array", "description": description, "items": items.json]
        case .string(let description):
            return ["type": "string", "description": description]
        case .constant(let description, let value):
            return ["type": "string", "description": description, "const": value]
        case .oneOf(let description, let values):
            return ["type": "string", "description": description, "enum": values]
        case .number(let description):
            return ["type": "number", "description": description]
        case .confidence(let description):
            return ["type": "number", "description": description, "minimum": 0, "maximum": 1]
        case .integer(let description):
            return ["type": "integer", "description": description]
        case .boolean(let description):
            return ["type": "boolean", "description": description]
        case .reference(let description, let name):
            return ["description": description, "$ref": "#/$defs/\(name)"]
        case .map(let description, let values):
            return ["type": "object", "description": description, "additionalProperties": values.json]
        case .anyValue(let description):
            return ["description": description]
        }
    }
}

struct SchemaProperty: Sendable {
    var name: String
    var node: SchemaNode
    var required: Bool
}

/// A required property.
func required(_ name: String, _ node: SchemaNode) -> SchemaProperty { SchemaProperty(name: name, node: node, required: true) }
/// A property that is left out when it has no value.
func optional(_ name: String, _ node: SchemaNode) -> SchemaProperty { SchemaProperty(name: name, node: node, required: false) }
