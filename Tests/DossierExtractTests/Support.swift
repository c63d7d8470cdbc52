import DossierCore
import DossierExtract
import DossierModel
import Foundation

enum SharedFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url(path).path) }
    static func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    /// Every Markdown file of the shared corpus, by path relative to `shared/`.
    static var corpusFiles: [String] {
        ["profiles", "patterns"].flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url("corpus/adlc/\(folder)").path)) ?? []
            return names.filter { $0.hasSuffix(".md") }.sorted().map { "corpus/adlc/\(folder)/\($0)" }
        }
    }
}

func profile(_ markdown: String, path: String = "content/profiles/test.md") -> (Profile, [Pattern], [Diagnostic]) {
    let extracted = Extractor.extract(text: markdown, path: path, kind: .profile, id: "test")
    return (extracted.profile!, extracted.patterns, extracted.diagnostics)
}

func patternDocument(_ markdown: String, path: String = "content/patterns/doc.md") -> (Pattern, [Diagnostic]) {
    let extracted = Extractor.extract(text: markdown, path: path, kind: .pattern, id: "doc")
    return (extracted.patterns[0], extracted.diagnostics)
}

/// JSON with sorted keys, for golden files.
func canonicalJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}
