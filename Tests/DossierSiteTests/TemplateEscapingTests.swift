import DossierCore
import DossierRender
import Foundation
import Testing

/// Templates loaded through `TemplateSet` escape `{{value}}` as swift-mustache's HTML content
/// type did, keep a template's first standalone line out, honour the TEXT pragma, and report
/// syntax errors at their line in the file.
@Suite("Template escaping")
struct TemplateEscapingTests {
    static func load(_ templates: [String: String]) throws -> (TemplateSet, [Diagnostic]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-escaping-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in templates {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name + ".mustache"))
        }
        return TemplateSet.load(overrides: folder)
    }

    @Test func escapesTheCharactersSwiftMustacheEscapes() throws {
        let (set, diagnostics) = try Self.load(["x": "{{v}}|{{{v}}}|{{&v}}"])
        #expect(diagnostics.isEmpty)
        let value = "<a href=\"x\">Tom & Jerry's</a> é — 🙂"
        #expect(set.render("x", ["v": value])
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; é — 🙂|\(value)|\(value)")
        #expect(set.render("x", ["v": "plain"]) == "plain|plain|plain")
        // Specials side by side and at the end; text only after the first one.
        #expect(set.render("x", ["v": "&<>"]) == "&amp;&lt;&gt;|&<>|&<>")
        #expect(set.render("x", ["v": "a'"]) == "a&#39;|a'|a'")
        #expect(set.render("x", ["v": 42]) == "42|42|42")
    }

    @Test func aStandaloneTagOnTheFirstLineKeepsItsLineOut() throws {
        let (set, _) = try Self.load(["list": "{{#items}}\n- {{.}}\n{{/items}}\nend\n", "outer": "{{> list}}"])
        #expect(set.render("list", ["items": ["a", "<b>"]]) == "- a\n- &lt;b&gt;\nend\n")
        #expect(set.render("outer", ["items": ["a"]]) == "- a\nend\n")
    }

    @Test func aTemplateMayStillChooseTextOutput() throws {
        let (set, _) = try Self.load(["t": "{{% CONTENT_TYPE: TEXT}}\n{{v}}"])
        #expect(set.render("t", ["v": "a < b"]) == "a < b")
    }

    @Test func syntaxErrorsAreAtTheirLineInTheFile() throws {
        let (_, diagnostics) = try Self.load(["page": "<p>fine</p>\n<p>{{#open}}</p>\n{{/other}}\n"])
        let error = try #require(diagnostics.first { $0.code == "template.syntax" })
        #expect(error.location?.path == "templates/page.mustache")
        #expect(error.location?.line == 3, "\(error)")
    }
}
