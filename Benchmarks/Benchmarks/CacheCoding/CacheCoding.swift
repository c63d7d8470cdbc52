import Benchmark
import DossierBenchSupport
import DossierCore
import DossierModel
import DossierRender
import DossierSite
import Foundation

/// The build cache's entry for the seed profile, encoded and decoded with Foundation's JSON
/// coders (what the cache used before format 5) and with Dossier's binary coding (what it
/// uses now). A rebuild after one profile changed decodes such an entry for every other
/// document; a cold build encodes one per document.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        warmupIterations: 10, maxDuration: .seconds(2), maxIterations: 5_000)

    let entry = SeedEntry.make()
    let json = try! JSONEncoder().encode(entry)
    let binary = try! BinaryEncoder().encode(entry)

    Benchmark("Encode seed entry (JSONEncoder, \(json.count / 1024) KB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? JSONEncoder().encode(entry))
        }
    }

    Benchmark("Encode seed entry (BinaryEncoder, \(binary.count / 1024) KB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? BinaryEncoder().encode(entry))
        }
    }

    Benchmark("Decode seed entry (JSONDecoder)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? JSONDecoder().decode(SeedEntry.self, from: json))
        }
    }

    Benchmark("Decode seed entry (BinaryDecoder)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? BinaryDecoder().decode(SeedEntry.self, from: binary))
        }
    }
}

/// A copy of the cache's document entry (`CachedDocument` and `DocumentResult`, internal to
/// DossierSite), field for field, made of the same public model types, filled as a build
/// fills it for the seed profile.
struct SeedEntry: Codable {
    var key: String
    var result: Result
    var outputs: [String]
    var layouts: [String]

    struct Result: Codable {
        var record: DocumentRecord?
        var profile: Profile?
        var patterns: [Pattern] = []
        var page: Page?
        var diagnostics: [Diagnostic] = []
        var renderDiagnostics: [Diagnostic] = []
        var writeFailures: [Diagnostic] = []
        var introHTML = ""
        var introUsesMermaidScript = false
        var anchorLinks: [DocumentPage.AnchorLink] = []
    }

    static func make() -> SeedEntry {
        let extracted = Fixtures.extractSeed()
        let record = Fixtures.record(extracted, page: Fixtures.seedPage, path: Fixtures.seedPath)
        let links = Fixtures.links(extracted, record: record)
        let digest = String(repeating: "0123456789abcdef", count: 4)
        let result = Result(record: record, profile: extracted.profile, patterns: extracted.patterns, page: extracted.page,
                            diagnostics: extracted.diagnostics + links.diagnostics, anchorLinks: links.anchorLinks)
        return SeedEntry(key: digest, result: result, outputs: [Fixtures.seedPage + "index.html"],
                         layouts: (0..<3).map { "\($0)" + digest.dropFirst() })
    }
}
