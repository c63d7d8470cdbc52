import Benchmark
import DossierBenchSupport
import DossierRender

/// The search index (`search-index.js`) of a handbook of N profiles, each a copy of the
/// seed (26 capabilities, 3 patterns): the entries (profiles, sections, capabilities and
/// services up to 20,000 items, patterns, guides), then those entries encoded as JSON.
/// Compare the per-N times: they should grow in proportion to N.
let benchmarks: @Sendable () -> Void = {
    for count in [100, 1_000, 10_000] {
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
            tags: ["profiles": "\(count)"],
            warmupIterations: 1, maxDuration: .seconds(count >= 10_000 ? 20 : 5), maxIterations: count >= 10_000 ? 3 : 50)

        Benchmark("Search index entries", configuration: configuration) { benchmark in
            let overview = BenchHandbook.shared(profiles: count).overview
            benchmark.startMeasurement()
            blackHole(SearchIndex(overview: overview).entries())
        } setup: {
            _ = BenchHandbook.shared(profiles: count)
        }

        Benchmark("Search index script (entries + JSON)", configuration: configuration) { benchmark in
            let overview = BenchHandbook.shared(profiles: count).overview
            benchmark.startMeasurement()
            blackHole(try? SearchIndex(overview: overview).script())
        } setup: {
            _ = BenchHandbook.shared(profiles: count)
        }
    }
}
