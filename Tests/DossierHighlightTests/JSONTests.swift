import DossierHighlight
import Testing

@Suite struct JSONTests {
    @Test func keysValuesNumbersAndLiterals() throws {
        let code = "{\n  \"name\": \"dossier\",\n  \"size\": -1.5e3,\n  \"ok\": true, \"no\": false, \"none\": null,\n  \"list\": [1, \"two\"]\n}"
        let html = try HTMLInspection.checkedHighlight(code, "json")
        HTMLInspection.expect(html, "\"name\"", is: .attribute)
        HTMLInspection.expect(html, "\"dossier\"", is: .string)
        HTMLInspection.expect(html, "-1.5e3", is: .number)
        HTMLInspection.expect(html, "true", is: .literal)
        HTMLInspection.expect(html, "false", is: .literal)
        HTMLInspection.expect(html, "null", is: .literal)
        HTMLInspection.expect(html, "\"two\"", is: .string)
        HTMLInspection.expect(html, "1", is: .number)
    }

    @Test func commentsInJSONC() throws {
        let html = try HTMLInspection.checkedHighlight("{\n  // line\n  \"a\": 1 /* block */\n}", "jsonc")
        HTMLInspection.expect(html, "// line", is: .comment)
        HTMLInspection.expect(html, "/* block */", is: .comment)
    }

    @Test func keyWithColonOnTheNextLineAndEscapedQuotes() throws {
        let html = try HTMLInspection.checkedHighlight("{\"a\\\"b\"\n  : \"c\\\\\"}", "json")
        HTMLInspection.expect(html, "\"a\\\"b\"", is: .attribute)
        HTMLInspection.expect(html, "\"c\\\\\"", is: .string)
    }

    @Test func bareKeysInJSON5() throws {
        let html = try HTMLInspection.checkedHighlight("{ key: 'v', n: Infinity }", "json5")
        HTMLInspection.expect(html, "key", is: .attribute)
        HTMLInspection.expect(html, "'v'", is: .string)
        HTMLInspection.expect(html, "Infinity", is: .number)
    }
}
