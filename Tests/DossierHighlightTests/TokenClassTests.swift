import DossierHighlight
import Testing

/// The class set is small and every class is in use.
@Suite struct TokenClassTests {
    @Test func everyClassIsProducedBySomeLanguage() throws {
        let samples: [(String, String)] = [
            ("typescript", "@Dec class A { f() { return <b x={1}>{'s'}</b> && true; } } // c"),
            ("bash", "#!/bin/sh\nexport A=$B"),
        ]
        var seen: Set<String> = []
        for (language, code) in samples {
            let html = try HTMLInspection.checkedHighlight(code, language)
            seen.formUnion(HTMLInspection.spans(html).map(\.kind))
        }
        #expect(seen == Set(TokenClass.allCases.map(\.cssClass)))
    }

    @Test func rawValuesAreTheDocumentedNames() {
        #expect(TokenClass.allCases.map(\.cssClass) == [
            "hl-kw", "hl-str", "hl-com", "hl-num", "hl-fn", "hl-type", "hl-lit", "hl-op", "hl-attr", "hl-var",
            "hl-tag", "hl-meta",
        ])
    }
}
