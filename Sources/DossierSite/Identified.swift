import DossierCore
import DossierModel
import Foundation

/// A content file after its bytes are read and decoded: its text (when it decoded) and the
/// problems found doing so.
struct Identified: Sendable {
    var file: ContentFile
    var text: String?
    var diagnostics: [Diagnostic]

    static func read(_ file: ContentFile) -> Identified {
        guard let data = FileManager.default.contents(atPath: file.url.path) else {
            return Identified(file: file, text: nil, diagnostics: [
                .error("content.unreadable", "cannot read the file; it is skipped", at: SourceLocation(path: file.path, line: 1))
            ])
        }
        let decoded = SourceText.decode(Array(data), path: file.path)
        return Identified(file: file, text: decoded.text, diagnostics: decoded.diagnostics)
    }

    /// The text of the first `# ` heading outside code fences, for navigation labels before
    /// the file is parsed; the page itself takes its title from the parsed document.
    var quickTitle: String? {
        guard let text else { return nil }
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
                let title = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                return title.trimmingCharacters(in: CharacterSet(charactersIn: "#")).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
