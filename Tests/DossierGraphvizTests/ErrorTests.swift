import DossierCore
import DossierModel
import Testing
@testable import DossierGraphviz

@Suite("Graphviz errors")
struct ErrorTests {
    @Test func failedLayoutIsAValueWithGraphvizsMessage() throws {
        let renderer = GraphvizRenderer(engine: "no-such-engine")
        let thrown = #expect(throws: GraphvizError.self) {
            try renderer.svg(for: Diagrams.containers, options: DrawingOptions(idPrefix: "x", title: "X"))
        }
        let error = try #require(thrown)
        #expect(error.message == "layout failed")
        #expect(error.graphvizMessages.contains { $0.contains("no-such-engine") })
        #expect(renderer.layoutCount == 1)
        // The failure is cached like a success: asking again does not run Graphviz again.
        #expect(throws: GraphvizError.self) {
            try renderer.svg(for: Diagrams.containers, options: DrawingOptions(idPrefix: "x", title: "X"))
        }
        #expect(renderer.layoutCount == 1)
    }

    @Test func errorBecomesADiagnosticAtTheDiagram() {
        let error = GraphvizError("layout failed", graphvizMessages: ["Layout type: \"x\" not recognized"])
        let diagnostic = error.diagnostic(for: Diagrams.serverless)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.code == "diagram.layout-failed")
        #expect(diagnostic.location == SourceLocation(path: "content/profiles/aws-expert.md", line: 120))
        #expect(diagnostic.notes == ["Graphviz: Layout type: \"x\" not recognized"])
    }

    @Test func rendererWorksAfterAFailureElsewhere() throws {
        _ = try? GraphvizRenderer(engine: "no-such-engine").svg(for: Diagrams.amplify, options: DrawingOptions(idPrefix: "a", title: "A"))
        let svg = try GraphvizRenderer().svg(for: Diagrams.amplify, options: DrawingOptions(idPrefix: "a", title: "A"))
        #expect(svg.contains("Amplify Hosting (React)"))
    }
}
