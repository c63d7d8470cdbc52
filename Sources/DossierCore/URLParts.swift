/// A link split into its path, query and fragment, by Unicode scalars: a fragment can start
/// with a character that merges with `#` into one `Character` (GitHub keeps the variation
/// selector of `⚠️` in `#️-warnings`), so splitting by `Character` would miss the `#`.
public struct URLParts: Hashable, Sendable {
    public var path: String
    /// Including its `?`, or empty.
    public var query: String
    /// Without its `#`; nil when the link has none.
    public var fragment: String?

    public init(_ url: String) {
        let scalars = url.unicodeScalars
        var end = scalars.endIndex
        if let hash = scalars.firstIndex(of: "#") {
            fragment = String(scalars[scalars.index(after: hash)...])
            end = hash
        }
        let beforeFragment = scalars[..<end]
        if let question = beforeFragment.firstIndex(of: "?") {
            path = String(beforeFragment[..<question])
            query = String(beforeFragment[question...])
        } else {
            path = String(beforeFragment)
            query = ""
        }
    }

    /// The query and fragment as they followed the path (`?a=1#x`).
    public var suffix: String { query + (fragment.map { "#" + $0 } ?? "") }
}
