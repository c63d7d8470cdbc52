import DossierHighlight
import Foundation
import Testing

/// Where the shared corpus lives: beside the repository's root folder, which is three
/// levels above this file.
enum SharedCorpus {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DossierHighlightTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .deletingLastPathComponent()
        .appendingPathComponent("shared")

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.path) }

    /// The Markdown files whose code blocks the tests highlight.
    static func markdownFiles() -> [URL] {
        var files: [URL] = []
        let corpus = root.appendingPathComponent("corpus/adlc")
        if let paths = FileManager.default.enumerator(atPath: corpus.path) {
            for case let path as String in paths where path.hasSuffix(".md") {
                files.append(corpus.appendingPathComponent(path))
            }
        }
        files.append(root.appendingPathComponent("seed/aws-expert.md"))
        return files.sorted { $0.path < $1.path }
    }

    /// A fenced code block: its info string, its content, and where it starts.
    struct Block {
        var info: String
        var code: String
        var location: String
    }

    /// Fenced code blocks found by a line scanner: an opening run of three or more
    /// backticks or tildes (indented up to three spaces), then lines up to a closing
    /// run of the same character at least as long, or the end of the file.
    static func fencedBlocks(in text: String, file: String) -> [Block] {
        var blocks: [Block] = []
        var open: (fence: Character, length: Int, indent: Int, info: String, line: Int)?
        var lines: [Substring] = []
        let allLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, rawLine) in allLines.enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.prefix { $0 == " " }.count
            let trimmed = line.dropFirst(indent)
            if let current = open {
                let run = trimmed.prefix { $0 == current.fence }.count
                if indent < 4 && run >= current.length && trimmed.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    blocks.append(Block(info: current.info, code: lines.joined(separator: "\n"), location: "\(file):\(current.line)"))
                    open = nil
                    lines = []
                } else {
                    lines.append(line.dropFirst(min(current.indent, indent)))
                }
                continue
            }
            guard indent < 4, let fence = trimmed.first, fence == "`" || fence == "~" else { continue }
            let run = trimmed.prefix { $0 == fence }.count
            guard run >= 3 else { continue }
            let info = trimmed.dropFirst(run).trimmingCharacters(in: .whitespaces)
            if fence == "`" && info.contains("`") { continue }
            open = (fence, run, indent, info, number + 1)
        }
        if let current = open {
            blocks.append(Block(info: current.info, code: lines.joined(separator: "\n"), location: "\(file):\(current.line)"))
        }
        return blocks
    }

    static func allBlocks() throws -> [Block] {
        try markdownFiles().flatMap { url in
            fencedBlocks(in: try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        }
    }
}

@Suite(.enabled(if: SharedCorpus.isPresent, "/work/shared (the shared corpus) is absent: skipped"))
struct CorpusTests {
    @Test func everyCorpusBlockRoundTripsInItsOwnLanguage() throws {
        var languages: Set<String> = []
        for block in try SharedCorpus.allBlocks() {
            guard let language = Highlighter.canonicalLanguage(block.info) else { continue }
            languages.insert(language)
            let html = try #require(Highlighter.highlight(block.code, language: block.info))
            #expect(HTMLInspection.plainText(html) == block.code, "round trip failed at \(block.location)")
            #expect(HTMLInspection.structuralProblem(html) == nil, "bad markup at \(block.location)")
            if !block.code.allSatisfy(\.isWhitespace) {
                #expect(html.contains("<span class=\"hl-"), "nothing highlighted at \(block.location)")
            }
        }
        #expect(languages.isSuperset(of: ["bash", "python", "sql", "yaml", "json", "javascript", "typescript"]))
    }

    /// Every block in every language: code in the wrong language is excellent garbage.
    @Test(arguments: Highlighter.supportedLanguages)
    func everyCorpusBlockRoundTripsInEveryLanguage(language: String) throws {
        for block in try SharedCorpus.allBlocks() {
            let html = try #require(Highlighter.highlight(block.code, language: language))
            #expect(HTMLInspection.plainText(html) == block.code, "round trip failed at \(block.location)")
            #expect(HTMLInspection.structuralProblem(html) == nil, "bad markup at \(block.location)")
        }
    }
}

/// The fence scanner itself, which needs no corpus.
@Suite struct FenceScannerTests {
    @Test func theScannerFindsTheBlocksOfAKnownDocument() {
        let text = "intro\n```bash\nls\n```\n\n  ~~~~ python extra\n  x = 1\n  ~~~~\n````\n```\nnested\n````\n```sql\nopen"
        let blocks = SharedCorpus.fencedBlocks(in: text, file: "t.md")
        #expect(blocks.map(\.info) == ["bash", "python extra", "", "sql"])
        #expect(blocks.map(\.code) == ["ls", "x = 1", "```\nnested", "open"])
    }
}
