import Benchmark
import DossierBenchSupport
import DossierDiagrams
import DossierGraphviz
import DossierModel

/// A 10-node arrow diagram (9 services in a chain, a monitoring node under the middle one)
/// through DossierDiagrams (reading the text into a graph) and DossierGraphviz (layout, SVG),
/// the way a profile page draws it. The issue budgets ~1 ms per diagram.
///
/// Such a chain with a branch is drawn by Dossier's own layered layout (`LayeredLayout`),
/// without Graphviz: "Own layout + SVG" times that path. The Graphviz cases send the same
/// diagram to `dot` (`laysOutSimpleDiagrams: false`), as every diagram went before.
/// `GraphvizRenderer` caches Graphviz layouts by what it gives Graphviz, so three cases:
/// - cache miss: one renderer for all iterations (as in a build), a new diagram each time
///   (the first label carries the iteration number);
/// - new renderer: the same plus starting a Graphviz context (`gvContext`);
/// - cache hit: the same diagram again: only the SVG writer runs.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3, maxDuration: .seconds(2), maxIterations: 2_000)

    let text = BenchDiagrams.tenNodeText
    let block = BenchDiagrams.block(text)
    let diagram = BenchDiagrams.diagram(text)
    let options = DrawingOptions(idPrefix: "bench", title: "Pattern 1: benchmark diagram")

    Benchmark("Read 10-node arrow diagram (text → graph)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(DiagramReader.read(block))
        }
    }

    let own = GraphvizRenderer()
    Benchmark("Own layout + SVG, 10 nodes (chain with a branch)") { benchmark in
        let fresh = BenchDiagrams.diagram(BenchDiagrams.arrowText(nodes: 10, suffix: " \(benchmark.currentIteration)"))
        benchmark.startMeasurement()
        blackHole(try? own.svg(for: fresh, options: options))
    }

    let renderer = GraphvizRenderer(laysOutSimpleDiagrams: false)
    Benchmark("Layout + SVG, 10 nodes, cache miss (shared renderer)") { benchmark in
        let fresh = BenchDiagrams.diagram(BenchDiagrams.arrowText(nodes: 10, suffix: " \(benchmark.currentIteration)"))
        benchmark.startMeasurement()
        blackHole(try? renderer.svg(for: fresh, options: options))
    }

    Benchmark("Layout + SVG, 10 nodes, new renderer (gvContext + layout)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? GraphvizRenderer(laysOutSimpleDiagrams: false).svg(for: diagram, options: options))
        }
    }

    let warm = GraphvizRenderer(laysOutSimpleDiagrams: false)
    _ = try? warm.svg(for: diagram, options: options)
    Benchmark("SVG only, 10 nodes, cache hit") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? warm.svg(for: diagram, options: options))
        }
    }

    // Larger arrow diagrams, to see how layout grows with nodes (stress.sh draws 300); from
    // 41 nodes on the own layout hands them to Graphviz anyway.
    for nodes in [30, 100] {
        let shared = GraphvizRenderer(laysOutSimpleDiagrams: false)
        Benchmark("Layout + SVG, cache miss", configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident], tags: ["nodes": "\(nodes)"],
            warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 200)
        ) { benchmark in
            let fresh = BenchDiagrams.diagram(BenchDiagrams.arrowText(nodes: nodes, suffix: " \(benchmark.currentIteration)"))
            benchmark.startMeasurement()
            blackHole(try? shared.svg(for: fresh, options: options))
        }
    }
}
