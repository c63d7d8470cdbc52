import DossierCore
import DossierModel
import Testing
@testable import DossierGraphviz

@Suite("Own layout: the renderer")
struct LayeredRendererTests {
    final class Store: LayoutStore, Sendable {
        let keys = Locked([String]())
        func layout(forKey key: String) -> String? {
            keys.withLock { $0.append("get " + key) }
            return nil
        }
        func store(layout svg: String, forKey key: String) { keys.withLock { $0.append("put " + key) } }
    }

    @Test func ownLayoutsSkipGraphvizTheCacheTheStoreAndTheUsageRecord() throws {
        let store = Store()
        let renderer = GraphvizRenderer(store: store)
        let usage = LayoutUsage()
        try LayoutUsage.$current.withValue(usage) {
            for diagram in Shapes.taken {
                _ = try renderer.svg(for: diagram, options: DrawingOptions(idPrefix: "o", title: "O"))
            }
        }
        #expect(renderer.layoutCount == 0)
        #expect(store.keys.withLock { $0 }.isEmpty)
        #expect(usage.recorded.isEmpty)
    }

    @Test(arguments: LayeredQualificationTests.leftToGraphviz.indices)
    func otherShapesGoToGraphviz(index: Int) throws {
        let (name, diagram, _) = LayeredQualificationTests.leftToGraphviz[index]
        let renderer = GraphvizRenderer()
        #expect(!renderer.laysOutWithoutGraphviz(diagram))
        _ = try renderer.svg(for: diagram, options: DrawingOptions(idPrefix: "g", title: "G"))
        #expect(renderer.layoutCount == 1, "\(name) goes to Graphviz")
    }

    @Test func onlyDotIsReplaced() {
        #expect(GraphvizRenderer().laysOutWithoutGraphviz(Diagrams.serverless))
        #expect(!GraphvizRenderer(engine: "neato").laysOutWithoutGraphviz(Diagrams.serverless))
        #expect(!GraphvizRenderer(laysOutSimpleDiagrams: false).laysOutWithoutGraphviz(Diagrams.serverless))
    }

    @Test func theSwitchSendsEverythingToGraphviz() throws {
        let renderer = GraphvizRenderer(laysOutSimpleDiagrams: false)
        _ = try renderer.svg(for: Diagrams.serverless, options: DrawingOptions(idPrefix: "o", title: "O"))
        #expect(renderer.layoutCount == 1)
    }

    @Test func sameDiagramSameBytes() async throws {
        let options = DrawingOptions(idPrefix: "p", title: "P", links: ["Lambda": "#lambda"], tiers: ["Lambda": .primary])
        let expected = try Shapes.taken.map { try GraphvizRenderer().svg(for: $0, options: options) }
        let renderer = GraphvizRenderer()
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for task in 0..<96 {
                group.addTask {
                    let index = task % Shapes.taken.count
                    return (index, try renderer.svg(for: Shapes.taken[index], options: options))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for (index, svg) in results { #expect(svg == expected[index]) }
    }

    @Test func drawsTheSameElementsAsGraphviz() throws {
        for diagram in Shapes.taken {
            let own = try Rendered(diagram)
            let dot = try Rendered(diagram, renderer: GraphvizRenderer(laysOutSimpleDiagrams: false))
            #expect(own.nodeLabels == dot.nodeLabels)
            #expect(own.edges.map(\.classes) == dot.edges.map(\.classes))
            #expect(own.edges.map { $0.children.map(\.name) } == dot.edges.map { $0.children.map(\.name) })
            #expect(own.nodes.map { $0.descendants.map(\.name) } == dot.nodes.map { $0.descendants.map(\.name) })
            #expect(own.root["viewBox"] != nil)
        }
    }
}
