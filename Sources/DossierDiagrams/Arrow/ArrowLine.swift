/// One line of an arrow diagram, taken apart: what kind of line it is and where its parts
/// sit, in displayed columns (see ``DisplayWidth``) and UTF-8 bytes (for diagnostics).
struct ArrowLine: Sendable {
    enum Kind: Sendable, Equatable {
        /// Nothing but spaces.
        case blank
        /// Borders and tree rails only (`+----+`, `│   │`): no text, no arrows.
        case rule
        /// A row of vertical arrows (`↓`, `↑`, `|`, `v`), optionally labelled (`↓ yes`).
        case arrows
        /// Anything with words in it.
        case text
    }

    /// A stretch of text between arrows: a node label, once trimmed.
    struct Segment: Sendable, Equatable {
        var label: String
        /// First and one-past-last displayed column.
        var start: Int
        var end: Int
        /// UTF-8 offset of the first character in the line.
        var byte: Int
    }

    /// A horizontal arrow between segments.
    struct Link: Sendable, Equatable {
        var direction: ArrowGlyphs.Direction
        var column: Int
        var byte: Int
    }

    /// The parts of a text line in reading order.
    enum Piece: Sendable, Equatable {
        case text(Segment)
        case link(Link)
    }

    /// One arrow of an arrow row.
    struct Vertical: Sendable, Equatable {
        var down: Bool
        var column: Int
        var byte: Int
        /// The text after the arrow in a `↓ label` row.
        var label: String?
    }

    /// Tree drawing marks, for finding a branch's parent.
    enum TreeMark: Sendable {
        case rail, branch, lastBranch
    }

    var index: Int
    var kind: Kind
    var pieces: [Piece] = []
    var verticals: [Vertical] = []
    /// The column of a tree branch mark (`├─`, `└─`) that starts the line's text.
    var connector: Int?
    /// Tree marks by column (only lines that have any).
    var marks: [Int: TreeMark] = [:]
    /// The whole text of the line (rails and branch marks removed, spaces collapsed): a
    /// step of a vertical step chain.
    var wholeText = ""

    var segments: [Segment] {
        pieces.compactMap { if case .text(let segment) = $0 { segment } else { nil } }
    }

    var hasLinks: Bool {
        pieces.contains { if case .link = $0 { true } else { false } }
    }
}
