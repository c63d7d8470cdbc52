import DossierCore
import DossierExtract
import DossierModel
import Foundation

/// A content file after its bytes are read and decoded: its text (when it decoded), its front
/// matter, and the problems found doing so.
struct Identified: Sendable {
    var file: ContentFile
    var text: String?
    var frontMatter: FrontMatter?
    var diagnostics: [Diagnostic]

    static func read(_ file: ContentFile) -> Identified {
        guard let data = FileManager.default.contents(atPath: file.url.path) else {
            return Identified(file: file, text: nil, frontMatter: nil, diagnostics: [
                .error("content.unreadable", "cannot read the file; it is skipped", at: SourceLocation(path: file.path, line: 1))
            ])
        }
        let decoded = SourceText.decode(Array(data), path: file.path)
        let frontMatter = decoded.text.map { FrontMatter.split($0, path: file.path) }
        return Identified(file: file, text: decoded.text, frontMatter: frontMatter, diagnostics: decoded.diagnostics)
    }

    /// The file name without `.md`.
    var fileName: String { String(file.path.split(separator: "/").last!.dropLast(3)) }

    /// The text of the first `# ` heading outside code fences, for navigation labels and
    /// relation names before the file is parsed; the page takes its title from the parsed
    /// document.
    var quickTitle: String? {
        guard let text = frontMatter?.body ?? text else { return nil }
        var fence: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == "`" || $0 == "~" }
                continue
            }
            if line.hasPrefix("# ") {
                var title = line.dropFirst(2).trimmed
                while title.last == "#" { title = title.dropLast().trimmed }
                return String(title)
            }
        }
        return nil
    }
}

extension StringProtocol {
    var trimmed: Substring {
        let s = Substring(self)
        guard let first = s.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return s[s.endIndex...] }
        return s[first...s.lastIndex(where: { $0 != " " && $0 != "\t" })!]
    }
}
