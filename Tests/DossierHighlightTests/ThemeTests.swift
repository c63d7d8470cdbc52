import DossierHighlight
import Testing

/// The default colours are readable: WCAG AA (4.5:1) against the code backgrounds.
@Suite struct ThemeTests {
    /// The WCAG 2 relative luminance of a `#rrggbb` colour.
    static func luminance(_ hex: String) throws -> Double {
        let digits = Array(hex.dropFirst())
        try #require(hex.first == "#" && digits.count == 6, "not #rrggbb: \(hex)")
        func channel(_ offset: Int) throws -> Double {
            let value = try #require(UInt8(String(digits[offset..<offset + 2]), radix: 16))
            let srgb = Double(value) / 255
            return srgb <= 0.040_45 ? srgb / 12.92 : pow((srgb + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * (try channel(0)) + 0.7152 * (try channel(2)) + 0.0722 * (try channel(4))
    }

    static func contrast(_ first: String, _ second: String) throws -> Double {
        let (a, b) = (try luminance(first), try luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    static func pow(_ base: Double, _ exponent: Double) -> Double {
        // exp(exponent * ln(base)) without Foundation; base is in (0, 1].
        var logarithm = 0.0
        var x = (base - 1) / (base + 1)
        let square = x * x
        var term = 1.0
        while abs(x) > 1e-17 {
            logarithm += x / term
            x *= square
            term += 2
        }
        logarithm *= 2
        var result = 1.0
        var power = 1.0
        for step in 1...60 {
            power *= exponent * logarithm / Double(step)
            result += power
        }
        return result
    }

    @Test func theContrastFormulaMatchesKnownValues() throws {
        #expect(abs(try ThemeTests.contrast("#000000", "#ffffff") - 21) < 0.01)
        #expect(abs(try ThemeTests.contrast("#777777", "#ffffff") - 4.48) < 0.01)
    }

    @Test(arguments: TokenClass.allCases)
    func lightColourMeetsAAOnTheLightBackground(kind: TokenClass) throws {
        let colors = HighlightTheme.colors(for: kind)
        let ratio = try ThemeTests.contrast(colors.light, HighlightTheme.lightBackground)
        #expect(ratio >= 4.5, "\(kind.cssClass) \(colors.light) on \(HighlightTheme.lightBackground): \(ratio)")
    }

    @Test(arguments: TokenClass.allCases)
    func darkColourMeetsAAOnTheDarkBackground(kind: TokenClass) throws {
        let colors = HighlightTheme.colors(for: kind)
        let ratio = try ThemeTests.contrast(colors.dark, HighlightTheme.darkBackground)
        #expect(ratio >= 4.5, "\(kind.cssClass) \(colors.dark) on \(HighlightTheme.darkBackground): \(ratio)")
    }

    @Test func backgroundsAreTheOnesTheBriefNames() {
        #expect(HighlightTheme.lightBackground == "#f6f8fa")
        #expect(HighlightTheme.darkBackground == "#161b22")
    }

    @Test(arguments: TokenClass.allCases)
    func stylesheetColoursTheClassInEveryTheme(kind: TokenClass) {
        let css = HighlightTheme.stylesheet
        let colors = HighlightTheme.colors(for: kind)
        let name = kind.cssClass
        #expect(css.contains(".\(name) { color: var(--\(name), \(colors.light)); }"))
        #expect(css.contains("  .\(name) { color: var(--\(name)-dark, \(colors.dark)); }"))
        #expect(css.contains("[data-theme=\"dark\"] .\(name) { color: var(--\(name)-dark, \(colors.dark)); }"))
        #expect(css.contains("[data-theme=\"light\"] .\(name) { color: var(--\(name), \(colors.light)); }"))
    }

    @Test func stylesheetHasADarkMediaQueryAndBalancedBraces() {
        let css = HighlightTheme.stylesheet
        #expect(css.contains("@media (prefers-color-scheme: dark) {"))
        #expect(css.filter { $0 == "{" }.count == css.filter { $0 == "}" }.count)
    }

    @Test func classNamesAreShortPrefixedAndDistinct() {
        let names = TokenClass.allCases.map(\.cssClass)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.hasPrefix("hl-") && $0.count <= 7 })
    }
}
