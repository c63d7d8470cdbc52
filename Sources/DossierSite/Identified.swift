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
    /// The SHA-256 of the text, for the document's cache key; made here, where files are
    /// read in parallel, and kept with the text by `SourceMemo`.
    var digest = ""

    static func read(_ file: ContentFile) -> Identified {
        guard let data = FileManager.default.contents(atPath: file.url.path) else {
            return Identified(file: file, text: nil, frontMatter: nil, diagnostics: [
                .error("content.unreadable", "cannot read the file; it is skipped", at: SourceLocation(path: file.path, line: 1))
            ])
        }
        let decoded = SourceText.decode(Array(data), path: file.path)
        let frontMatter = decoded.text.map { FrontMatter.split($0, path: file.path) }
        return Identified(file: file, text: decoded.text, frontMatter: frontMatter, diagnostics: decoded.diagnostics,
                          digest: decoded.text.map { KeyHasher.digest($0) } ?? "")
    }

    /// The file as `read` made it, or as it was made when the file was last read if its
    /// size, inode and change times are the same (`serve` reads the handbook after each
    /// edit, and most files have not changed).
    static func read(_ file: ContentFile, memo: SourceMemo?) -> Identified {
        guard let memo else { return read(file) }
        let stamp = FileStamp(path: file.url.path)
        if let stamp, let known = memo.identified(file, stamp: stamp) { return known }
        let identified = read(file)
        if let stamp { memo.keep(identified, stamp: stamp) }
        return identified
    }

    /// The file name without `.md`.
    var fileName: String { String(file.path.split(separator: "/").last!.dropLast(3)) }

    /// The text of the first `# ` heading outside code fences, for navigation labels and
    /// relation names before the file is parsed; the page takes its title from the parsed
    /// document. Read line by line as UTF-8 bytes, stopping at the heading (usually the
    /// first line): the router asks this of every file, in the part of a build that runs on
    /// one core. (Texts are LF-only; `SourceText` converted any CR.)
    var quickTitle: String? {
        guard let text = frontMatter?.body ?? text else { return nil }
        let space = UInt8(ascii: " ")
        let hash = UInt8(ascii: "#")
        var fence: (byte: UInt8, count: Int)?
        let bytes = text.utf8
        var next = bytes.startIndex
        while next < bytes.endIndex {
            let end = bytes[next...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = bytes[next..<end]
            next = end < bytes.endIndex ? bytes.index(after: end) : end
            let trimmed = line.drop { $0 == space }
            let run = trimmed.prefix { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "~") }
            if let open = fence {
                if run.count >= open.count, run.allSatisfy({ $0 == open.byte }) { fence = nil }
                continue
            }
            if let first = run.first, run.count >= 3, run.prefix(3).allSatisfy({ $0 == first }) {
                fence = (first, run.prefix { $0 == first }.count)
                continue
            }
            if line.starts(with: [hash, space]) {
                var title = String(decoding: line.dropFirst(2), as: UTF8.self).trimmed
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
