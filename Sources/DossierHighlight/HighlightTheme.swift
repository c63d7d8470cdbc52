/// The default colours of the highlight classes, and the stylesheet that applies them.
///
/// Every colour reaches at least WCAG AA contrast (4.5:1) for normal text against the
/// code background it is meant for: ``lightBackground`` or ``darkBackground``. A site
/// can restyle without editing this: each rule reads a custom property first
/// (`--hl-kw` for light, `--hl-kw-dark` for dark) and falls back to these values.
public enum HighlightTheme {
    /// A token class's colour in each theme, as `#rrggbb`.
    public struct Colors: Sendable, Equatable {
        public let light: String
        public let dark: String
    }

    /// The code background the light colours are chosen against.
    public static let lightBackground = "#f6f8fa"

    /// The code background the dark colours are chosen against.
    public static let darkBackground = "#161b22"

    /// The default colours, one pair per token class.
    public static func colors(for kind: TokenClass) -> Colors {
        switch kind {
        case .keyword: Colors(light: "#cf222e", dark: "#ff7b72")
        case .string: Colors(light: "#0a3069", dark: "#a5d6ff")
        case .comment: Colors(light: "#57606a", dark: "#8b949e")
        case .number: Colors(light: "#0550ae", dark: "#79c0ff")
        case .function: Colors(light: "#6f42c1", dark: "#d2a8ff")
        case .type: Colors(light: "#953800", dark: "#ffa657")
        case .literal: Colors(light: "#0b6e74", dark: "#56d4dd")
        case .operator: Colors(light: "#b31d28", dark: "#ffa198")
        case .attribute: Colors(light: "#6a5300", dark: "#e3b341")
        case .variable: Colors(light: "#a0106b", dark: "#ff9bce")
        case .tag: Colors(light: "#116329", dark: "#7ee787")
        case .meta: Colors(light: "#4d5a7c", dark: "#bdc4cc")
        }
    }

    /// A stylesheet colouring every class: light by default, dark under
    /// `prefers-color-scheme: dark` unless an ancestor has `data-theme="light"`, and
    /// dark under any ancestor with `data-theme="dark"`. Comments are also italic, so
    /// they stand apart without relying on colour alone.
    public static let stylesheet: String = {
        var lines = ["/* Dossier syntax highlighting. Override a colour with --hl-<kind> or --hl-<kind>-dark. */"]
        lines += TokenClass.allCases.map { rule(selector: ".\($0.cssClass)", kind: $0, dark: false) }
        lines.append(".hl-com { font-style: italic; }")
        lines.append("@media (prefers-color-scheme: dark) {")
        lines += TokenClass.allCases.map { "  " + rule(selector: ".\($0.cssClass)", kind: $0, dark: true) }
        lines.append("}")
        lines += TokenClass.allCases.map { rule(selector: "[data-theme=\"dark\"] .\($0.cssClass)", kind: $0, dark: true) }
        lines += TokenClass.allCases.map { rule(selector: "[data-theme=\"light\"] .\($0.cssClass)", kind: $0, dark: false) }
        return lines.joined(separator: "\n") + "\n"
    }()

    private static func rule(selector: String, kind: TokenClass, dark: Bool) -> String {
        let colors = colors(for: kind)
        let property = "--\(kind.cssClass)" + (dark ? "-dark" : "")
        return "\(selector) { color: var(\(property), \(dark ? colors.dark : colors.light)); }"
    }
}
