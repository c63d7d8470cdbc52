import DossierHighlight
import Testing

@Suite struct SwiftTests {
    @Test func constantWithTypeAnnotation() throws {
        let html = try HTMLInspection.checkedHighlight("let x: Int = 1", "swift")
        HTMLInspection.expect(html, "let", is: .keyword)
        HTMLInspection.expect(html, "Int", is: .type)
        HTMLInspection.expect(html, "1", is: .number)
        HTMLInspection.expectPlain(html, "x")
    }

    @Test func asyncThrowingFunction() throws {
        let html = try HTMLInspection.checkedHighlight("func f() async throws -> String", "swift")
        HTMLInspection.expect(html, "func", is: .keyword)
        HTMLInspection.expect(html, "f", is: .function)
        HTMLInspection.expect(html, "async", is: .keyword)
        HTMLInspection.expect(html, "throws", is: .keyword)
        HTMLInspection.expect(html, "->", is: .operator)
        HTMLInspection.expect(html, "String", is: .type)
    }

    @Test func attributesAndDirectives() throws {
        let html = try HTMLInspection.checkedHighlight("@main\nstruct App {}\n#if DEBUG\nlet v = #file\n#endif", "swift")
        HTMLInspection.expect(html, "@main", is: .meta)
        HTMLInspection.expect(html, "#if", is: .meta)
        HTMLInspection.expect(html, "#endif", is: .meta)
        HTMLInspection.expect(html, "#file", is: .meta)
        HTMLInspection.expect(html, "App", is: .type)
        HTMLInspection.expectPlain(html, "DEBUG")
    }

    @Test func stringInterpolationIsCode() throws {
        let html = try HTMLInspection.checkedHighlight("print(\"total \\(a + count(b)) items\")", "swift")
        HTMLInspection.expect(html, "\"total ", is: .string)
        HTMLInspection.expect(html, "\\(", is: .operator)
        HTMLInspection.expect(html, "count", is: .function)
        HTMLInspection.expect(html, " items\"", is: .string)
        HTMLInspection.expectPlain(html, "a")
    }

    @Test func rawAndMultilineStrings() throws {
        let code = "let r = #\"a \"quoted\" \\(no) \\#(yes)\"#\nlet m = \"\"\"\n  line \"one\"\n  \\(two)\n  \"\"\"\nlet z = nil"
        let html = try HTMLInspection.checkedHighlight(code, "swift")
        HTMLInspection.expect(html, "#\"a \"quoted\" \\(no) ", is: .string)
        HTMLInspection.expect(html, "\\#(", is: .operator)
        HTMLInspection.expect(html, "  line \"one\"", is: .string)
        HTMLInspection.expect(html, "nil", is: .literal)
    }

    @Test func nestedBlockComments() throws {
        let html = try HTMLInspection.checkedHighlight("/* a /* b */ still */ let y = true", "swift")
        HTMLInspection.expect(html, "/* a /* b */ still */", is: .comment)
        HTMLInspection.expect(html, "true", is: .literal)
    }
}
