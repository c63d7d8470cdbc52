import DossierCore
import DossierMarkdown
import DossierModel
import Foundation
import Testing
@testable import DossierExtract

/// Every file of the real corpus: no crash, no error, the scores found, and a few exports
/// compared with golden files.
@Suite(.enabled(if: SharedFixtures.exists("corpus/adlc"), "../shared/corpus is absent: corpus extraction tests skipped"))
struct CorpusTests {
    func extract(_ path: String) throws -> ExtractedDocument {
        let kind: DocumentKind = path.contains("/patterns/") ? .pattern : .profile
        let name = String(path.split(separator: "/").last!.dropLast(3))
        return Extractor.extract(text: try SharedFixtures.text(path), path: "content/" + path.split(separator: "/").suffix(2).joined(separator: "/"),
                                 kind: kind, id: Slug.make(name))
    }

    @Test func everyFileExtractsWithoutErrors() throws {
        let files = SharedFixtures.corpusFiles
        #expect(files.count == 43)
        for path in files {
            let extracted = try extract(path)
            let errors = extracted.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(path): \(errors)")
        }
    }

    /// The score-carrying list items and table rows, found by an independent, simpler rule:
    /// a number in 0…1 with one or two decimals that is not a threshold, money or a unit.
    func scoreLines(in path: String) throws -> Set<Int> {
        let text = try SharedFixtures.text(path)
        let document = MarkdownParser.parse(FrontMatter.split(text, path: path).body)
        var inCode = Set<Int>()
        for node in document.nodes where node.kind == .codeBlock || node.kind == .htmlBlock {
            for line in Int(node.range.start.line)...Int(node.range.end.line) { inCode.insert(line) }
        }
        let item = try NSRegularExpression(pattern: #"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+\S|^\s*\|"#)
        let separator = try NSRegularExpression(pattern: #"^\s*\|[\s:|-]+\|\s*$"#)
        let number = try NSRegularExpression(pattern: #"(?<![\d.$€£\w])(0\.\d{1,2}|1\.00?)(?![\d.%\w])"#)
        let threshold = try NSRegularExpression(pattern: #"(≥|≤|<|>|=|\+|-|–|threshold|when confidence|target|above|below)\s*:?\s*$"#, options: .caseInsensitive)
        let unit = try NSRegularExpression(pattern: #"^\s*(vcpu|gb|mb|ms|s\b|sec|seconds|min|minutes|hours|x\b|credits)"#, options: .caseInsensitive)
        var lines = Set<Int>()
        for (offset, line) in text.components(separatedBy: "\n").enumerated() where !inCode.contains(offset + 1) {
            let ns = line as NSString
            let whole = NSRange(location: 0, length: ns.length)
            guard item.firstMatch(in: line, range: whole) != nil, separator.firstMatch(in: line, range: whole) == nil else { continue }
            for match in number.matches(in: line, range: whole) {
                let before = ns.substring(to: match.range.location)
                let after = ns.substring(from: match.range.location + match.range.length)
                if threshold.firstMatch(in: before, range: NSRange(location: 0, length: (before as NSString).length)) != nil { continue }
                if unit.firstMatch(in: after, range: NSRange(location: 0, length: (after as NSString).length)) != nil { continue }
                lines.insert(offset + 1)
                break
            }
        }
        return lines
    }

    @Test func findsAtLeast99PercentOfScores() throws {
        var expected = 0
        var found = 0
        var missed: [String] = []
        for path in SharedFixtures.corpusFiles {
            let extracted = try extract(path)
            let scores = extracted.profile?.scores ?? extracted.patterns.first?.scores ?? []
            let lines = Set(scores.map(\.line))
            for line in try scoreLines(in: path).sorted() {
                expected += 1
                if lines.contains(line) { found += 1 } else { missed.append("\(path):\(line)") }
            }
        }
        let coverage = Double(found) / Double(max(1, expected))
        print("score coverage: \(found)/\(expected) = \(coverage)")
        #expect(expected > 300)
        #expect(coverage >= 0.99, "missed: \(missed)")
    }

    @Test(arguments: ["corpus/adlc/profiles/cost-optimization-specialist.md", "corpus/adlc/patterns/aws-docs-deployment-pattern.md",
                      "corpus/adlc/profiles/analytics-engineer-role.md"])
    func goldenExport(_ path: String) throws {
        let extracted = try extract(path)
        struct Export: Encodable {
            var profile: Profile?
            var patterns: [Pattern]
            var diagnostics: [String]
        }
        let json = try canonicalJSON(Export(profile: extracted.profile, patterns: extracted.patterns,
                                            diagnostics: extracted.diagnostics.map(\.description)))
        let name = String(path.split(separator: "/").last!.dropLast(3))
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).json")
        let existing = try? String(contentsOf: golden, encoding: .utf8)
        if existing == nil || ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try json.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded Golden/\(name).json; review it and run again")
            return
        }
        #expect(existing == json, "extraction of \(path) differs from Golden/\(name).json (DOSSIER_RECORD=1 re-records on purpose)")
    }
}
