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

    @Test func findsTheRangeOfTheFirstOccurrence() throws {
        let text = "Lambda → RDS → S3"
        let range = try #require(text.byteRange(of: "→"))
        #expect(text[..<range.lowerBound] == "Lambda ")
        #expect(text[range.upperBound...] == " RDS → S3")
        #expect(text.byteRange(of: "DynamoDB") == nil)
        #expect(text.byteRange(of: "").map { text.distance(from: text.startIndex, to: $0.lowerBound) } == 0)
        // In a substring, the range is the substring's own, from where it starts.
        let tail = text[try #require(text.byteRange(of: "RDS")).lowerBound...]
        let second = try #require(tail.byteRange(of: "→"))
        #expect(tail[second.upperBound...] == " S3")
        #expect(tail.byteRange(of: "Lambda") == nil)
    }
}
