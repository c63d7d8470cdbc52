import DossierCore
import DossierModel

/// Turns the links authors write — relative to the Markdown file, to other `.md` files and
/// to images beside them — into links between built pages.
public struct LinkResolver: Sendable {
    /// The page folder of each document, by its source path relative to the handbook root
    /// (`content/profiles/aws-expert.md` → `profiles/aws-expert/`).
    public let pages: [String: String]
    /// Other files under `content/` (copied into the site), by path relative to `content/`.
    public let files: Set<String>
    private let pageFolders: Set<String>

    public init(pages: [String: String], files: Set<String> = []) {
        self.pages = pages
        self.files = files
        self.pageFolders = Set(pages.values)
    }

    public enum Resolution: Equatable, Sendable {
        /// Leave the link as written: a URL with a scheme, a fragment, or a non-content path.
        case unchanged
        /// Use this link instead.
        case rewritten(String)
        /// A link to a file that is not in the handbook (a Markdown file, an image, or a
        /// path outside `content/`).
        case missing(path: String)
    }

    /// Resolves `url`, written in the source at `source` (relative to the root), for the page
    /// whose folder is `page`.
    public func resolve(_ url: String, source: String, page: String) -> Resolution {
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("//") || URLParts.hasScheme(url) { return .unchanged }
        let parts = URLParts(url)
        let path = Substring(parts.path)
        let suffix = parts.suffix
        guard !path.isEmpty, let decoded = path.removingPercentEncodingIfValid else { return .unchanged }
        // `/x` means the content root; anything else is relative to the file's folder.
        let base = decoded.hasPrefix("/") ? "content" : Self.directory(of: source)
        let resolved = URLParts.normalizedPath(base + "/" + decoded)
        if resolved == "content" { return .rewritten(SitePaths.relative(from: page, to: "") + suffix) }
        guard resolved.hasPrefix("content/") else { return .missing(path: resolved) }
        if resolved.hasSuffix(".md") {
            guard let target = pages[resolved] else { return .missing(path: resolved) }
            return .rewritten(SitePaths.relative(from: page, to: target + suffix))
        }
        // Other files under content/ are copied to the same place in the site; a folder
        // link works when the folder is a page (`docs/` for `content/docs/index.md`).
        let sitePath = String(resolved.dropFirst("content/".count))
        if files.contains(sitePath) {
            return .rewritten(SitePaths.relative(from: page, to: sitePath) + suffix)
        }
        if pageFolders.contains(sitePath + "/") || Self.generatedPages.contains(sitePath + "/") {
            return .rewritten(SitePaths.relative(from: page, to: sitePath + "/") + suffix)
        }
        if Self.generatedFiles.contains(sitePath) {
            return .rewritten(SitePaths.relative(from: page, to: sitePath) + suffix)
        }
        return .missing(path: resolved)
    }

    /// Pages every site has, which content may link to as if they were files under
    /// `content/`: `[the matrix](/matrix/)`.
    static let generatedPages: Set<String> = [ProfilesIndexPage.page, MatrixPage.page, PatternLibraryPage.page, GraphPage.page]

    /// Files every site has: the export and its tables.
    static let generatedFiles: Set<String> = Set(
        ["data/dossier.json", "data/dossier.schema.json"] + CSVTables.tables.map { "data/\($0.name).csv" })

    /// The document and anchor a link points into, when it has a fragment: `#usage` in the
    /// same file, or `other.md#usage`. Links to other sites and to non-Markdown files give nil.
    public func fragmentTarget(_ url: String, source: String) -> (source: String, fragment: String)? {
        let parts = URLParts(url)
        guard let fragment = parts.fragment, !fragment.isEmpty else { return nil }
        let path = Substring(parts.path)
        if path.isEmpty { return (source, Substring(fragment).removingPercentEncodingIfValid ?? fragment) }
        guard !URLParts.hasScheme(url), !url.hasPrefix("//"), let decoded = path.removingPercentEncodingIfValid, decoded.hasSuffix(".md") else { return nil }
        let base = decoded.hasPrefix("/") ? "content" : Self.directory(of: source)
        let resolved = URLParts.normalizedPath(base + "/" + decoded)
        guard pages[resolved] != nil else { return nil }
        return (resolved, Substring(fragment).removingPercentEncodingIfValid ?? fragment)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}

extension Substring {
    /// The path with `%XX` escapes decoded, or `nil` if an escape is malformed or the bytes
    /// are not UTF-8 (cmark has already percent-encoded what it had to).
    var removingPercentEncodingIfValid: String? {
        guard contains("%") else { return String(self) }
        var bytes: [UInt8] = []
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte == UInt8(ascii: "%") {
                let h = utf8.index(after: i)
                guard h < utf8.endIndex, utf8.index(after: h) < utf8.endIndex,
                      let high = hexValue(utf8[h]), let low = hexValue(utf8[utf8.index(after: h)]) else { return nil }
                bytes.append(high << 4 | low)
                i = utf8.index(h, offsetBy: 2)
            } else {
                bytes.append(byte)
                i = utf8.index(after: i)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
