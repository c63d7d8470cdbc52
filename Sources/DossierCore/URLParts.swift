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

    /// Whether a link starts with a URL scheme (`https:`, `mailto:`): it leads outside the
    /// site, and neither the link resolver nor the link check follows it.
    public static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// A `/`-separated path with `.` and `..` segments resolved; a path that climbs above its
    /// root keeps its leading `..` (so it is seen to lead outside).
    public static func normalizedPath(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
