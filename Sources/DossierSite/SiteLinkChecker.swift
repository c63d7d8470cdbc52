import DossierCore
import Foundation

/// Checks a built site: every link and image in every page must reach a file of the site,
/// and every `#fragment` an element with that id. Links to other sites are not followed.
public struct SiteLinkChecker: Sendable {
    public var folder: URL
    /// The path the site is served under (`/` or `base_url`'s path), for links that start
    /// from the server's root, as the 404 page's do.
    public var basePath: String

    public init(folder: URL, basePath: String = "/") {
        self.folder = folder.standardizedFileURL
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    struct Reference {
        var target: String
        var line: Int
        var column: Int
    }

    struct Page {
        var ids: Set<String>
        var references: [Reference]
    }

    /// Broken links as errors at the page and line that hold them, sorted.
    public func check() -> [Diagnostic] {
        let root = folder.path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files = Set<String>()
        var pages: [String: Page] = [:]
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
            files.insert(path)
            if path.hasSuffix(".html"), let data = FileManager.default.contents(atPath: url.path) {
                pages[path] = Self.scan(String(decoding: data, as: UTF8.self))
            }
        }
        var diagnostics: [Diagnostic] = []
        for (path, page) in pages {
            for reference in page.references {
                guard let problem = problem(reference.target, from: path, files: files, pages: pages, ownIDs: page.ids) else { continue }
                diagnostics.append(.error("link.broken", "broken link to ‘\(reference.target)’: \(problem)",
                                          at: SourceLocation(path: path, line: reference.line, column: reference.column)))
            }
        }
        return diagnostics.sorted()
    }

    /// What is wrong with a link, or nil when it resolves.
    func problem(_ target: String, from page: String, files: Set<String>, pages: [String: Page], ownIDs: Set<String>) -> String? {
        if target.isEmpty || target.hasPrefix("//") || URLParts.hasScheme(target) { return nil }
        let parts = URLParts(target)
        let path = parts.path
        let fragmentText = parts.fragment.map { $0.removingPercentEncoding ?? $0 }
        if path.isEmpty {
            guard let fragmentText, !fragmentText.isEmpty, fragmentText != "top" else { return nil }
            return ownIDs.contains(fragmentText) ? nil : "this page has no element with id ‘\(fragmentText)’"
        }
        let decoded = String(path).removingPercentEncoding ?? String(path)
        var resolved: String
        if decoded.hasPrefix("/") {
            guard decoded.hasPrefix(basePath) else { return "outside the site’s base path \(basePath)" }
            resolved = String(decoded.dropFirst(basePath.count))
        } else {
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            resolved = URLParts.normalizedPath((folder.isEmpty ? "" : folder + "/") + decoded)
            if resolved.hasPrefix("..") { return "it leaves the site" }
        }
        if resolved.isEmpty || resolved.hasSuffix("/") { resolved += "index.html" }
        if !files.contains(resolved) {
            if files.contains(resolved + "/index.html") { resolved += "/index.html" } else { return "no file \(resolved) in the site" }
        }
        if let fragmentText, !fragmentText.isEmpty, fragmentText != "top", let target = pages[resolved], !target.ids.contains(fragmentText) {
            return "\(resolved) has no element with id ‘\(fragmentText)’"
        }
        return nil
    }

    /// The ids and the `href`/`src` values of a page, with their lines. A small scanner of
    /// tags and attributes is enough: Dossier wrote these pages, and text inside them is
    /// escaped, so `<` only ever starts a tag, a comment or a script.
    static func scan(_ html: String) -> Page {
        var page = Page(ids: [], references: [])
        let bytes = Array(html.utf8)
        var i = 0
        var line = 1
        var lineStart = 0
        func attributeValue(at start: Int) -> (String, Int)? {
            guard start < bytes.count, bytes[start] == 0x22 || bytes[start] == 0x27 else { return nil }
            let quote = bytes[start]
            var end = start + 1
            while end < bytes.count && bytes[end] != quote { end += 1 }
            return (decodeEntities(String(decoding: bytes[(start + 1)..<min(end, bytes.count)], as: UTF8.self)), end)
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A { line += 1; lineStart = i + 1; i += 1; continue }
            guard byte == 0x3C else { i += 1; continue }
            // Skip comments, and the bodies of scripts and styles.
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                while i < bytes.count && !bytes[i...].starts(with: Array("-->".utf8)) { if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }; i += 1 }
                continue
            }
            for raw in ["<script", "<style"] where bytes[i...].starts(with: Array(raw.utf8)) {
                let close = Array("</\(raw.dropFirst())".utf8)
                while i < bytes.count && !bytes[i...].starts(with: close) { if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }; i += 1 }
            }
            // Attributes of this tag.
            var j = i + 1
            while j < bytes.count && bytes[j] != 0x3E {
                if bytes[j] == 0x0A { line += 1; lineStart = j + 1 }
                let isSpace = bytes[j - 1] == 0x20 || bytes[j - 1] == 0x0A || bytes[j - 1] == 0x09
                if isSpace {
                    for (name, isID) in [("id=", true), ("href=", false), ("src=", false), ("xlink:href=", false)] where bytes[j...].starts(with: Array(name.utf8)) {
                        let column = j - lineStart + 1
                        if let (value, end) = attributeValue(at: j + name.utf8.count) {
                            if isID { page.ids.insert(value) } else { page.references.append(Reference(target: value, line: line, column: column)) }
                            j = end
                        }
                        break
                    }
                }
                j += 1
            }
            i = j + 1
        }
        return page
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#x27;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
