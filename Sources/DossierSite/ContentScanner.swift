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
/// are skipped, and so are symbolic links; results are sorted by path so every build sees
/// them in the same order.
///
/// `readdir` rather than `FileManager`'s enumerator: the file type comes with each entry,
/// where the enumerator made a URL and asked for its resource values per file, a tenth of
/// what `serve` does before it can show an edited page.
public enum ContentScanner {
    public static func scan(root: URL) -> (markdown: [ContentFile], statics: [StaticFile]) {
        let content = root.appendingPathComponent("content").standardizedFileURL
        var relatives: [String] = []
        walk(content.path, relative: "", into: &relatives)
        var markdown: [ContentFile] = []
        var statics: [StaticFile] = []
        for relative in relatives {
            let url = content.appendingPathComponent(relative)
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

    /// The regular files under `folder`, as paths relative to the content folder.
    private static func walk(_ folder: String, relative: String, into files: inout [String]) {
        guard let stream = opendir(folder) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let full = folder + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                // Some file systems leave the type out; ask without following links.
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            if type == Int32(DT_DIR) {
                walk(full, relative: path, into: &files)
            } else if type == Int32(DT_REG) {
                files.append(path)
            }
        }
    }

    /// `profiles/…` are profiles, `patterns/…` pattern documents, anything else a page.
    static func kind(of relative: String) -> DocumentKind {
        if relative.hasPrefix("profiles/") { return .profile }
        if relative.hasPrefix("patterns/") { return .pattern }
        return .page
    }
}
