import DossierDiagrams
import DossierModel
import Foundation

/// `../shared` beside the repository: the real profiles, patterns and seed. A clone
/// elsewhere does not have it, and the tests that need it skip with a message.
enum SharedCorpus {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("corpus/adlc").path) }
    static var seedIsPresent: Bool { FileManager.default.fileExists(atPath: seedPath.path) }
    static var seedPath: URL { root.appendingPathComponent("seed/aws-expert.md") }

    /// Every Markdown file of the corpus and the seed, as paths relative to `shared/`.
    static func markdownFiles() throws -> [String] {
        var files: [String] = []
        for folder in ["corpus/adlc/profiles", "corpus/adlc/patterns"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            files += names.filter { $0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0)" }
        }
        return files + ["seed/aws-expert.md"]
    }

    static func blocks(in relativePath: String) throws -> [FencedBlock] {
        let text = try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
        return FenceScanner.blocks(in: text, path: relativePath)
    }
}

/// Finds fenced code blocks with a simple line scanner: a fence of three or more backticks
/// or tildes opens a block, a fence of the same character at least as long with nothing
/// after it closes it (as in CommonMark; a fence with an info string never closes). The
/// site receives blocks from the Markdown module; this is enough for tests.
enum FenceScanner {
    static func blocks(in text: String, path: String) -> [FencedBlock] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [FencedBlock] = []
        var index = 0
        while index < lines.count {
            guard let (fence, indent, info) = opening(lines[index]) else {
                index += 1
                continue
            }
            let start = index
            var body: [String] = []
            index += 1
            while index < lines.count, !closes(lines[index], fence: fence) {
                var line = Substring(lines[index])
                var dropped = 0
                while dropped < indent, line.first == " " { line = line.dropFirst(); dropped += 1 }
                body.append(String(line))
                index += 1
            }
            index += 1
            let content = body.isEmpty ? "" : body.joined(separator: "\n") + "\n"
            blocks.append(FencedBlock(info: info, text: content, source: SourceRef(path: path, line: start + 1), column: indent + 1))
        }
        return blocks
    }

    static func opening(_ line: String) -> (fence: String, indent: Int, info: String)? {
        let indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        guard let mark = rest.first, mark == "`" || mark == "~" else { return nil }
        let fence = rest.prefix { $0 == mark }
        guard fence.count >= 3 else { return nil }
        let info = rest.dropFirst(fence.count).trimmingCharacters(in: .whitespaces)
        if mark == "`" && info.contains("`") { return nil }
        return (String(fence), indent, info)
    }

    static func closes(_ line: String, fence: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let mark = fence.first, trimmed.count >= fence.count else { return false }
        return trimmed.allSatisfy { $0 == mark }
    }
}
