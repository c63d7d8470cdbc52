import DossierMustache
import Testing

/// A template that does not parse is reported at the line and column where reading stopped,
/// with a message that names the tag.
@Suite("Template syntax errors")
struct SyntaxErrorTests {
    static func error(_ text: String) -> TemplateSyntaxError? {
        do {
            _ = try Template(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func aClosingTagThatMatchesNothingIsAtItsName() throws {
        let error = try #require(Self.error("<p>fine</p>\n<p>{{#open}}</p>\n  {{/other}}\n"))
        #expect(error.line == 3)
        #expect(error.column == 6)
        #expect(error.message == "‘{{/other}}’ closes a section that is not open; expected ‘{{/open}}’")
    }

    @Test func anUnclosedSectionIsReportedAtTheEnd() throws {
        let error = try #require(Self.error("a\n{{#items}}\n<li>{{name}}</li>\n"))
        #expect(error.line == 4)
        #expect(error.message == "‘{{#items}}’ is not closed")
    }

    @Test func unclosedTagsAreNamedWithTheirSigil() {
        #expect(Self.error("{{^none}}x")?.message == "‘{{^none}}’ is not closed")
        #expect(Self.error("{{<base}}{{$title}}x{{/base}}")?.message == "‘{{/base}}’ closes a section that is not open; expected ‘{{/title}}’")
        #expect(Self.error("{{<base}}{{$title}}x")?.message == "‘{{$title}}’ is not closed")
        #expect(Self.error("{{<base}}{{$title}}x{{/title}}")?.message == "‘{{<base}}’ is not closed")
        #expect(Self.error("a{{/a}}")?.message == "‘{{/a}}’ closes a section that is not open")
    }

    @Test func aParentMayHoldOnlyBlocks() throws {
        let error = try #require(Self.error("{{<base}}\n{{$a}}x{{/a}}\n{{name}}\n{{/base}}"))
        #expect(error.line == 3)
        #expect(error.message.contains("only blocks"))
    }

    @Test func aTagMissingItsClosingBracesIsAtWhereTheyShouldBe() throws {
        let error = try #require(Self.error("<ul>{{#items}}<li>{{name}</li>{{/items}}</ul>"))
        #expect(error.line == 1)
        #expect(error.column == 25)
        #expect(error.message == "expected ‘}}’ after ‘name’")
        #expect(Self.error("a {{ @ }}")?.message == "expected a name and ‘}}’ after ‘{{’")
        #expect(Self.error("{{> partials/x y}}")?.message == "expected ‘}}’ after the template name ‘partials/x’")
    }

    @Test func anUnknownPragmaIsAnError() throws {
        let error = try #require(Self.error("{{% CONTENT_TYPE: XML}}"))
        #expect(error.message.contains("CONTENT_TYPE"))
    }

    @Test func aValidTemplateHasNoError() {
        #expect(Self.error("{{#a}}{{b}}{{/a}}{{^c}}{{{d}}}{{/c}}{{! e }}{{> f}}{{=<% %>=}}<%g%>") == nil)
    }
}
