import Foundation
import Testing

/// WCAG contrast of the default theme's colour pairs, in the light and the dark theme, read
/// from the repository's templates/assets/dossier.css (each colour is `light-dark(#l, #d)`).
struct ThemeContrastTests {
    /// Body text, secondary text and links on the page and on panels.
    static let text: [ColourPair] = ["--fg", "--muted", "--accent"].flatMap { fg in
        ["--bg", "--surface"].map { ColourPair(fg, on: $0, minimum: 4.5) }
    }

    /// The numbers printed in heat-map cells.
    static let heat: [ColourPair] = (0...3).map { ColourPair("--heat-dark-text", on: "--heat-\($0)", minimum: 4.5) }
        + (4...5).map { ColourPair("--heat-light-text", on: "--heat-\($0)", minimum: 4.5) }

    /// Tier colours are graphics (bars, dots, chip borders): 3:1 against the page and the bar track.
    static let tiers: [ColourPair] = ["--tier-primary", "--tier-secondary", "--tier-developing"].flatMap { tier in
        ["--bg", "--tier-track"].map { ColourPair(tier, on: $0, minimum: 3) }
    }

    @Test(arguments: text + heat + tiers)
    func customPropertiesContrast(pair: ColourPair) throws {
        let theme = try ThemeColours.repository()
        let foreground = try #require(theme.properties[pair.foreground], "\(pair.foreground) is not a light-dark() colour on :root")
        let background = try #require(theme.properties[pair.background], "\(pair.background) is not a light-dark() colour on :root")
        for scheme in Scheme.allCases {
            let ratio = Self.contrast(foreground[scheme], background[scheme])
            #expect(ratio >= pair.minimum, "\(pair) in the \(scheme) theme: \(Self.format(ratio)):1, needs \(Self.format(pair.minimum)):1")
        }
    }

    /// Every `.hl-*` token colour on the code background.
    @Test func highlightClassesContrastWithTheCodeBackground() throws {
        let theme = try ThemeColours.repository()
        let background = try #require(theme.properties["--code-bg"], "--code-bg is not a light-dark() colour on :root")
        #expect(!theme.highlights.isEmpty, "no .hl-* rules with a light-dark() colour in dossier.css")
        for (name, colour) in theme.highlights.sorted(by: { $0.key < $1.key }) {
            for scheme in Scheme.allCases {
                let ratio = Self.contrast(colour[scheme], background[scheme])
                #expect(ratio >= 4.5, ".\(name) on --code-bg in the \(scheme) theme: \(Self.format(ratio)):1, needs 4.5:1")
            }
        }
    }

    /// The parser reads what the stylesheet says (a typo must not silently drop a pair).
    @Test func readsLightDarkPairs() throws {
        let theme = ThemeColours(css: ":root {\n  --bg: light-dark(#fff, #0d1117);\n  --x: 1rem;\n}\n.hl-kw { color: light-dark(#cf222e, #ff7b72); }")
        #expect(theme.properties["--bg"] == SchemeColour(light: RGB(hex: "#ffffff")!, dark: RGB(hex: "#0d1117")!))
        #expect(theme.properties["--x"] == nil)
        #expect(theme.highlights["hl-kw"]?.dark == RGB(hex: "#ff7b72"))
        #expect(Self.format(Self.contrast(RGB(hex: "#000")!, RGB(hex: "#fff")!)) == "21.00")
    }
}

// MARK: - Pairs and colours

extension ThemeContrastTests {
    enum Scheme: String, CaseIterable, CustomStringConvertible {
        case light, dark
        var description: String { rawValue }
    }

    struct ColourPair: CustomTestStringConvertible, CustomStringConvertible, Sendable {
        let foreground: String
        let background: String
        let minimum: Double

        init(_ foreground: String, on background: String, minimum: Double) {
            self.foreground = foreground
            self.background = background
            self.minimum = minimum
        }

        var testDescription: String { "\(foreground) on \(background)" }
        var description: String { testDescription }
    }

    struct RGB: Equatable {
        let red: Double, green: Double, blue: Double

        /// `#rgb` or `#rrggbb`.
        init?(hex: String) {
            var digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
            if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
            guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
            red = Double((value >> 16) & 0xFF) / 255
            green = Double((value >> 8) & 0xFF) / 255
            blue = Double(value & 0xFF) / 255
        }

        /// WCAG 2 relative luminance.
        var luminance: Double {
            func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
        }
    }

    struct SchemeColour: Equatable {
        let light: RGB
        let dark: RGB
        subscript(scheme: Scheme) -> RGB { scheme == .light ? light : dark }
    }

    /// The WCAG contrast ratio, 1…21.
    static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let (high, low) = a.luminance > b.luminance ? (a.luminance, b.luminance) : (b.luminance, a.luminance)
        return (high + 0.05) / (low + 0.05)
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The `light-dark()` colours of a stylesheet: custom properties on `:root` and `.hl-*` colours.
    struct ThemeColours {
        var properties: [String: SchemeColour] = [:]
        var highlights: [String: SchemeColour] = [:]

        static func repository() throws -> ThemeColours {
            let url = repositoryRoot.appendingPathComponent("templates/assets/dossier.css")
            return ThemeColours(css: try String(contentsOf: url, encoding: .utf8))
        }

        init(css: String) {
            let pair = #"light-dark\(\s*(#[0-9a-fA-F]{3,6})\s*,\s*(#[0-9a-fA-F]{3,6})\s*\)"#
            // The first `:root { … }` block (no nested braces in it).
            if let root = css.range(of: #":root\s*\{[^}]*\}"#, options: .regularExpression) {
                for match in Self.matches(#"(--[A-Za-z0-9-]+)\s*:\s*"# + pair, in: String(css[root])) {
                    if let colour = Self.colour(match[2], match[3]) { properties[match[1]] = colour }
                }
            }
            for match in Self.matches(#"\.(hl-[A-Za-z0-9-]+)\s*\{[^}]*?color\s*:\s*"# + pair, in: css) {
                if let colour = Self.colour(match[2], match[3]) { highlights[match[1]] = colour }
            }
        }

        private static func colour(_ light: String, _ dark: String) -> SchemeColour? {
            guard let l = RGB(hex: light), let d = RGB(hex: dark) else { return nil }
            return SchemeColour(light: l, dark: d)
        }

        /// Capture groups of every match, as strings (group 0 is the whole match).
        private static func matches(_ pattern: String, in text: String) -> [[String]] {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
            let ns = text as NSString
            return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
                (0..<match.numberOfRanges).map { match.range(at: $0).location == NSNotFound ? "" : ns.substring(with: match.range(at: $0)) }
            }
        }
    }
}
