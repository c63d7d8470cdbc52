import Benchmark
import DossierBenchSupport
import DossierMarkdown

/// Markdown of the seed profile (18.8 KB): cmark-gfm's parse copied into Dossier's Swift
/// tree, Dossier's own HTML renderer over that tree, both together, and — for scale —
/// cmark-gfm's parse + its own C HTML renderer (what `cmark_perfile.c`, the floor of
/// `compare.sh`, does per file, minus the file I/O).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3, maxDuration: .seconds(2), maxIterations: 5_000)

    let text = Fixtures.seedText
    let document = MarkdownParser.parse(text)

    Benchmark("Parse seed (cmark-gfm → Swift tree)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(MarkdownParser.parse(text))
        }
    }

    Benchmark("Render seed HTML (HTMLRenderer, parsed tree)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(HTMLRenderer(document: document).render())
        }
    }

    Benchmark("Parse + render seed HTML") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(HTMLRenderer(document: MarkdownParser.parse(text)).render())
        }
    }

    Benchmark("cmark-gfm parse + C HTML renderer (the floor's work)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(MarkdownParser.referenceHTML(text))
        }
    }
}
