import DossierModel

/// A link between nodes as written: `-->`, `---`, `-.->`, `==>`, `~~~`, with text
/// (`-- yes -->`, `-->|yes|`) and ends (`<-->`, `--o`, `--x`).
struct MermaidLinkToken: Sendable {
    var style: DiagramEdge.Style = .solid
    var arrow = true
    var label: String?
    /// `~~~`: a link that only shapes the layout.
    var invisible = false
    /// An end Dossier draws as a plain arrowhead: `o`, `x`, or a head at the start.
    var approximatedEnd: String?
    /// Where the link starts in the source.
    var offset = 0
}
