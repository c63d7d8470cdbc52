import DossierModel

extension Guide {
    /// The formatted twins of plain entries, entry for entry. A twin that does not say the
    /// same as its plain entry (a model assembled by hand, or edited after extraction) gives
    /// way to the plain text: the guide never shows words the plain fields do not have.
    static func formatted(_ plain: [String], _ twins: [InlineText]) -> [InlineText] {
        plain.enumerated().map { n, text in formatted(text, n < twins.count ? twins[n] : nil) }
    }

    static func formatted(_ plain: String, _ twin: InlineText?) -> InlineText {
        if let twin, twin.plain == plain { return twin }
        return InlineText(plain: plain)
    }
}

extension SiteOverview {
    /// A link resolver over the handbook's pages, for renderers not given the site's own.
    public var pageLinks: LinkResolver {
        LinkResolver(pages: Dictionary(records.map { ($0.source.path, $0.page) }, uniquingKeysWith: { first, _ in first }))
    }
}
