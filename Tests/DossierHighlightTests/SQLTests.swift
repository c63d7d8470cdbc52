import DossierHighlight
import Testing

@Suite struct SQLTests {
    @Test func selectWithAggregateStringAndComment() throws {
        let html = try HTMLInspection.checkedHighlight("SELECT a, COUNT(*) FROM t WHERE b = 'x' -- c", "sql")
        HTMLInspection.expect(html, "SELECT", is: .keyword)
        HTMLInspection.expect(html, "COUNT", is: .function)
        HTMLInspection.expect(html, "FROM", is: .keyword)
        HTMLInspection.expect(html, "WHERE", is: .keyword)
        HTMLInspection.expect(html, "'x'", is: .string)
        HTMLInspection.expect(html, "-- c", is: .comment)
        HTMLInspection.expectPlain(html, "a")
    }

    @Test(arguments: ["select", "Select", "SELECT", "sElEcT"])
    func keywordsAreCaseInsensitive(spelling: String) throws {
        let html = try HTMLInspection.checkedHighlight("\(spelling) 1", "postgresql")
        HTMLInspection.expect(html, spelling, is: .keyword)
    }

    @Test func blockCommentsTypesAndCasts() throws {
        let html = try HTMLInspection.checkedHighlight("/* multi\nline */ CREATE TABLE t (id INT, v VARCHAR(10)); SELECT x::date", "snowflake")
        HTMLInspection.expect(html, "/* multi", is: .comment)
        HTMLInspection.expect(html, "line */", is: .comment)
        HTMLInspection.expect(html, "INT", is: .type)
        HTMLInspection.expect(html, "VARCHAR", is: .type)
        HTMLInspection.expect(html, "::", is: .operator)
    }

    @Test func quotedIdentifiersEscapesAndDollarQuotes() throws {
        let html = try HTMLInspection.checkedHighlight("SELECT \"--not comment\", 'it''s' FROM x; $$ body -- in $$", "sql")
        HTMLInspection.expect(html, "'it''s'", is: .string)
        HTMLInspection.expect(html, "$$ body -- in $$", is: .string)
        #expect(HTMLInspection.spans(html).allSatisfy { $0.kind != "hl-com" })
    }

    @Test func columnNamesAfterADotAreNotKeywords() throws {
        let html = try HTMLInspection.checkedHighlight("select o.date, o.user from orders o", "sql")
        HTMLInspection.expectPlain(html, "date")
        HTMLInspection.expectPlain(html, "user")
    }

    @Test func dbtJinja() throws {
        let html = try HTMLInspection.checkedHighlight("{{ config(materialized='table') }}\n{# note #}\nselect * from {{ ref('orders') }} {%- if x -%}", "sql")
        HTMLInspection.expect(html, "{{", is: .meta)
        HTMLInspection.expect(html, "}}", is: .meta)
        HTMLInspection.expect(html, "{%-", is: .meta)
        HTMLInspection.expect(html, "-%}", is: .meta)
        HTMLInspection.expect(html, "{# note #}", is: .comment)
        HTMLInspection.expect(html, "ref", is: .function)
        HTMLInspection.expect(html, "'orders'", is: .string)
    }

    @Test func literalsNumbersAndParameters() throws {
        let html = try HTMLInspection.checkedHighlight("where a is null and b = true and c > 1.5 and d = :p and e = $1", "mysql")
        HTMLInspection.expect(html, "null", is: .literal)
        HTMLInspection.expect(html, "true", is: .literal)
        HTMLInspection.expect(html, "1.5", is: .number)
        HTMLInspection.expect(html, ":p", is: .variable)
        HTMLInspection.expect(html, "$1", is: .variable)
    }
}
