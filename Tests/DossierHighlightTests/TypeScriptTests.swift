import DossierHighlight
import Testing

@Suite struct TypeScriptTests {
    @Test func declarationWithTypeAnnotationAndComment() throws {
        let html = try HTMLInspection.checkedHighlight("const x: number = 42; // hi", "typescript")
        HTMLInspection.expect(html, "const", is: .keyword)
        HTMLInspection.expect(html, "number", is: .type)
        HTMLInspection.expect(html, "42", is: .number)
        HTMLInspection.expect(html, "// hi", is: .comment)
        HTMLInspection.expect(html, "=", is: .operator)
        HTMLInspection.expectPlain(html, "x")
    }

    @Test func importFromAModule() throws {
        let html = try HTMLInspection.checkedHighlight("import { Stack } from 'aws-cdk-lib';", "ts")
        HTMLInspection.expect(html, "import", is: .keyword)
        HTMLInspection.expect(html, "from", is: .keyword)
        HTMLInspection.expect(html, "'aws-cdk-lib'", is: .string)
        HTMLInspection.expect(html, "Stack", is: .type)
    }

    @Test func templateLiteralInterpolationIsCode() throws {
        let html = try HTMLInspection.checkedHighlight("const s = `total: ${a + 1} items`;", "ts")
        HTMLInspection.expect(html, "`total: ", is: .string)
        HTMLInspection.expect(html, "${", is: .operator)
        HTMLInspection.expect(html, "1", is: .number)
        HTMLInspection.expect(html, "+", is: .operator)
        HTMLInspection.expect(html, " items`", is: .string)
        HTMLInspection.expectPlain(html, "a")
    }

    @Test func nestedTemplatesAndBracesInsideInterpolation() throws {
        let html = try HTMLInspection.checkedHighlight("`a ${ {k: `b ${c}`}.k } d`; const z = 1", "js")
        HTMLInspection.expect(html, "`b ", is: .string)
        HTMLInspection.expect(html, " d`", is: .string)
        HTMLInspection.expect(html, "const", is: .keyword)
    }

    @Test func jsxTagsAttributesAndExpressions() throws {
        let html = try HTMLInspection.checkedHighlight("const el = <Button onClick={go}>Hi</Button>;", "tsx")
        #expect(HTMLInspection.kinds(of: "Button", in: html) == ["hl-tag", "hl-tag"])
        HTMLInspection.expect(html, "onClick", is: .attribute)
        HTMLInspection.expectPlain(html, "Hi")
        HTMLInspection.expectPlain(html, "go")
    }

    @Test func jsxNestingStringsFragmentsAndSelfClosing() throws {
        let code = """
            return (
              <>
                <div className="box" data-id='7'>{items.map(i => <Item key={i.id} {...i} />)}</div>
              </>
            );
            """
        let html = try HTMLInspection.checkedHighlight(code, "jsx")
        HTMLInspection.expect(html, "div", is: .tag)
        HTMLInspection.expect(html, "Item", is: .tag)
        HTMLInspection.expect(html, "className", is: .attribute)
        HTMLInspection.expect(html, "data-id", is: .attribute)
        HTMLInspection.expect(html, "\"box\"", is: .string)
        HTMLInspection.expect(html, "map", is: .function)
        HTMLInspection.expect(html, "return", is: .keyword)
    }

    @Test func genericsAreNotJSX() throws {
        let html = try HTMLInspection.checkedHighlight(
            "const f = <T,>(x: T) => x; const g = <T>(y: T) => y; let a: Array<string> = []; const n = 1", "ts")
        HTMLInspection.expect(html, "string", is: .type)
        HTMLInspection.expect(html, "Array", is: .type)
        #expect(HTMLInspection.kinds(of: "const", in: html) == ["hl-kw", "hl-kw", "hl-kw"])
        #expect(HTMLInspection.kinds(of: "T", in: html).allSatisfy { $0 != "hl-tag" })
    }

    @Test func regexLiteralsVersusDivision() throws {
        let html = try HTMLInspection.checkedHighlight("const r = /a'b[/]c/g; const q = total / count / 2;", "js")
        HTMLInspection.expect(html, "/a'b[/]c/g", is: .string)
        #expect(HTMLInspection.kinds(of: "/", in: html) == ["hl-op", "hl-op"])
    }

    @Test func namesFunctionsClassesDecoratorsAndLiterals() throws {
        let code = """
            @Injectable()
            export class Service extends Base implements Api {
              async load(id: string): Promise<void> { return fetchIt(id) ?? null; }
            }
            function helper() { return this.x === undefined || true; }
            """
        let html = try HTMLInspection.checkedHighlight(code, "typescript")
        HTMLInspection.expect(html, "@Injectable", is: .meta)
        HTMLInspection.expect(html, "Service", is: .type)
        HTMLInspection.expect(html, "Base", is: .type)
        HTMLInspection.expect(html, "Api", is: .type)
        HTMLInspection.expect(html, "async", is: .keyword)
        HTMLInspection.expect(html, "load", is: .function)
        HTMLInspection.expect(html, "fetchIt", is: .function)
        HTMLInspection.expect(html, "helper", is: .function)
        HTMLInspection.expect(html, "null", is: .literal)
        HTMLInspection.expect(html, "undefined", is: .literal)
        HTMLInspection.expect(html, "true", is: .literal)
    }

    @Test func contextualKeywordsAreKeywordsOnlyWhereTheyCanBe() throws {
        let html = try HTMLInspection.checkedHighlight("type Id = string; const o = { type: 1, from: 2 }; o.type = 3", "ts")
        #expect(HTMLInspection.kinds(of: "type", in: html) == ["hl-kw"])
        HTMLInspection.expectPlain(html, "from")
    }

    @Test func propertyNamesThatSpellKeywordsStayPlain() throws {
        let html = try HTMLInspection.checkedHighlight("module.exports.default = x.class", "js")
        HTMLInspection.expectPlain(html, "default")
        HTMLInspection.expectPlain(html, "class")
    }

    @Test func unterminatedStringEndsAtTheLine() throws {
        let html = try HTMLInspection.checkedHighlight("const s = 'open\nconst t = 1", "ts")
        HTMLInspection.expect(html, "'open", is: .string)
        #expect(HTMLInspection.kinds(of: "const", in: html) == ["hl-kw", "hl-kw"])
    }

    @Test func unterminatedBlockCommentRunsToTheEnd() throws {
        let html = try HTMLInspection.checkedHighlight("a /* open\nconst b", "js")
        #expect(HTMLInspection.kinds(of: "const b", in: html) == ["hl-com"])
    }
}
