import DossierModel

/// How numbers and levels read on pages, the same everywhere.
enum Format {
    /// `0.92`.
    static func confidence(_ value: Double) -> String { String(format2: value) }

    /// `92`: a width percentage for bars, clamped to 0…100.
    static func percent(_ value: Double) -> String { String(Int((max(0, min(1, value)) * 100).rounded())) }

    /// `100%`, `7%`, `12.5%` for a rate: rounded to two decimals first, so `0.07 × 100`
    /// (7.000000000000001 in binary floating point) reads 7%.
    static func rate(_ value: Double) -> String {
        let percent = (value * 10_000).rounded() / 100
        return percent == percent.rounded() ? "\(Int(percent))%" : String(format2: percent) + "%"
    }

    /// What a Mermaid diagram type is called in prose: `sequenceDiagram` → “sequence
    /// diagram”, `gantt` → “Gantt chart”; an unknown type keeps its keyword.
    static func mermaidKind(_ type: String) -> String {
        let names = [
            "sequenceDiagram": "sequence diagram", "gantt": "Gantt chart", "pie": "pie chart",
            "classDiagram": "class diagram", "stateDiagram": "state diagram", "stateDiagram-v2": "state diagram",
            "erDiagram": "entity-relationship diagram", "journey": "user journey", "gitGraph": "git graph",
            "mindmap": "mind map", "timeline": "timeline", "quadrantChart": "quadrant chart",
            "requirementDiagram": "requirement diagram", "sankey-beta": "Sankey diagram", "xychart-beta": "XY chart",
            "block-beta": "block diagram", "packet-beta": "packet diagram", "architecture-beta": "architecture diagram",
            "kanban": "kanban board", "C4Context": "C4 diagram", "C4Container": "C4 diagram",
            "C4Component": "C4 diagram", "C4Dynamic": "C4 diagram", "C4Deployment": "C4 diagram",
        ]
        return names[type] ?? "\(type) diagram"
    }

    /// The standard band a confidence falls in, for colours: ≥0.85 primary, ≥0.60
    /// secondary, else developing.
    static func level(_ value: Double) -> TierLevel {
        if value >= 0.85 - 1e-9 { return .primary }
        if value >= 0.60 - 1e-9 { return .secondary }
        return .developing
    }

    /// A step of the heat scale, 0 (lightest) to 5 (darkest), for a confidence.
    static func heat(_ value: Double) -> Int {
        switch value {
        case ..<0.4: 0
        case ..<0.6: 1
        case ..<0.7: 2
        case ..<0.8: 3
        case ..<0.9: 4
        default: 5
        }
    }

    /// `$10–20/month`, `$5/month`, or the text as written when it was not read.
    static func cost(_ cost: Cost?) -> String? {
        guard let cost else { return nil }
        guard cost.parsed, let min = cost.min else { return cost.text }
        // “Free (runs inside the existing CI)” reads as free, not as a bare 0.
        if min == 0 && (cost.max ?? 0) == 0 && cost.currency == nil { return "Free" }
        let symbol: String = switch cost.currency {
        case "USD": "$"
        case "EUR": "€"
        case "GBP": "£"
        case "JPY": "¥"
        default: cost.currency.map { $0 + " " } ?? ""
        }
        func amount(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(format2: value)
        }
        var text = symbol + amount(min)
        if let max = cost.max, max != min { text += "–" + amount(max) }
        if let period = cost.period { text += "/" + period }
        if let unit = cost.unit { text += " per " + unit }
        return text
    }

    /// A CSS colour for a front matter `color`: named colours map to shades readable on both
    /// themes; `#rgb`/`#rrggbb` pass through; anything else is ignored.
    static func accent(_ value: String?) -> String? {
        guard let value = value?.lowercased() else { return nil }
        let named: [String: String] = [
            "green": "#1a7f37", "blue": "#0969da", "purple": "#8250df", "violet": "#8250df", "yellow": "#9a6700",
            "orange": "#bc4c00", "red": "#cf222e", "cyan": "#1b7c83", "teal": "#1b7c83", "pink": "#bf3989",
            "magenta": "#bf3989", "gray": "#6e7781", "grey": "#6e7781", "brown": "#8a4b08", "indigo": "#4f46e5",
        ]
        if let color = named[value] { return color }
        let hex = value.dropFirst()
        if value.hasPrefix("#"), hex.count == 3 || hex.count == 6, hex.allSatisfy(\.isHexDigit) { return value }
        return nil
    }
}
