/// The characters arrow diagrams are drawn with.
///
/// Authors use whatever their keyboard or editor offers: Unicode arrows (`→ ↓`), ASCII
/// (`->`, `v`, `|`), heavy variants (`⬇️`, `▼`) and box drawing for trees (`├─ └─ │`).
enum ArrowGlyphs {
    /// Which way a horizontal arrow points.
    enum Direction: Sendable {
        case forward, backward, both
    }

    /// A one-character horizontal arrow: `→` and its relatives.
    static func horizontal(_ scalar: Unicode.Scalar) -> Direction? {
        guard scalar.value >= 0x2190 else { return nil }
        switch scalar {
        case "→", "⟶", "⇒", "⟹", "➔", "➜", "➝", "➞", "➡", "⇨", "⟾": return .forward
        case "←", "⟵", "⇐", "⟸", "⬅", "⇦": return .backward
        case "↔", "⇔", "⟷", "⟺": return .both
        default: return nil
        }
    }

    /// A one-character vertical arrow: `true` for down (`↓`), `false` for up (`↑`).
    static func verticalGlyph(_ scalar: Unicode.Scalar) -> Bool? {
        guard scalar.value >= 0x2190 else { return nil }
        switch scalar {
        case "↓", "⇓", "⬇", "▼", "▾", "⟱", "↡": return true
        case "↑", "⇑", "⬆", "▲", "▴", "⟰", "↟": return false
        default: return nil
        }
    }

    /// An ASCII token that stands alone in an arrow row as a vertical arrow: `v`, `V`, `|`
    /// point down, `^` points up.
    static func verticalASCII(_ token: ArraySlice<ArrowLineScanner.Cell>) -> Bool? {
        guard token.count == 1, let first = token.first else { return nil }
        switch first.glyph {
        case "v", "V", "|": return true
        case "^": return false
        default: return nil
        }
    }

    /// Tree rails: a vertical line that carries a tree's branches down the page.
    static func isRail(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "│" || scalar == "┃" || scalar == "║"
    }

    /// A branch that has siblings below it (`├─`).
    static func isBranch(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "├" || scalar == "┣" || scalar == "╠"
    }

    /// The last branch of a group (`└─`).
    static func isLastBranch(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "└" || scalar == "┗" || scalar == "╚" || scalar == "╰"
    }

    /// The horizontal stroke that follows a branch mark.
    static func isBranchStroke(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "─" || scalar == "━" || scalar == "═" || scalar == "-"
    }

    /// Box-drawing and ASCII border characters: a line of nothing else is a box edge or a
    /// separator, not text.
    static func isBorder(_ scalar: Unicode.Scalar) -> Bool {
        (0x2500...0x257F).contains(scalar.value) || scalar == "+" || scalar == "-" || scalar == "="
            || scalar == "_" || scalar == "~" || scalar == "|" || scalar == "*"
    }

    /// The scalar that stands for a character in these tests: the character's only scalar
    /// (a trailing variation selector allowed, as in `⬇️`), or U+FFFF, which matches nothing.
    static func glyph(of character: Character) -> Unicode.Scalar {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return "\u{FFFF}" }
        while let next = scalars.next() {
            if next != "\u{FE0F}" && next != "\u{FE0E}" { return "\u{FFFF}" }
        }
        return first
    }
}
