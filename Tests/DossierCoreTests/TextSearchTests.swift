import DossierCore
import Testing

@Suite struct TextSearchTests {
    @Test func findsLiteralTextAnywhere() {
        #expect("works with dbt-expert".includes("dbt"))
        #expect("works with dbt-expert".includes("works"))
        #expect("works with dbt-expert".includes("expert"))
        #expect("abc".includes(""))
        #expect(!"abc".includes("abcd"))
        #expect(!"ab".includes("bc"))
        #expect(!"aaab".includes("aac"))
        #expect("aaab".includes("aab"))
    }

    @Test func comparesUTF8LiterallyLikeFoundation() {
        #expect("Lambda → RDS".includes("→"))
        #expect(!"Lambda -> RDS".includes("→"))
        #expect("Café ☕️ bar"[...].includes("é ☕️"))
        // Literal: a decomposed é is different text, as it is for NSString's literal search.
        #expect(!"Cafe\u{301}".includes("Café"))
    }
}
