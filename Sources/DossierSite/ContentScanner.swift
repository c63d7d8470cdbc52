import DossierModel
import Foundation

/// A Markdown file under `content/`.
public struct ContentFile: Hashable, Sendable {
    /// Relative to the handbook root: `content/profiles/aws-expert.md`.
    public var path: String
    public var kind: DocumentKind
    public var url: URL
}

/// Any other file under `content/` (an image beside a profile): copied into the site.
public struct StaticFile: Hashable, Sendable {
    /// Relative to `content/`: `images/diagram.png`.
    public var sitePath: String
    public var url: URL
}

/// Finds the handbook's files. Hidden files and folders (`.git`, `.DS_Store`, `.draft.md`)
/// are skipped; results are sorted by path so every build sees them in the same order.
public enum ContentScanner {
    public static func scan(root: URL) -> (markdown: [ContentFile], statics: [StaticFile]) {
        let content = root.appendingPathComponent("content").standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(
            at: content, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { return ([], []) }
        let base = content.path
        var markdown: [ContentFile] = []
        var statics: [StaticFile] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            let relative = String(full.dropFirst(base.count + 1))
            if relative.hasSuffix(".md") {
                markdown.append(ContentFile(path: "content/" + relative, kind: kind(of: relative), url: url))
            } else {
                statics.append(StaticFile(sitePath: relative, url: url))
            }
        }
        markdown.sort { $0.path < $1.path }
        statics.sort { $0.sitePath < $1.sitePath }
        return (markdown, statics)
    }

    /// `profiles/…` are profiles, `patterns/…` pattern documents, anything else a page.
    static func kind(of relative: String) -> DocumentKind {
        if relative.hasPrefix("profiles/") { return .profile }
        if relative.hasPrefix("patterns/") { return .pattern }
        return .page
    }
}
