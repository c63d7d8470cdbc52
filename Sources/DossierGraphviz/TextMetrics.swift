/// Estimates how wide a line of text is when a browser draws it, so no box is too narrow.
///
/// Graphviz measures labels itself — with Pango and whatever font fontconfig picks where the
/// Pango plugin is installed, else with built-in Times or Arial tables — but the browser
/// draws them in the site's `system-ui` font, which Graphviz never sees. The widths here are
/// DejaVu Sans's advance widths, wider than the usual UI fonts (San Francisco, Segoe UI,
/// Roboto, Cantarell, Ubuntu), so a box sized from them holds its label in any of those. They
/// are a minimum size for each node (`DiagramPlan`); Graphviz's own measurement wins only
/// where it is wider, so on most machines node sizes, and the layout, do not depend on
/// which fonts are installed.
enum TextMetrics {
    /// Advance widths of U+0020 … U+007E in thousandths of an em (DejaVu Sans).
    private static let ascii: [Int] = [
        315, 397, 458, 840, 637, 953, 780, 278, 390, 390, 502, 840, 315, 360, 315, 337, // space … /
        637, 637, 637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 840, 840, 840, 532, // 0 … ?
        998, 711, 682, 697, 772, 630, 578, 772, 750, 292, 292, 652, 555, 863, 750, 787, // @ … O
        600, 787, 697, 637, 594, 735, 682, 990, 682, 607, 682, 390, 337, 390, 840, 502, // P … _
        502, 615, 637, 547, 637, 613, 345, 637, 637, 278, 278, 578, 278, 975, 637, 611, // ` … o
        637, 637, 390, 517, 390, 637, 593, 818, 593, 593, 525, 637, 337, 637, 840,      // p … ~
    ]

    /// The width of `line` in points (SVG user units) at `fontSize`.
    static func width<S: StringProtocol>(of line: S, fontSize: Double) -> Double {
        var thousandths = 0
        for character in line {
            thousandths += width(of: character)
        }
        return Double(thousandths) / 1000 * fontSize
    }

    /// One user-perceived character, in thousandths of an em.
    private static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count > 1 && scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) {
            return 1300 // emoji sequences: colour-emoji fonts draw them about 1.2 em wide
        }
        let value = first.value
        switch value {
        case 0x20...0x7E:
            return ascii[Int(value) - 0x20]
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F:
            return 0 // combining marks, zero-width spaces and joiners, variation selectors
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 1000 // Hangul, CJK and full-width forms: one em in the fonts that have them
        case 0x1F000...0x1FAFF:
            return 1300 // emoji and pictographs
        default:
            return first.properties.isEmojiPresentation ? 1300 : 780
        }
    }
}
