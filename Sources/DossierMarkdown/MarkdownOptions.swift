/// Which GFM extensions a parse uses. Dossier parses everything with all of them on; the
/// spec tests turn them on one by one, as the spec's own runner does.
public struct MarkdownOptions: Hashable, Sendable {
    public enum Extension: String, CaseIterable, Sendable {
        case table, strikethrough, autolink, tagfilter, tasklist
    }

    public var extensions: Set<Extension>
    public var footnotes: Bool

    public init(extensions: Set<Extension> = Set(Extension.allCases), footnotes: Bool = true) {
        self.extensions = extensions
        self.footnotes = footnotes
    }

    /// What Dossier uses for every file: all GFM extensions and footnotes.
    public static let dossier = MarkdownOptions()
}
