import DossierModel
import Testing
@testable import DossierGraphviz

@Suite("Determinism and the layout cache")
struct CacheTests {
    let options = DrawingOptions(idPrefix: "p", title: "P", links: ["Lambda": "#lambda"], tiers: ["Lambda": .primary])

    @Test func sameInputGivesSameBytes() throws {
        for diagram in [Diagrams.serverless, Diagrams.steps, Diagrams.everyShape] {
            let first = try GraphvizRenderer().svg(for: diagram, options: options)
            let second = try GraphvizRenderer().svg(for: diagram, options: options)
            #expect(first == second)
        }
    }

    /// These diagrams are simple enough for `LayeredLayout`; the cache tests send them to
    /// Graphviz anyway, which is what the cache is for.
    static func graphvizOnly() -> GraphvizRenderer {
        GraphvizRenderer(laysOutSimpleDiagrams: false)
    }

    @Test func identicalDiagramsAreLaidOutOnce() throws {
        let renderer = Self.graphvizOnly()
        #expect(renderer.layoutCount == 0)
        let first = try renderer.svg(for: Diagrams.serverless, options: options)
        #expect(renderer.layoutCount == 1)
        let again = try renderer.svg(for: Diagrams.serverless, options: options)
        #expect(renderer.layoutCount == 1)
        #expect(again == first)
        _ = try renderer.svg(for: Diagrams.containers, options: options)
        #expect(renderer.layoutCount == 2)
    }

    @Test func optionsAndSourceDoNotCauseANewLayout() throws {
        let renderer = Self.graphvizOnly()
        _ = try renderer.svg(for: Diagrams.amplify, options: options)
        var moved = Diagrams.amplify
        moved.source = SourceRef(path: "content/patterns/other.md", line: 3)
        let other = DrawingOptions(idPrefix: "q", title: "Q", tiers: ["API Gateway": .developing])
        let svg = try renderer.svg(for: moved, options: other)
        #expect(renderer.layoutCount == 1)
        #expect(svg.contains("q-title"))
        #expect(svg.contains("dg-tier-developing"))
    }

    @Test func whatIsDrawnIsTheKey() {
        let plain = DiagramPlan(Diagrams.serverless).graph.cacheKey
        #expect(plain == DiagramPlan(Diagrams.serverless).graph.cacheKey)
        var relabelled = Diagrams.serverless
        relabelled.nodes[0].label = "Browser"
        #expect(DiagramPlan(relabelled).graph.cacheKey != plain)
        var turned = Diagrams.serverless
        turned.direction = .TB
        #expect(DiagramPlan(turned).graph.cacheKey != plain)
        var labelled = Diagrams.serverless
        labelled.edges[0].label = "HTTPS"
        #expect(DiagramPlan(labelled).graph.cacheKey != plain)
    }

    @Test func cacheKeyEscapingIsUnambiguous() {
        func key(_ labels: [String]) -> String {
            DiagramPlan(Diagrams.chain(labels)).graph.cacheKey
        }
        #expect(key([#"a", label="b"#]) != key(["a", "b"]))
        #expect(key(["a\\", "b"]) != key(["a", "\\b"]))
    }
}

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test func manyTasksShareOneRenderer() async throws {
        let renderer = CacheTests.graphvizOnly()
        let diagrams = [Diagrams.serverless, Diagrams.containers, Diagrams.amplify, Diagrams.steps, Diagrams.everyShape]
        let expected = try diagrams.map { try CacheTests.graphvizOnly().svg(for: $0, options: DrawingOptions(idPrefix: "c", title: "C")) }
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for task in 0..<64 {
                group.addTask {
                    let index = task % diagrams.count
                    return (index, try renderer.svg(for: diagrams[index], options: DrawingOptions(idPrefix: "c", title: "C")))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 64)
        for (index, svg) in results { #expect(svg == expected[index]) }
        #expect(renderer.layoutCount == diagrams.count)
    }

    @Test func separateRenderersAtOnceDoNotCrash() async throws {
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<16 {
                group.addTask {
                    let renderer = CacheTests.graphvizOnly()
                    let diagram = Diagrams.chain(["Task \(task)", "Queue", "Worker \(task)"])
                    _ = try renderer.svg(for: diagram, options: DrawingOptions(idPrefix: "r\(task)", title: "R"))
                    return renderer.layoutCount
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(counts == 16)
    }
}

/// dot's network simplex placement is capped on large graphs only (the stress benchmark's
/// 2,000-node Mermaid graph: 37 s uncapped, 5 s capped); small diagrams keep full quality.
struct LargeGraphTests {
    @Test func onlyLargeGraphsCapNetworkSimplex() {
        let small = DiagramPlan(Diagrams.serverless).graph.graphAttributes
        #expect(!small.contains { $0.name == "nslimit" })
        let labels = (0...DiagramPlan.largeGraph).map { "Service \($0)" }
        let large = DiagramPlan(Diagrams.chain(labels, direction: .TB)).graph.graphAttributes
        #expect(large.contains { $0.name == "nslimit" && $0.value == "1" })
    }
}
