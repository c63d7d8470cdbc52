import DossierCore

/// The name a user gives a new document: its title, and the slug that becomes its file name
/// and id (Dossier's own ``Slug``, so the file name and the id agree).
public struct ScaffoldName: Sendable, Hashable {
    /// As typed, without surrounding spaces: `Data Platform Expert`.
    public var title: String
    /// `data-platform-expert`.
    public var slug: String

    init(title: String, slug: String) {
        self.title = title
        self.slug = slug
    }

    /// Reads a name typed on the command line. It must be one line, and its slug must not
    /// be empty: Dossier's ids keep only ASCII letters, digits, `-` and `_`.
    public init(_ text: String) throws(ScaffoldError) {
        let title = text.trimmingWhitespace
        guard !title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ScaffoldError(.invalidName, "the name must be one line of text, without tabs or control characters")
        }
        guard !title.isEmpty else {
            throw ScaffoldError(.invalidName, "the name is empty: give the document a title, such as \"Data Platform Expert\"")
        }
        let slug = Slug.make(title, fallback: "")
        guard !slug.isEmpty else {
            throw ScaffoldError(.invalidName,
                                "‘\(title)’ gives an empty file name: Dossier's ids keep only ASCII letters, digits, - and _, so the name needs at least one of them (for example \"Data Platform Expert\" → data-platform-expert)")
        }
        self.init(title: title, slug: slug)
    }
}

extension String {
    /// Without leading and trailing white space (spaces, tabs, line ends).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
