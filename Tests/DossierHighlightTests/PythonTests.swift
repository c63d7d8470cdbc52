import DossierHighlight
import Testing

@Suite struct PythonTests {
    @Test func functionDefinition() throws {
        let html = try HTMLInspection.checkedHighlight("def handler(event, context):\n    return None", "python")
        HTMLInspection.expect(html, "def", is: .keyword)
        HTMLInspection.expect(html, "handler", is: .function)
        HTMLInspection.expect(html, "return", is: .keyword)
        HTMLInspection.expect(html, "None", is: .literal)
        HTMLInspection.expectPlain(html, "event")
    }

    @Test func decoratorsAreMetaButMatrixMultiplicationIsAnOperator() throws {
        let html = try HTMLInspection.checkedHighlight("@app.route('/x')\n@dataclass\nclass Point:\n    z = a @ b", "py")
        HTMLInspection.expect(html, "@app.route", is: .meta)
        HTMLInspection.expect(html, "@dataclass", is: .meta)
        HTMLInspection.expect(html, "Point", is: .type)
        HTMLInspection.expect(html, "@", is: .operator)
    }

    @Test func fStringFieldsAreCode() throws {
        let html = try HTMLInspection.checkedHighlight("msg = f\"hello {name.upper()} {{x}} {n:>10}\"", "python")
        HTMLInspection.expect(html, "f\"hello ", is: .string)
        HTMLInspection.expect(html, "{", is: .operator)
        HTMLInspection.expect(html, "upper", is: .function)
        HTMLInspection.expect(html, ">10", is: .string)
        HTMLInspection.expect(html, " {{x}} ", is: .string)
        HTMLInspection.expectPlain(html, "name")
    }

    @Test func nestedFStringsWithOtherQuotes() throws {
        let html = try HTMLInspection.checkedHighlight("s = f'{d[\"k\"]} and {f\"{x}\"}' ; y = 1", "python")
        HTMLInspection.expect(html, "\"k\"", is: .string)
        HTMLInspection.expect(html, "1", is: .number)
    }

    @Test func tripleQuotedStringsSpanLines() throws {
        let code = "doc = \"\"\"First line\nsays 'hi' and \"x\"\n\"\"\"\nvalue = True"
        let html = try HTMLInspection.checkedHighlight(code, "python")
        HTMLInspection.expect(html, "says 'hi' and \"x\"", is: .string)
        HTMLInspection.expect(html, "True", is: .literal)
        HTMLInspection.expectPlain(html, "value")
    }

    @Test func prefixedStringsAndNumbers() throws {
        let html = try HTMLInspection.checkedHighlight("a = rb'\\d+' + b\"x\" ; n = 0x1F + 1_000 + 2.5e-3 + 3j", "python")
        HTMLInspection.expect(html, "rb'\\d+'", is: .string)
        HTMLInspection.expect(html, "b\"x\"", is: .string)
        HTMLInspection.expect(html, "0x1F", is: .number)
        HTMLInspection.expect(html, "1_000", is: .number)
        HTMLInspection.expect(html, "2.5e-3", is: .number)
        HTMLInspection.expect(html, "3j", is: .number)
    }

    @Test func commentsAndBuiltinTypes() throws {
        let html = try HTMLInspection.checkedHighlight("x: int = len(items)  # count them", "python")
        HTMLInspection.expect(html, "# count them", is: .comment)
        HTMLInspection.expect(html, "int", is: .type)
        HTMLInspection.expect(html, "len", is: .function)
    }

    @Test func unterminatedFStringEndsAtTheLine() throws {
        let html = try HTMLInspection.checkedHighlight("s = f\"{oops\nimport os", "python")
        HTMLInspection.expect(html, "import", is: .keyword)
    }
}
