import DossierModel
import Foundation
import Testing
@testable import DossierExtract

/// The formatted twins of plain list fields: what extraction records, and that every twin
/// says exactly what its plain entry says.
struct InlineTextTests {
    @Test func aProfilePatternKeepsCodeBoldEmphasisAndLinks() {
        let (_, patterns, _) = profile("""
        # X
        ## Proven Architecture Patterns
        ### Pattern 1: Queue Worker
        **Prerequisites**: the `worker` role

        **When to use**:
        - Jobs run by **Celery** or *RQ*, see [the guide](../guide.md)
        - Plain words
        """)
        let pattern = patterns[0]
        #expect(pattern.prerequisites == ["the worker role"])
        #expect(pattern.prerequisitesFormatted == [InlineText([.text("the "), .code("worker"), .text(" role")])])
        #expect(pattern.whenToUse == ["Jobs run by Celery or RQ, see the guide", "Plain words"])
        #expect(pattern.whenToUseFormatted == [
            InlineText([.text("Jobs run by "), .strong([.text("Celery")]), .text(" or "), .emphasis([.text("RQ")]),
                        .text(", see "), .link(url: "../guide.md", [.text("the guide")])]),
            InlineText(plain: "Plain words"),
        ])
    }

    @Test func boldAcrossALineBreakIsBoldOnBothLines() {
        let (_, patterns, _) = profile("""
        # X
        ## Proven Architecture Patterns
        ### Pattern 1: Queue Worker
        **Rollback**:
        Drain **the
        queue** first
        """)
        #expect(patterns[0].rollback == ["Drain the", "queue first"])
        #expect(patterns[0].rollbackFormatted == [
            InlineText([.text("Drain "), .strong([.text("the")])]),
            InlineText([.strong([.text("queue")]), .text(" first")]),
        ])
    }

    @Test func aOneLineTroubleshootingSolutionKeepsItsCode() {
        let (profile, _, _) = profile("""
        # X
        ## Troubleshooting
        - **Import errors** → Solution: pin `mangum` in requirements (success rate: 100%)
        """)
        let entry = profile.troubleshooting[0]
        #expect(entry.solution == "pin mangum in requirements")
        #expect(entry.solutionFormatted == InlineText([.text("pin "), .code("mangum"), .text(" in requirements")]))
    }

    @Test func slicingKeepsTheFormattingAroundTheCut() {
        let text = InlineText([.text("Use "), .strong([.text("bold "), .code("code")]), .text(" here")])
        #expect(text.plain == "Use bold code here")
        #expect(text.slice(utf8: 6..<11) == InlineText([.strong([.text("ld "), .code("co")])]))
        #expect(InlineText([.text("  "), .code("x"), .text(" ")]).trimmingSpaces == InlineText([.code("x")]))
    }

    @Test func spansEncodeAsKindTaggedObjects() throws {
        let text = InlineText([.text("a "), .link(url: "x.md", [.code("b")])])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(text), as: UTF8.self)
        #expect(json == #"[{"kind":"text","text":"a "},{"children":[{"kind":"code","text":"b"}],"kind":"link","url":"x.md"}]"#)
        #expect(try JSONDecoder().decode(InlineText.self, from: Data(json.utf8)) == text)
    }

    /// Over the shared corpus and the seed: every twin has its plain list's length and says
    /// the same words, so renderers can use either.
    @Test func everyTwinMatchesItsPlainTextInTheCorpus() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("content")
        var files: [(String, String)] = try SharedFixtures.corpusFiles.map { ($0, try SharedFixtures.text($0)) }
        for folder in ["profiles", "patterns"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: seed.appendingPathComponent(folder).path) where name.hasSuffix(".md") {
                files.append(("content/\(folder)/\(name)", try String(contentsOf: seed.appendingPathComponent("\(folder)/\(name)"), encoding: .utf8)))
            }
        }
        var mismatches: [String] = []
        func check(_ plain: [String], _ twins: [InlineText], _ what: String) {
            if plain != twins.map(\.plain) { mismatches.append(what) }
        }
        for (path, text) in files {
            let kind: DocumentKind = path.contains("/patterns/") ? .pattern : .profile
            let extracted = Extractor.extract(text: text, path: path, kind: kind, id: "x")
            for pattern in extracted.patterns {
                check(pattern.whenToUse, pattern.whenToUseFormatted, "\(path) \(pattern.id) whenToUse")
                check(pattern.whenNotToUse, pattern.whenNotToUseFormatted, "\(path) \(pattern.id) whenNotToUse")
                check(pattern.prerequisites, pattern.prerequisitesFormatted, "\(path) \(pattern.id) prerequisites")
                check(pattern.monitoring, pattern.monitoringFormatted, "\(path) \(pattern.id) monitoring")
                check(pattern.rollback, pattern.rollbackFormatted, "\(path) \(pattern.id) rollback")
                for step in pattern.implementation {
                    check([step.title] + step.items, [step.titleFormatted] + step.itemsFormatted, "\(path):\(step.line) step")
                    check(step.text.map { [$0] } ?? [], step.textFormatted.map { [$0] } ?? [], "\(path):\(step.line) step text")
                }
            }
            if let profile = extracted.profile {
                for practice in profile.knowledge.bestPractices { check(practice.items, practice.itemsFormatted, "\(path):\(practice.line)") }
                for common in profile.knowledge.commonPatterns { check(common.details, common.detailsFormatted, "\(path):\(common.line)") }
                for entry in profile.troubleshooting {
                    check(entry.solution.map { [$0] } ?? [], entry.solutionFormatted.map { [$0] } ?? [], "\(path):\(entry.line) solution")
                }
            }
        }
        if SharedFixtures.exists("corpus/adlc") {
            #expect(files.count > 20)
        } else {
            print("../shared/corpus is absent: formatted twins checked on the sample handbook only")
            #expect(files.count >= 6)
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}
