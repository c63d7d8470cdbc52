/// Where pages live in the built site, and how pages link to each other.
///
/// Pages are folders with an `index.html` (`profiles/aws-expert/`), and every link between
/// pages is relative, so a site works from any sub-path of a server and from disk.
public enum SitePaths {
    /// Folders the generator uses for its own pages; content may not take them.
    public static let reserved: Set<String> = ["assets", "data", "matrix", "guides", "graph", "search", "profiles", "patterns"]

    /// The folder of a page, relative to the site root, ending in `/` (empty for the home page).
    public static func pagePath(forSegments segments: [String]) -> String {
        segments.isEmpty ? "" : segments.joined(separator: "/") + "/"
    }

    /// The file that holds a page (`profiles/aws-expert/index.html`).
    public static func file(forPage page: String) -> String { page + "index.html" }

    /// A relative link from the page at `from` (a folder path) to `to` (a folder path or a
    /// file path), keeping `to`'s query and fragment.
    ///
    /// Read as UTF-8 bytes: every page links to every item of the navigation and the
    /// listings link to every profile and pattern, so this ran a hundred thousand times a
    /// build, and splitting into substrings and joining them again was a hundredth of it.
    /// (`#` and `?` are ASCII, so their bytes are the characters, even where a fragment
    /// starts with a character that merges with `#`; segments are compared byte for byte,
    /// as URLs are.)
    public static func relative(from: String, to: String) -> String {
        var from = from
        var to = to
        return from.withUTF8 { from in to.withUTF8 { to in relative(from, to) } }
    }

    private static func relative(_ from: UnsafeBufferPointer<UInt8>, _ to: UnsafeBufferPointer<UInt8>) -> String {
        let slash = UInt8(ascii: "/")
        // The path and query are split into segments together, the fragment kept apart.
        let hash = to.firstIndex(of: UInt8(ascii: "#")) ?? to.count
        let target = UnsafeBufferPointer(rebasing: to[..<hash])
        let targetIsFolder = target.isEmpty || target.last == slash
        let fromSegments = segments(from)
        let toSegments = segments(target)
        var common = 0
        while common < fromSegments.count, common < toSegments.count - (targetIsFolder ? 0 : 1),
              from[fromSegments[common]].elementsEqual(target[toSegments[common]]) {
            common += 1
        }
        var link: [UInt8] = []
        link.reserveCapacity(3 * (fromSegments.count - common) + to.count)
        for _ in common ..< fromSegments.count { link += [UInt8(ascii: "."), UInt8(ascii: "."), slash] }
        for index in common ..< toSegments.count {
            if index > common { link.append(slash) }
            link += target[toSegments[index]]
        }
        if targetIsFolder && toSegments.count > common { link.append(slash) }
        if link.isEmpty { link = [UInt8(ascii: "."), slash] }
        if hash < to.count { link += to[hash...] }
        return String(decoding: link, as: UTF8.self)
    }

    /// The ranges of the non-empty `/`-separated segments of `path`.
    private static func segments(_ path: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var start = 0
        for index in 0 ... path.count where index == path.count || path[index] == UInt8(ascii: "/") {
            if index > start { segments.append(start ..< index) }
            start = index + 1
        }
        return segments
    }

    /// The prefix that leads from a page back to the site root (`../../`), or `./`.
    public static func root(from page: String) -> String {
        let depth = page.split(separator: "/", omittingEmptySubsequences: true).count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }
}
