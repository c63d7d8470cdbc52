import DossierDiagrams
import Testing

struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("日本語", 6), ("한국어", 6), ("ｆｕｌｌ", 8), ("🚀", 2), ("👩‍👩‍👧", 2), ("🇯🇵", 2), ("⚠️", 2), ("⚠", 1),
        ("e\u{301}", 1), ("\u{200B}", 0), ("→", 1), ("↓", 1), ("├─", 2), ("1️⃣", 2), ("", 0),
    ] as [(String, Int)])
    func widths(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func scalarTable() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x4E00)!) == 2)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x00AD)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x20000)!) == 2)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0041)!) == 1)
    }
}
