import DossierMustache
import Foundation
import Mustache
import Testing

/// Dossier's renderer against swift-mustache, the library it replaces: the same templates and
/// values must give the same bytes, whitespace included.
@Suite("Templates render as swift-mustache renders them")
struct ReferenceTests {
    /// Renders `name` from `templates` with both renderers.
    static func both(_ templates: [String: String], _ name: String, _ value: Any) throws -> (ours: String, reference: String) {
        var ours = TemplateLibrary()
        var reference = MustacheLibrary()
        for (templateName, text) in templates {
            ours.register(try Template(text), named: templateName)
            try reference.register(text, named: templateName)
        }
        return (ours.render(value, withTemplate: name) ?? "<none>", reference.render(value, withTemplate: name) ?? "<none>")
    }

    static var people: [String: Any] { [
        "title": "Tom & Jerry's <b>\"show\"</b>",
        "count": 3, "ratio": 0.25, "yes": true, "no": false, "empty": [String](), "blank": "",
        "person": ["name": "Ada", "role": ["title": "engineer"]] as [String: Any],
        "people": [
            ["name": "Ada", "admin": true, "tags": ["a", "b"]],
            ["name": "Brian", "admin": false, "tags": [String]()],
            ["name": "Cleo", "tags": ["c"]],
        ] as [[String: Any]],
        "words": ["alpha", "beta", "gamma"],
        "numbers": [3, 1, 2],
        "mixed": ["x", 1, true] as [Any],
        "strings": ["k": "v"] as [String: String],
    ] }

    static let cases: [(String, String)] = [
        ("variables", "{{title}}|{{{title}}}|{{&title}}|{{ title }}|{{count}}|{{ratio}}|{{yes}}|{{no}}|{{missing}}|{{blank}}"),
        ("dotted", "{{person.name}} {{person.role.title}} {{person.missing}} {{person.role.missing.deeper}} {{strings.k}}"),
        ("sections", "{{#people}}<{{name}}{{#admin}}*{{/admin}}{{^admin}}-{{/admin}}{{#tags}}[{{.}}]{{/tags}}{{^tags}}none{{/tags}}>{{/people}}"),
        ("stack", "{{#person}}{{name}} {{title}} {{#role}}{{title}} {{name}} {{count}}{{/role}}{{/person}}"),
        ("anchored", "{{#person}}{{.name}}|{{.title}}|{{title}}{{/person}}"),
        ("values as sections", "{{#count}}c={{.}}{{/count}}{{#blank}}b={{.}}{{/blank}}{{#title}}t{{/title}}{{#missing}}m{{/missing}}{{^missing}}!m{{/missing}}"),
        ("inverted lists", "{{^empty}}empty{{/empty}}{{^words}}never{{/words}}{{^no}}no{{/no}}{{^yes}}never{{/yes}}"),
        ("positions", "{{#words}}{{#first()}}({{/first()}}{{.}}{{^last()}}, {{/last()}}{{#last()}}){{/last()}} {{index()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}};{{/words}}"),
        ("positions in a true section", "{{#people}}{{#admin}}{{name}}{{^last()}},{{/last()}}{{/admin}}{{^admin}}{{name}}{{^last()}};{{/last()}}{{/admin}}{{/people}}"),
        ("transforms", "{{uppercased(title)}} {{lowercased(person.name)}} {{capitalized(words)}} {{reversed(person.name)}} {{count(words)}} {{empty(empty)}} {{first(words)}} {{last(words)}} {{plusone(count)}} {{minusone(count)}} {{equalzero(count)}} {{even(count)}} {{odd(count)}}"),
        ("transformed sections", "{{#reversed(words)}}{{.}} {{/reversed(words)}}|{{#sorted(numbers)}}{{.}}{{/sorted(numbers)}}|{{^empty(words)}}some{{/empty(words)}}|{{#count(people)}}{{.}}{{/count(people)}}"),
        ("nested transforms", "{{uppercased(reversed(person.name))}}"),
        ("mixed list", "{{#mixed}}<{{.}}>{{/mixed}}"),
        ("standalone lines", "begin\n  {{#people}}\n  - {{name}}\n  {{/people}}\n{{! a comment }}\n  {{^empty}}\n  nothing\n  {{/empty}}\nend\n"),
        ("not standalone", "a {{#yes}}\nb{{/yes}} c\n  {{#yes}}x{{/yes}}\n{{#yes}} {{/yes}}  \nd {{! c }} e\n"),
        ("section opened inline, closed alone", "x{{#people}}\n  {{name}}\n{{/people}}\n  {{#yes}}\nafter\n  {{/yes}}\n"),
        ("crlf", "a\r\n  {{#yes}}\r\n  b\r\n  {{/yes}}\r\nc {{title}}\r\n"),
        ("trailing spaces at the end", "a\n{{#yes}}b{{/yes}}\n{{! done }}  "),
        ("tag at the very end", "a\n{{! done }}"),
        ("set delimiters", "{{=<% %>=}}\n<% title %> {{title}}\n<%={{ }}=%>\n{{count}}\n"),
        ("text pragma", "{{% CONTENT_TYPE: TEXT}}\n{{title}}\n"),
        ("implicit iterator in an empty inverted list", "{{^empty}}[{{.}}]{{/empty}}"),
        ("lone braces", "a { b }} c {{{title}}} d { e"),
    ]

    @Test(arguments: cases)
    func rendersAsTheReference(_ testCase: (String, String)) throws {
        let (ours, reference) = try Self.both(["t": testCase.1], "t", Self.people)
        #expect(ours == reference, "\(testCase.0)")
    }

    static let partialCases: [(String, [String: String])] = [
        ("partial", ["t": "<{{>p}}>\n", "p": "{{title}}"]),
        ("standalone partial is indented", ["t": "list:\n  {{>p}}\nend\n", "p": "{{#words}}\n- {{.}}\n{{/words}}\n"]),
        ("nested indentation", ["t": "  {{>p}}\n", "p": "a\n  {{>q}}\nb\n", "q": "c\nd\n"]),
        ("inline partial is not indented", ["t": "  x {{>p}}\n", "p": "a\nb\n"]),
        ("missing partial", ["t": "a{{>nothing}}b\n  {{>nothing}}\nc"]),
        ("partial sees the stack", ["t": "{{#people}}{{>p}}{{/people}}", "p": "{{name}}/{{title}};"]),
        ("partial resets positions", ["t": "{{#words}}{{>p}}{{/words}}", "p": "{{.}}{{^last()}},{{/last()}}"]),
        ("dynamic partial", ["t": "{{>*which}}", "p": "dynamic {{title}}"]),
        ("layout", [
            "t": "{{! page }}\n{{<base}}\n{{$title}}Custom {{title}}{{/title}}\n{{$content}}\n  <p>{{title}}</p>\n    <q>{{count}}</q>\n  {{#people}}\n  <li>{{name}}</li>\n  {{/people}}\n{{/content}}\n{{/base}}\n",
            "base": "<title>{{$title}}Default{{/title}}</title>\n<main>\n  {{$content}}nothing{{/content}}\n</main>\n<footer>{{$footer}}f {{count}}{{/footer}}</footer>\n",
        ]),
        ("two levels of layout", [
            "t": "{{<doc}}\n{{$body}}T body{{/body}}\n{{/doc}}\n",
            "doc": "{{<base}}\n{{$content}}\n<article>\n{{$body}}doc body{{/body}}\n</article>\n{{/content}}\n{{$title}}doc title{{/title}}\n{{/base}}\n",
            "base": "<h1>{{$title}}base{{/title}}</h1>\n{{$content}}{{/content}}\n",
        ]),
        ("block in a section", ["t": "{{<base}}{{$item}}<{{name}}>{{/item}}{{/base}}", "base": "{{#people}}{{$item}}{{name}}{{/item}};{{/people}}"]),
        ("indented block", ["t": "{{<base}}{{$b}}\nx\ny\n{{/b}}{{/base}}", "base": "<div>\n  {{$b}}{{/b}}\n</div>\n"]),
        ("text pragma does not reach partials", ["t": "{{% CONTENT_TYPE: TEXT}}\n{{title}}{{>p}}", "p": "|{{title}}"]),
    ]

    @Test(arguments: partialCases)
    func partialsAndLayoutsRenderAsTheReference(_ testCase: (String, [String: String])) throws {
        var value = Self.people
        value["which"] = "p"
        let (ours, reference) = try Self.both(testCase.1, "t", value)
        #expect(ours == reference, "\(testCase.0)")
    }

    struct Item { let title: String; let count: Int; let tags: [String] }

    /// Views of other types than the common ones take the general paths: other integer and
    /// floating-point types, other dictionaries and lists, `Substring`, structs (read through
    /// `Mirror`), and the transforms on each.
    @Test func valuesOfOtherTypesRenderAsTheReference() throws {
        let value: [String: Any] = [
            "ints": [3, 1, 2], "doubles": [0.5, 1.25], "dict": ["k": "v", "x": "y"] as [String: String],
            "lists": ["l": ["a", "b"]] as [String: [String]], "item": Item(title: "T&", count: 0, tags: ["t1"]),
            "items": [Item(title: "A", count: 1, tags: []), Item(title: "B", count: 2, tags: ["x"])],
            "int64": Int64(7), "double": 2.5, "float": Float(1.5), "sub": Substring("sub<"),
            "nested": ["inner": ["deep": "D"] as [String: Any]] as [String: Any],
            "anyList": ["s", 1, ["k": "v"] as [String: Any], [1, 2]] as [Any],
            "emptyDict": [String: Any](), "zero": 0, "uint": UInt8(9),
        ]
        let templates = [
            "{{#ints}}{{.}},{{/ints}}|{{#sorted(ints)}}{{.}}{{/sorted(ints)}}|{{first(ints)}}|{{count(ints)}}|{{#reversed(ints)}}{{.}}{{/reversed(ints)}}",
            "{{#doubles}}{{.}};{{/doubles}}{{double}} {{float}} {{int64}} {{plusone(int64)}} {{uint}} {{even(uint)}}",
            "{{dict.k}} {{#dict}}{{k}}{{x}}{{/dict}} {{count(dict)}} {{#lists.l}}{{.}}{{/lists.l}}",
            "{{item.title}} {{item.count}} {{#item}}{{title}}-{{#tags}}{{.}}{{/tags}}{{/item}} {{#items}}{{title}}{{count}}{{^tags}}none{{/tags}};{{/items}}",
            "{{sub}} {{uppercased(sub)}} {{nested.inner.deep}} {{#nested}}{{#inner}}{{deep}}{{/inner}}{{/nested}}",
            "{{#anyList}}[{{.}}]{{/anyList}} {{#emptyDict}}E{{/emptyDict}}{{^emptyDict}}NE{{/emptyDict}} {{#zero}}Z{{/zero}} {{equalzero(zero)}}",
            "{{#item.tags}}{{.}}{{/item.tags}} {{item.missing}} {{#items}}{{#first()}}F{{/first()}}{{index()}}{{/items}}",
            "{{capitalized(sub)}} {{reversed(sub)}} {{empty(sub)}} {{lowercased(item.title)}}",
        ]
        for template in templates {
            let (ours, reference) = try Self.both(["t": template], "t", value)
            #expect(ours == reference, "\(template)")
        }
    }

    static let malformed = [
        "{{#open}}never closed", "{{#a}}{{/b}}", "{{/a}}", "{{name", "{{{name}}", "{{na me}}", "{{! comment",
        "{{=<%>=}}", "{{% CONTENT_TYPE: NOPE}}", "{{<base}}{{name}}{{/base}}", "{{a(b}}", "{{a(b))}}",
    ]

    @Test(arguments: malformed)
    func rejectsWhatTheReferenceRejects(_ text: String) {
        #expect(throws: TemplateSyntaxError.self) { try Template(text) }
        #expect(throws: (any Error).self) { try MustacheTemplate(string: text) }
    }
}
