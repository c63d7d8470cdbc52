/// A block of a document that a page shows as a picture rather than as Markdown: the list
/// of a tier as bars, a service list as a heat table, metrics as stat cards. Extraction
/// records them so renderers can replace those blocks without reading Markdown again;
/// every item the picture does not cover is still rendered as Markdown.
public struct PageRegion: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A list of capabilities in the tier with this id.
        case capabilities(tier: String)
        /// A list (or table) of services in this category of the matrix.
        case services(category: String)
        /// A list of `**Key**: value` metrics.
        case metrics
        /// A list of improvement priorities (current → target).
        case priorities
        /// A list of troubleshooting one-liners.
        case troubleshooting
        /// The `**Confidence**: … | **Cost**: …` paragraph of the pattern with this id (for
        /// a pattern document, each metadata paragraph before its first section).
        case patternFacts(pattern: String)
    }

    public var kind: Kind
    /// The list, table or paragraph node replaced.
    public var node: Int32

    public init(kind: Kind, node: Int32) {
        self.kind = kind
        self.node = node
    }
}
