import DossierSite
import Foundation
import Testing
import DossierTestSupport

/// What a built site ships: its CSS and JavaScript stay small, and no page loads anything
/// from another host (the site must work offline and from disk).
struct AssetBudgetTests {
    /// Everything under assets/ ending in .css or .js, plus the home page's inline scripts and styles.
    static let budget = 60_000

    @Test func scriptsAndStylesFitTheBudget() async throws {
        let site = try await BuiltSite.sample()
        var sizes: [(String, Int)] = []
        for path in site.files where path.hasPrefix("assets/") && (path.hasSuffix(".css") || path.hasSuffix(".js")) {
            sizes.append((path, try site.data(path).count))
        }
        #expect(sizes.contains { $0.0 == "assets/dossier.css" } && sizes.contains { $0.0 == "assets/dossier.js" }, "\(sizes)")
        let home = try site.text("index.html")
        for (n, block) in HTMLScan.inlineBlocks(in: home).enumerated() {
            sizes.append(("index.html inline <\(block.tag)> #\(n + 1)", block.text.utf8.count))
        }
        let total = sizes.reduce(0) { $0 + $1.1 }
        let list = sizes.map { "\($0.0): \($0.1) bytes" }.joined(separator: ", ")
        #expect(total < Self.budget, "the site ships \(total) bytes of CSS and JavaScript, over the \(Self.budget)-byte budget: \(list)")
    }

    @Test(arguments: BuiltSite.Handbook.allCases)
    func pagesLoadNothingFromOtherHosts(handbook: BuiltSite.Handbook) async throws {
        guard let site = try await BuiltSite.build(handbook) else { return }  // the corpus is absent
        var found: [String] = []
        for path in site.files.sorted() {
            if path.hasSuffix(".html") {
                for reference in HTMLScan.references(in: try site.text(path)) where reference.isExternal && !reference.isAllowed {
                    found.append("\(path):\(reference.line): <\(reference.tag) \(reference.attribute)=\"\(reference.value)\">")
                }
            } else if path.hasSuffix(".css") || path.hasSuffix(".js") {
                for (line, text) in try site.text(path).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where text.range(of: #"(url\(\s*['"]?|@import\s+['"]?|['"])(https?:)?//"#, options: .regularExpression) != nil {
                    found.append("\(path):\(line + 1): \(text.trimmingCharacters(in: .whitespaces).prefix(120))")
                }
            }
        }
        #expect(found.isEmpty, "\(handbook) site references other hosts:\n\(found.prefix(40).joined(separator: "\n"))")
    }

    @Test func theScannerSeesReferencesAndTheirContext() {
        let html = """
        <link rel="canonical" href="https://example.org/a/">
        <img src="//cdn.example.org/x.png"><a href="https://a.example/">a</a>
        <div class="markdown"><p><a href="https://b.example/">b</a></p></div>
        <p style="background: url(https://c.example/i.png)"><script src="../assets/dossier.js"></script></p>
        """
        let found = HTMLScan.references(in: html).filter(\.isExternal)
        #expect(found.map(\.value) == ["https://example.org/a/", "//cdn.example.org/x.png", "https://a.example/", "https://b.example/", "https://c.example/i.png"])
        #expect(found.map(\.isAllowed) == [true, false, false, true, false])
        #expect(found.map(\.line) == [1, 2, 2, 3, 4])
    }
}

/// A site built into a temporary folder with `SiteBuilder`, removed when dropped.
final class BuiltSite {
    enum Handbook: String, CaseIterable, CustomStringConvertible, Sendable {
        case sample, corpus
        var description: String { rawValue }
    }

    let output: URL
    private let scratch: URL
    let files: [String]

    private init(root: URL, scratch: URL) async throws {
        self.scratch = scratch
        output = scratch.appendingPathComponent("site")
        var builder = SiteBuilder(root: root, output: output)
        builder.useCache = false
        let report = await builder.build()
        guard report.committed else { throw BuildFailure(diagnostics: "\(report.diagnostics)") }
        files = try snapshot(of: output).keys.sorted()
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    static func sample() async throws -> BuiltSite {
        try await BuiltSite(root: repositoryRoot, scratch: temporaryFolder())
    }

    /// The sample, or the corpus in `../shared/corpus/adlc` (nil when it is absent).
    static func build(_ handbook: Handbook) async throws -> BuiltSite? {
        guard handbook == .corpus else { return try await sample() }
        let corpus = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/adlc")
        guard FileManager.default.fileExists(atPath: corpus.path) else { return nil }
        let scratch = temporaryFolder()
        let content = scratch.appendingPathComponent("handbook/content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for folder in ["profiles", "patterns"] where FileManager.default.fileExists(atPath: corpus.appendingPathComponent(folder).path) {
            try FileManager.default.copyItem(at: corpus.appendingPathComponent(folder), to: content.appendingPathComponent(folder))
        }
        return try await BuiltSite(root: scratch.appendingPathComponent("handbook"), scratch: scratch)
    }

    func data(_ path: String) throws -> Data { try Data(contentsOf: output.appendingPathComponent(path)) }
    func text(_ path: String) throws -> String { String(decoding: try data(path), as: UTF8.self) }

    private static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-assets-\(UUID().uuidString)")
    }

    struct BuildFailure: Error, CustomStringConvertible {
        let diagnostics: String
        var description: String { "the build did not complete: \(diagnostics)" }
    }
}

/// A small tag scanner for Dossier's own HTML: enough to find references and whether they
/// sit inside author Markdown (`class="markdown"`).
enum HTMLScan {
    struct Reference {
        let tag: String, attribute: String, value: String, line: Int
        let insideMarkdown: Bool, isCanonical: Bool

        var isExternal: Bool {
            let v = value.trimmingCharacters(in: .whitespaces).lowercased()
            return v.hasPrefix("http:") || v.hasPrefix("https:") || v.hasPrefix("//")
        }

        /// Links in the author's Markdown, and the canonical address of the page.
        var isAllowed: Bool { isCanonical || (insideMarkdown && tag == "a" && attribute == "href") }
    }

    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
    static let referring: Set<String> = ["src", "href", "xlink:href", "srcset", "poster", "data", "action", "formaction"]

    private static let tagPattern = try! NSRegularExpression(pattern: #"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(/?)>"#, options: [.dotMatchesLineSeparators])
    private static let attributePattern = try! NSRegularExpression(pattern: #"([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?"#)
    private static let urlPattern = try! NSRegularExpression(pattern: #"url\(\s*['"]?([^'")]+)"#)

    static func references(in html: String) -> [Reference] {
        let ns = html as NSString
        var stack: [(tag: String, markdown: Bool)] = []
        var found: [Reference] = []
        var lineCounter = LineCounter(text: ns)
        for match in tagPattern.matches(in: html, range: NSRange(location: 0, length: ns.length)) where match.range(at: 2).location != NSNotFound {
            let tag = ns.substring(with: match.range(at: 2)).lowercased()
            if match.range(at: 1).length > 0 {  // a closing tag: pop to its opening
                if let index = stack.lastIndex(where: { $0.tag == tag }) { stack.removeSubrange(index...) }
                continue
            }
            let attributes = parseAttributes(ns.substring(with: match.range(at: 3)))
            let line = lineCounter.line(at: match.range.location)
            let markdown = (stack.last?.markdown ?? false) || (attributes["class"] ?? "").split(separator: " ").contains("markdown")
            let canonical = tag == "link" && (attributes["rel"] ?? "").lowercased() == "canonical"
            for (name, value) in attributes where referring.contains(name) {
                found.append(Reference(tag: tag, attribute: name, value: value, line: line, insideMarkdown: markdown, isCanonical: canonical))
            }
            if let style = attributes["style"] {
                for url in urls(in: style) {
                    found.append(Reference(tag: tag, attribute: "style", value: url, line: line, insideMarkdown: markdown, isCanonical: false))
                }
            }
            if !void.contains(tag) && match.range(at: 4).length == 0 { stack.append((tag, markdown)) }
        }
        for block in inlineBlocks(in: html) where block.tag == "style" {
            for url in urls(in: block.text) {
                found.append(Reference(tag: "style", attribute: "url", value: url, line: lineCounter.line(at: block.location), insideMarkdown: false, isCanonical: false))
            }
        }
        return found
    }

    /// Inline `<script>` (without src) and `<style>` contents.
    static func inlineBlocks(in html: String) -> [(tag: String, text: String, location: Int)] {
        let pattern = try! NSRegularExpression(pattern: #"<(script|style)\b([^>]*)>(.*?)</\1>"#, options: [.dotMatchesLineSeparators, .caseInsensitive])
        let ns = html as NSString
        return pattern.matches(in: html, range: NSRange(location: 0, length: ns.length)).compactMap { match in
            let tag = ns.substring(with: match.range(at: 1)).lowercased()
            if tag == "script" && parseAttributes(ns.substring(with: match.range(at: 2)))["src"] != nil { return nil }
            return (tag, ns.substring(with: match.range(at: 3)), match.range.location)
        }
    }

    private static func parseAttributes(_ text: String) -> [String: String] {
        let ns = text as NSString
        var attributes: [String: String] = [:]
        for match in attributePattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: match.range(at: 1)).lowercased()
            let value = (2...4).lazy.map { match.range(at: $0) }.first { $0.location != NSNotFound }.map { ns.substring(with: $0) } ?? ""
            attributes[name] = value
        }
        return attributes
    }

    private static func urls(in css: String) -> [String] {
        let ns = css as NSString
        return urlPattern.matches(in: css, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    /// Line numbers for increasing offsets, counted once.
    private struct LineCounter {
        let text: NSString
        var offset = 0, line = 1
        init(text: NSString) { self.text = text }

        mutating func line(at location: Int) -> Int {
            if location < offset { offset = 0; line = 1 }
            while offset < location {
                if text.character(at: offset) == 10 { line += 1 }
                offset += 1
            }
            return line
        }
    }
}
