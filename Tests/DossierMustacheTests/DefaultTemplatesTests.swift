import DossierMustache
import Foundation
import Mustache
import Testing

/// Every built-in template in `templates/`, rendered by Dossier and by swift-mustache with a
/// context that fills every name the templates use: lists of views for the sections, text
/// with characters to escape for the variables, true and false for the `has…` flags.
@Suite("The built-in templates render as swift-mustache renders them")
struct DefaultTemplatesTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")

    static func templates() throws -> [String: String] {
        var templates: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "mustache" else { continue }
            let name = String(url.path.dropFirst(folder.path.count + 1).dropLast(".mustache".count))
            templates[name] = try String(contentsOf: url, encoding: .utf8)
        }
        return templates
    }

    /// Names in section tags and in variable tags, across all templates.
    static func names(_ templates: [String: String]) -> (sections: Set<String>, variables: Set<String>) {
        var sections = Set<String>(), variables = Set<String>()
        let tag = try! NSRegularExpression(pattern: #"\{\{([#^]?)\{?&?\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}?\}\}"#)
        for text in templates.values {
            for match in tag.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let sigil = String(text[Range(match.range(at: 1), in: text)!])
                let name = String(text[Range(match.range(at: 2), in: text)!].split(separator: ".")[0])
                if sigil.isEmpty { variables.insert(name) } else { sections.insert(name) }
            }
        }
        return (sections, variables)
    }

    /// A view with every name; `depth` levels of lists below it. Children leave out every
    /// third name, so that some lookups climb the stack.
    static func view(_ names: (sections: Set<String>, variables: Set<String>), depth: Int, seed: Int) -> [String: Any] {
        var view: [String: Any] = [:]
        for (offset, name) in names.sections.union(names.variables).sorted().enumerated() {
            if depth < 2, (offset + seed) % 3 == 0 { continue }
            if name.hasPrefix("has") || name.hasPrefix("is") {
                view[name] = (offset + seed) % 2 == 0
            } else if names.variables.contains(name) || depth == 0 {
                view[name] = "\(name) <\(seed)> & \"\(offset)\""
            } else {
                view[name] = (0 ..< 2).map { Self.view(names, depth: depth - 1, seed: seed * 2 + $0) }
            }
        }
        return view
    }

    @Test func everyBuiltInTemplateRendersTheSame() throws {
        let templates = try Self.templates()
        try #require(templates.count > 20, "templates/ not found at \(Self.folder.path)")
        var ours = TemplateLibrary()
        var reference = MustacheLibrary()
        for (name, text) in templates {
            ours.register(try Template(text), named: name)
            try reference.register(text, named: name)
        }
        let context = Self.view(Self.names(templates), depth: 2, seed: 1)
        for name in templates.keys.sorted() {
            let mine = try #require(ours.render(context, withTemplate: name))
            let theirs = try #require(reference.render(context, withTemplate: name))
            #expect(mine == theirs, "templates/\(name).mustache")
            #expect(mine.utf8.count > 20, "templates/\(name).mustache rendered almost nothing")
        }
    }
}
