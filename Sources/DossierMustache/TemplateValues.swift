import Foundation

/// How templates read Swift values: a name in a dictionary, a value as text, whether a
/// section repeats, hides or shows, and the transforms.
///
/// Pages hand templates `[String: Any]` views holding strings, numbers, booleans, views and
/// lists of them. Those types are recognised by comparing the value's dynamic type, which
/// is one load; any other type goes through the general paths (a protocol for other
/// dictionaries and lists, `Mirror` for structs), which ask the runtime whether the type
/// conforms, and that is what makes a tag cost a microsecond rather than tens of nanoseconds.
enum TemplateValues {
    // MARK: - Names

    /// The value named `name` in `object`, or nil when it has none.
    static func child(_ name: String, of object: Any) -> Any? {
        let type = ObjectIdentifier(Swift.type(of: object))
        if type == stringAnyDictionary { return unwrapped((object as! [String: Any])[name]) }
        if type == stringType || type == boolType || type == intType || type == doubleType { return nil }
        if type == stringStringDictionary { return (object as! [String: String])[name] }
        if let optional = object as? TemplateOptional {
            return optional.templateWrapped.flatMap { child(name, of: $0) }
        }
        if let dictionary = object as? TemplateDictionary { return unwrapped(dictionary.templateChild(name)) }
        // A struct, class or tuple: its stored property of that name.
        guard let property = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        return unwrapped(property.value)
    }

    /// `a.b.c` after `a` was found: each name in the value before; nil if one is missing.
    static func resolve(_ path: ArraySlice<String>, from object: Any) -> Any? {
        var value = object
        for name in path {
            guard let next = child(name, of: value) else { return nil }
            value = next
        }
        return value
    }

    /// An optional held in an `Any` counts as its value, or as missing.
    @inline(__always)
    static func unwrapped(_ value: Any?) -> Any? {
        guard let value else { return nil }
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == stringType || type == boolType || type == stringAnyDictionary || type == dictionaryList || type == intType
            || type == stringList || type == anyList || type == doubleType || type == stringStringDictionary {
            return value
        }
        if let optional = value as? TemplateOptional { return optional.templateWrapped.flatMap(unwrapped) }
        return value
    }

    // MARK: - Text

    /// `{{name}}`'s text for a value, as `String(describing:)` writes it.
    static func text(of value: Any) -> String {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == stringType { return value as! String }
        if type == boolType { return (value as! Bool) ? "true" : "false" }
        if type == intType { return String(value as! Int) }
        return String(describing: value)
    }

    // MARK: - Sections

    /// What a section does with a value.
    enum Section {
        /// A list: the section once per element.
        case list([Any])
        /// True shows the section, false hides it; the context stays the same.
        case bool(Bool)
        /// Anything else: the section once, with the value on top of the context.
        case object(Any)
    }

    static func section(_ value: Any) -> Section {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == boolType { return .bool(value as! Bool) }
        if type == dictionaryList { return .list(value as! [[String: Any]]) }
        if type == stringAnyDictionary || type == stringType || type == intType { return .object(value) }
        if type == stringList { return .list(value as! [String]) }
        if type == anyList { return .list(value as! [Any]) }
        if let list = value as? TemplateList { return .list(list.templateElements) }
        return .object(value)
    }

    // MARK: - Transforms

    /// `name(value)`: nil when the value has no such transform.
    static func transform(_ value: Any, _ name: String) -> Any? {
        if let position = value as? TemplatePosition { return position.transform(name) }
        if let string = value as? String { return transform(Substring(string), name) }
        if let string = value as? Substring {
            switch name {
            case "empty": return string.isEmpty
            case "capitalized": return string.capitalized
            case "lowercased": return string.lowercased()
            case "uppercased": return string.uppercased()
            case "reversed": return Substring(string.reversed())
            default: return nil
            }
        }
        if let integer = value as? TemplateInteger { return integer.templateTransform(name) }
        if let list = value as? TemplateList { return list.templateTransform(name) }
        if let dictionary = value as? TemplateDictionary { return dictionary.templateTransform(name) }
        return nil
    }

    // MARK: - Types recognised by identity

    private static let stringType = ObjectIdentifier(String.self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let intType = ObjectIdentifier(Int.self)
    private static let doubleType = ObjectIdentifier(Double.self)
    private static let stringAnyDictionary = ObjectIdentifier([String: Any].self)
    private static let stringStringDictionary = ObjectIdentifier([String: String].self)
    private static let dictionaryList = ObjectIdentifier([[String: Any]].self)
    private static let stringList = ObjectIdentifier([String].self)
    private static let anyList = ObjectIdentifier([Any].self)
}

/// Where a section's element is in its list, for `first()`, `last()`, `index()`, `even()`
/// and `odd()`.
struct TemplatePosition {
    var first: Bool
    var last: Bool
    var index: Int

    func transform(_ name: String) -> Any? {
        switch name {
        case "first": first
        case "last": last
        case "index": index
        case "even": index & 1 == 0
        case "odd": index & 1 == 1
        default: nil
        }
    }
}

// MARK: - The general paths

protocol TemplateOptional {
    var templateWrapped: Any? { get }
}

extension Optional: TemplateOptional {
    var templateWrapped: Any? { self }
}

protocol TemplateDictionary {
    func templateChild(_ name: String) -> Any?
    func templateTransform(_ name: String) -> Any?
}

extension Dictionary: TemplateDictionary {
    func templateChild(_ name: String) -> Any? {
        guard let dictionary = self as? [String: Value] else { return nil }
        return dictionary[name]
    }

    func templateTransform(_ name: String) -> Any? {
        switch name {
        case "count": return count
        case "empty": return isEmpty
        case "enumerated": return map { (key: $0.key, value: $0.value) }
        case "sorted":
            guard let sortable = self as? TemplateSortedPairs else { return nil }
            return sortable.templateSortedPairs
        default: return nil
        }
    }
}

protocol TemplateSortedPairs {
    var templateSortedPairs: [Any] { get }
}

extension Dictionary: TemplateSortedPairs where Key: Comparable {
    var templateSortedPairs: [Any] {
        map { (key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
    }
}

protocol TemplateList {
    var templateElements: [Any] { get }
    func templateTransform(_ name: String) -> Any?
}

extension TemplateList where Self: Collection {
    var templateElements: [Any] { map { $0 } }

    /// What every list has: `count`, `empty`, and `sorted` when its elements compare.
    func collectionTransform(_ name: String) -> Any? {
        switch name {
        case "count": count
        case "empty": isEmpty
        case "sorted": (self as? TemplateSortable)?.templateSorted
        default: nil
        }
    }
}

protocol TemplateSortable {
    var templateSorted: [Any] { get }
}

extension TemplateSortable where Self: Sequence, Element: Comparable {
    var templateSorted: [Any] { sorted() }
}

extension Array: TemplateList {
    func templateTransform(_ name: String) -> Any? {
        switch name {
        case "first": first.flatMap(TemplateValues.unwrapped)
        case "last": last.flatMap(TemplateValues.unwrapped)
        case "reversed": Array(reversed())
        default: collectionTransform(name)
        }
    }
}

extension Set: TemplateList {
    func templateTransform(_ name: String) -> Any? { collectionTransform(name) }
}

extension Array: TemplateSortable where Element: Comparable {}
extension Set: TemplateSortable where Element: Comparable {}

protocol TemplateInteger {
    func templateTransform(_ name: String) -> Any?
}

extension TemplateInteger where Self: FixedWidthInteger {
    func templateTransform(_ name: String) -> Any? {
        switch name {
        case "equalzero": self == 0
        case "plusone": self + 1
        case "minusone": self - 1
        case "even": self & 1 == 0
        case "odd": self & 1 == 1
        default: nil
        }
    }
}

extension Int: TemplateInteger {}
extension Int8: TemplateInteger {}
extension Int16: TemplateInteger {}
extension Int32: TemplateInteger {}
extension Int64: TemplateInteger {}
extension UInt: TemplateInteger {}
extension UInt8: TemplateInteger {}
extension UInt16: TemplateInteger {}
extension UInt32: TemplateInteger {}
extension UInt64: TemplateInteger {}
