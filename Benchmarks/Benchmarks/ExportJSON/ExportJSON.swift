import Benchmark
import DossierBenchSupport
import DossierRender

/// The JSON export (`data/dossier.json`, also `dossier export`) of a handbook of N
/// profiles, each a copy of the seed: `SiteExport.json()` (pretty-printed, sorted keys,
/// ExportJSONEncoder), and everything under `data/` (the JSON, the schema, six CSV tables).
let benchmarks: @Sendable () -> Void = {
    for count in [100, 1_000, 10_000] {
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
            tags: ["profiles": "\(count)"],
            warmupIterations: 1, maxDuration: .seconds(count >= 10_000 ? 30 : 5), maxIterations: count >= 10_000 ? 3 : 50)

        Benchmark("Export JSON (SiteExport.json)", configuration: configuration) { benchmark in
            let model = BenchHandbook.shared(profiles: count).model
            benchmark.startMeasurement()
            blackHole(try? SiteExport(model: model).json())
        } setup: {
            _ = BenchHandbook.shared(profiles: count)
        }

        Benchmark("Export data/ (JSON + schema + CSV)", configuration: configuration) { benchmark in
            let model = BenchHandbook.shared(profiles: count).model
            benchmark.startMeasurement()
            blackHole(try? DataExport(model: model).files())
        } setup: {
            _ = BenchHandbook.shared(profiles: count)
        }
    }
}
