/// What the site knows about one content file after it has been read: enough for the
/// aggregate pages (home, listings) and the export, without the Markdown tree.
public struct DocumentRecord: Hashable, Sendable, Codable {
    public var id: String
    public var kind: DocumentKind
    public var title: String
    /// A one-line summary for listings: the first paragraph after the title, shortened.
    public var summary: String
    public var source: SourceRef
    public var outline: [OutlineHeading]
    /// The page's folder in the site (`profiles/aws-expert/`).
    public var page: String
    /// A template (`*-template.md`, `template: true`): built, but not listed.
    public var template: Bool

    public init(id: String, kind: DocumentKind, title: String, summary: String, source: SourceRef, outline: [OutlineHeading], page: String, template: Bool = false) {
        self.id = id
        self.kind = kind
        self.title = title
        self.summary = summary
        self.source = source
        self.outline = outline
        self.page = page
        self.template = template
    }
}
