import DossierHighlight
import Testing

@Suite struct YAMLTests {
    @Test func keysSequencesAndComments() throws {
        let code = "# settings\nname: dossier  # trailing\nitems:\n  - first\n  - 'second'\n  - \"third\"\n"
        let html = try HTMLInspection.checkedHighlight(code, "yaml")
        HTMLInspection.expect(html, "# settings", is: .comment)
        HTMLInspection.expect(html, "# trailing", is: .comment)
        HTMLInspection.expect(html, "name", is: .attribute)
        HTMLInspection.expect(html, "dossier", is: .string)
        HTMLInspection.expect(html, "items", is: .attribute)
        HTMLInspection.expect(html, "-", is: .operator)
        HTMLInspection.expect(html, "first", is: .string)
        HTMLInspection.expect(html, "'second'", is: .string)
        HTMLInspection.expect(html, "\"third\"", is: .string)
    }

    @Test func literalsAndNumbers() throws {
        let html = try HTMLInspection.checkedHighlight("a: true\nb: null\nc: 3.14\nd: -2\ne: 1.2.3\nf: ~", "yml")
        HTMLInspection.expect(html, "true", is: .literal)
        HTMLInspection.expect(html, "null", is: .literal)
        HTMLInspection.expect(html, "~", is: .literal)
        HTMLInspection.expect(html, "3.14", is: .number)
        HTMLInspection.expect(html, "-2", is: .number)
        HTMLInspection.expect(html, "1.2.3", is: .string)
    }

    @Test func blockScalarsTakeTheMoreIndentedLines() throws {
        let code = "steps:\n  - run: |\n      npm ci\n      npm test: all\n\n    name: build\n  - script: >-\n      folded\nafter: 1"
        let html = try HTMLInspection.checkedHighlight(code, "yaml")
        HTMLInspection.expect(html, "|", is: .operator)
        HTMLInspection.expect(html, "npm ci", is: .string)
        HTMLInspection.expect(html, "npm test: all", is: .string)
        HTMLInspection.expect(html, "name", is: .attribute)
        HTMLInspection.expect(html, ">-", is: .operator)
        HTMLInspection.expect(html, "folded", is: .string)
        HTMLInspection.expect(html, "after", is: .attribute)
    }

    @Test func anchorsAliasesAndTags() throws {
        let html = try HTMLInspection.checkedHighlight("base: &defaults\n  a: 1\nprod:\n  <<: *defaults\n  id: !Ref Bucket", "yaml")
        HTMLInspection.expect(html, "&defaults", is: .variable)
        HTMLInspection.expect(html, "*defaults", is: .variable)
        HTMLInspection.expect(html, "!Ref", is: .meta)
        HTMLInspection.expect(html, "<<", is: .attribute)
    }

    @Test func flowCollectionsAndQuotedKeys() throws {
        let html = try HTMLInspection.checkedHighlight("\"quoted key\": [a, b, {c: d}]\nurl: http://x.io/a#b", "yaml")
        HTMLInspection.expect(html, "\"quoted key\"", is: .attribute)
        HTMLInspection.expect(html, "c", is: .attribute)
        HTMLInspection.expect(html, "d", is: .string)
        HTMLInspection.expect(html, "http://x.io/a#b", is: .string)
    }

    @Test func documentMarkers() throws {
        let html = try HTMLInspection.checkedHighlight("%YAML 1.2\n---\na: 1\n...\n", "yaml")
        HTMLInspection.expect(html, "%YAML 1.2", is: .meta)
        HTMLInspection.expect(html, "---", is: .meta)
        HTMLInspection.expect(html, "...", is: .meta)
    }
}
