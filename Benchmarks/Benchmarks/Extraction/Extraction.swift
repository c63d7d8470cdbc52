import Benchmark
import DossierBenchSupport
import DossierExtract
import DossierMarkdown

/// Extraction of the seed profile (`content/profiles/aws-expert.md`, 18.8 KB): everything
/// `Extractor.extract` does for one profile — front matter, the cmark-gfm parse into the
/// Swift tree, headings, tiers, services, metrics, knowledge, troubleshooting, relations,
/// scores, diagrams, patterns. The parse alone is in the Markdown suite; subtract it to
/// get the extraction proper.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3, maxDuration: .seconds(2), maxIterations: 2_000)

    let text = Fixtures.seedText
    Benchmark("Extract seed profile (parse + extraction)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Extractor.extract(text: text, path: Fixtures.seedPath, kind: .profile, id: Fixtures.seedID))
        }
    }

    // The seed as a plain page: parse, headings, sections, diagrams; no profile readers.
    Benchmark("Extract seed as a plain page (no profile readers)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Extractor.extract(text: text, path: "content/seed.md", kind: .page, id: "seed"))
        }
    }
}
