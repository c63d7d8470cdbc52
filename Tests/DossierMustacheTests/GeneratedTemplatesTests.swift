import DossierMustache
import Foundation
import Mustache
import Testing

/// Thousands of templates put together from random pieces — text, line breaks, spaces and
/// tabs, every kind of tag, sections nested three deep, parents with indented blocks, stray
/// and unclosed tags, set delimiters, pragmas — must parse, or fail to parse, as they do
/// with swift-mustache, and render the same bytes. The generator is seeded: a failure is
/// the same on every run.
///
/// One difference is deliberate and left out: `{{` at the end of a line. swift-mustache
/// drops the two braces and reads on as text; Dossier reads a tag that goes on over the
/// line break, and reports it when it is not one (see `aTagMayGoOnOverALineBreak`).
@Suite("Generated templates render as swift-mustache renders them")
struct GeneratedTemplatesTests {
    /// SplitMix64: small, and the same sequence everywhere.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let names = ["a", "b", "items", "yes", "no", "name", ".", "missing", "person.name", "last()", "first()", "count(items)", "empty"]
    static let sections = ["items", "yes", "no", "missing", "person", "empty", "last()"]
    static let parentPieces = ["\n", "  ", "{{$blk}}", "{{/blk}}", "{{! c }}", "text", "\n  {{$blk}}\n  in\n    more\n  {{/blk}}\n"]

    static func piece(_ random: inout Generator, depth: Int) -> String {
        switch Int.random(in: 0 ..< 22, using: &random) {
        case 0: return "x"
        case 1: return "\n"
        case 2: return "  "
        case 3: return "\t"
        case 4: return "{{\(names.randomElement(using: &random)!)}}"
        case 5: return "{{{\(names.randomElement(using: &random)!)}}}"
        case 6: return "{{! c }}"
        case 7: return "{{>p}}"
        case 8, 9:
            guard depth < 3 else { return "y" }
            let name = sections.randomElement(using: &random)!
            let sigil = Bool.random(using: &random) ? "#" : "^"
            let body = (0 ..< Int.random(in: 0 ..< 5, using: &random)).map { _ in piece(&random, depth: depth + 1) }.joined()
            return "{{\(sigil)\(name)}}\(body){{/\(name)}}"
        case 10: return "\r\n"
        case 11: return "{{$blk}}d{{/blk}}"
        case 12: return "&<'"
        case 13: return " {{& name }} "
        case 14: return "{{/items}}"
        case 15: return "{{#items}}"
        case 16: return "}}"
        case 17: return "{{"
        case 18: return "{{=<% %>=}}<% name %><%={{ }}=%>"
        case 19:
            guard depth < 2 else { return "z" }
            let body = (0 ..< Int.random(in: 0 ..< 4, using: &random)).map { _ in parentPieces.randomElement(using: &random)! }.joined()
            return "{{<base}}\(body){{/base}}"
        case 20: return "\n  {{>p}}\n"
        default: return "{{% CONTENT_TYPE: TEXT}}"
        }
    }

    @Test func generatedTemplatesParseAndRenderTheSame() throws {
        let context: [String: Any] = [
            "a": "A<", "b": 2, "yes": true, "no": false, "name": "N'", "empty": [String](),
            "items": [["name": "i1", "a": "x"], ["name": "i2"]] as [[String: Any]],
            "person": ["name": "P"] as [String: Any],
        ]
        let partials = ["p": "  q\n{{name}}\n", "base": "<{{$blk}}base{{/blk}}>\n"]
        var random = Generator(state: 42)
        var rendered = 0
        for _ in 0 ..< 5000 {
            let text = (0 ..< Int.random(in: 1 ..< 12, using: &random)).map { _ in Self.piece(&random, depth: 0) }.joined()
            let partial = Bool.random(using: &random) ? partials["p"]! : partials["base"]!
            if text.contains("{{\n") || text.contains("{{\r\n") || text.hasSuffix("{{") { continue }
            let ours = try? Template(text)
            let reference = try? MustacheTemplate(string: text)
            #expect((ours == nil) == (reference == nil), "parsed by only one of them: \(text.debugDescription)")
            guard let ours, let reference else { continue }
            var library = TemplateLibrary()
            library.register(ours, named: "t")
            library.register(try Template(partial), named: "p")
            var referenceLibrary = MustacheLibrary()
            referenceLibrary.register(reference, named: "t")
            try referenceLibrary.register(partial, named: "p")
            #expect(library.render(context, withTemplate: "t") == referenceLibrary.render(context, withTemplate: "t"), "\(text.debugDescription)")
            rendered += 1
        }
        #expect(rendered > 1000, "only \(rendered) generated templates parsed")
    }

    @Test func aTagMayGoOnOverALineBreak() throws {
        var library = TemplateLibrary()
        library.register(try Template("a {{\nname\n}} b"), named: "t")
        #expect(library.render(["name": "N"], withTemplate: "t") == "a N b")
        #expect(throws: TemplateSyntaxError.self) { try Template("a {{\nb") }
    }
}
