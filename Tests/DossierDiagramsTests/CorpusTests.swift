import DossierCore
import DossierDiagrams
import DossierModel
import Foundation
import Testing

/// Every code block of the real profiles, patterns and seed in `../shared`: nothing
/// crashes and no arrow or Mermaid block gets an error.
@Suite(.enabled(if: SharedCorpus.isPresent, "../shared/corpus/adlc is absent: skipped"))
struct CorpusTests {
    static let arrowCharacters: [String] = ["→", "←", "↓", "↑", "->", "-->", "==>", "⇒"]

    @Test func everyBlockReadsWithoutErrors() throws {
        var diagrams = 0
        for file in try SharedCorpus.markdownFiles() {
            for block in try SharedCorpus.blocks(in: file) {
                let reading = DiagramReader.read(block)
                #expect(!reading.diagnostics.hasErrors, "\(file):\(block.source.line): \(reading.diagnostics)")
                if let diagram = reading.diagram {
                    diagrams += 1
                    let ids = Set(diagram.nodes.map(\.id))
                    #expect(ids.count == diagram.nodes.count, "\(file):\(block.source.line): duplicate ids")
                    #expect(diagram.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
                    #expect(MermaidParser.parse(diagram.mermaid, source: diagram.source).diagram != nil,
                            "\(file):\(block.source.line): written Mermaid does not parse")
                }
            }
        }
        #expect(diagrams > 0)
    }

    /// The arrow reader is also run on every unmarked block with an arrow in it, even those
    /// the classifier leaves as code (prose with an occasional `→`): no crash, no error.
    @Test func theArrowReaderCopesWithEveryBlockThatHasArrows() throws {
        for file in try SharedCorpus.markdownFiles() {
            for block in try SharedCorpus.blocks(in: file)
            where Self.arrowCharacters.contains(where: { block.text.contains($0) }) {
                let (diagram, diagnostics) = ArrowDiagramParser.parse(block)
                #expect(!diagnostics.hasErrors)
                #expect(diagram.kind == .arrow)
            }
        }
    }

    /// A handful of real blocks, checked exactly.
    @Test func realBlocksReadAsTheirAuthorsDrewThem() throws {
        func diagram(_ file: String, line: Int) throws -> Diagram {
            let block = try #require(try SharedCorpus.blocks(in: file).first { $0.source.line == line })
            return try #require(DiagramReader.read(block).diagram)
        }
        let steps = try diagram("corpus/adlc/patterns/cross-system-analysis-patterns.md", line: 306)
        #expect(steps.direction == .TB)
        #expect(steps.links.last == "business-context (validate with stakeholders) → dbt-expert (refine implementation) [(if changes needed)]")

        let tree = try diagram("corpus/adlc/patterns/data-freshness-investigation-pattern.md", line: 253)
        #expect(tree.links.contains("Dashboard investigation (bi-developer-role) → Refresh metadata [Data source stale]"))
        #expect(tree.links.contains("Check if data exists (SQL query - 30 sec) → Data Exists"))

        let mislabelled = try #require(try SharedCorpus.blocks(in: "corpus/adlc/profiles/tableau-expert.md")
            .first { $0.source.line == 476 })
        let reading = DiagramReader.read(mislabelled)
        #expect(reading.diagnostics.map(\.code) == ["diagram.mermaid-not-mermaid"])
        #expect(reading.diagram?.links.last == "Dashboard → User Issue Investigation")
    }
}
