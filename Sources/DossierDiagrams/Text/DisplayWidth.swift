/// How many terminal or editor columns a character takes: 2 for East Asian wide and
/// fullwidth characters and for emoji, 0 for combining marks and format characters, 1 for
/// the rest.
///
/// Arrow diagrams are drawn by aligning `↓` under a node, and the author aligned them in an
/// editor that shows `日本` or `🚀` two columns wide. Counting bytes or scalars would put the
/// arrow under the wrong node. Glibc's `wcwidth` answers differently depending on the
/// process locale (and `-1` in the C locale), so the table lives here and the answer never
/// depends on the environment.
public enum DisplayWidth {
    /// The width of one scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        // Hangul medial vowels and final consonants join the preceding initial.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if scalar.properties.isEmojiPresentation || isWide(value) { return 2 }
        return 1
    }

    /// The width of one user-perceived character: a family emoji, a flag or `⚠️` (a text
    /// symbol turned emoji by U+FE0F) is one glyph two columns wide; a letter with accents
    /// is as wide as the letter.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count > 1, scalars.contains("\u{FE0F}"), first.properties.isEmoji { return 2 }
        return of(first)
    }

    /// The width of a string: the sum of its characters' widths (tabs count as one column;
    /// callers that expand tabs do so themselves).
    public static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        for character in text { width += character == "\t" ? 1 : of(character) }
        return width
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges that are not emoji (emoji are covered by
    /// the `Emoji_Presentation` property), from Unicode's EastAsianWidth.txt, merged into
    /// blocks. Sorted, so a binary search finds a scalar.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK symbols
        0x3041...0x33FF,    // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK enclosed
        0x3400...0x4DBF,    // CJK extension A
        0x4E00...0x9FFF,    // CJK unified ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth ASCII
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FE4,  // ideographic symbols
        0x16FF0...0x16FF1,
        0x17000...0x18CFF,  // Tangut, Khitan
        0x18D00...0x18D08,
        0x1AFF0...0x1AFFE,  // Kana extended B
        0x1B000...0x1B2FF,  // Kana supplement, Nushu
        0x1F200...0x1F202,  // enclosed ideographic supplement
        0x1F210...0x1F23B,
        0x1F240...0x1F248,
        0x1F250...0x1F251,
        0x1F260...0x1F265,
        0x20000...0x2FFFD,  // CJK extensions B–F
        0x30000...0x3FFFD,  // CJK extension G and later
    ]

    static func isWide(_ value: UInt32) -> Bool {
        var low = 0, high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
