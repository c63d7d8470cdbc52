import Foundation

/// One example from a cmark-gfm spec file: Markdown in, expected HTML out.
struct SpecExample: CustomStringConvertible {
    var file: String
    var number: Int
    var line: Int
    var section: String
    /// Extension names after `example` on the opening line (`example table`), or `disabled`.
    var tags: [String]
    var markdown: String
    var html: String

    var description: String { "\(file) example \(number) (line \(line), \(section))" }

    /// Reads examples in the cmark test format: 32 backticks and `example`, the Markdown, a
    /// line holding only `.`, the HTML, 32 backticks; `→` stands for a tab.
    static func load(_ url: URL) throws -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var examples: [SpecExample] = []
        var section = ""
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("#") { section = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix(fence + " example") {
                let tags = line.dropFirst(fence.count + " example".count).split(separator: " ").map(String.init)
                let start = i + 1
                var markdown: [String] = []
                i += 1
                while i < lines.count && lines[i] != "." { markdown.append(lines[i]); i += 1 }
                i += 1
                var html: [String] = []
                while i < lines.count && !lines[i].hasPrefix(fence) { html.append(lines[i]); i += 1 }
                func joined(_ part: [String]) -> String {
                    part.isEmpty ? "" : part.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n"
                }
                examples.append(SpecExample(
                    file: url.lastPathComponent, number: examples.count + 1, line: start,
                    section: section, tags: tags, markdown: joined(markdown), html: joined(html)))
            }
            i += 1
        }
        return examples
    }
}

/// Where the shared fixtures live: `../shared` beside the repository. Absent in a clone
/// elsewhere, in which case the tests that need them skip with a message.
enum SharedFixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url(path).path) }
}

/// Compares HTML the way the spec's runner does in spirit: whitespace runs are one space and
/// whitespace next to block-level tags does not count.
func normalizedHTML(_ html: String) -> String {
    var text = html.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    let block = #"(?:p|li|ul|ol|pre|blockquote|h[1-6]|table|thead|tbody|tr|th|td|hr|div|section)"#
    text = text.replacingOccurrences(of: #"\s*(</?\#(block)\b[^>]*>)\s*"#, with: "$1", options: .regularExpression)
    return text.trimmingCharacters(in: .whitespaces)
}
