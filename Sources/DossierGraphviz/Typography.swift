import DossierModel

/// Font sizes, line lengths and padding shared by the layout (what Graphviz is told) and the
/// drawing (what the SVG says), which must agree or text would not fit its box.
///
/// Sizes are in points, which are SVG user units in Graphviz's output: drawn at its natural
/// size (`width` = the viewBox width in CSS pixels) 14 means 14 CSS pixels.
enum Typography {
    /// What Graphviz is told to measure with. With Pango it is whatever fontconfig matches
    /// (DejaVu Sans on Debian); without, "Helvetica" selects Graphviz's built-in Arial
    /// widths rather than its narrower Times widths. Node sizes come from `TextMetrics`
    /// whichever wins, so this mostly affects edge and cluster labels.
    static let fontName = "Helvetica"
    static let nodeFontSize = 14.0
    static let edgeFontSize = 12.0
    static let clusterFontSize = 13.0
    /// Graphviz puts lines 1.2 font sizes apart.
    static let lineHeight = 1.2

    /// Widest node line before a label wraps, when nodes stand side by side (LR, RL): about
    /// 22 characters, so "CloudWatch Container Insights" takes two lines and a row of five
    /// services still fits a phone held sideways.
    static let nodeLineWidthAcross = 13 * nodeFontSize
    /// Widest node line when nodes stand one below another (TB, BT): about 38 characters,
    /// so a step written as a sentence takes two lines rather than four.
    static let nodeLineWidthDown = 22 * nodeFontSize

    static func nodeLineWidth(_ direction: Diagram.Direction) -> Double {
        direction == .LR || direction == .RL ? nodeLineWidthAcross : nodeLineWidthDown
    }
    static let edgeLineWidth = 14 * edgeFontSize
    static let clusterLineWidth = 24 * clusterFontSize

    /// Space between a node's text and its outline.
    static let nodePaddingX = 12.0
    static let nodePaddingY = 7.0

    /// `font-family` written on the SVG so text is in the UI font even without the site CSS.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
}
