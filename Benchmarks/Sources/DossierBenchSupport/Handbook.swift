import DossierExtract
import DossierModel
import DossierRender
import Foundation

/// A handbook model of N profiles, what the search index and the export are made from.
///
/// The seed profile is extracted once and copied N times under new ids (`agent-00042`,
/// title `AWS Expert 42`, its patterns renamed to match), so building a model of 10,000
/// profiles takes milliseconds rather than 10,000 extractions. Each copy has the seed's
/// size: 26 capabilities, 3 patterns, every section.
public struct BenchHandbook: Sendable {
    public var model: SiteModel
    public var records: [DocumentRecord]

    public var overview: SiteOverview {
        SiteOverview(model: model, records: records, introHTML: "")
    }

    public init(profiles count: Int) {
        let seed = Fixtures.extractSeed()
        guard let seedProfile = seed.profile else { fatalError("the seed did not extract as a profile") }
        let seedRecord = Fixtures.record(seed, page: Fixtures.seedPage, path: Fixtures.seedPath)
        var profiles: [Profile] = []
        var patterns: [Pattern] = []
        var records: [DocumentRecord] = []
        profiles.reserveCapacity(count)
        records.reserveCapacity(count)
        for index in 0..<count {
            let id = "agent-" + String(index + 100_000).dropFirst()
            let path = "content/profiles/\(id).md"
            var profile = seedProfile
            profile.id = id
            profile.title = "AWS Expert \(index)"
            profile.source = SourceRef(path: path, line: 1)
            let copies = seed.patterns.map { pattern -> Pattern in
                var pattern = pattern
                pattern.id = id + pattern.id.dropFirst(Fixtures.seedID.count)
                pattern.profile = id
                pattern.source.path = path
                return pattern
            }
            profile.patterns = copies.map(\.id)
            profiles.append(profile)
            patterns += copies
            var record = seedRecord
            record.id = id
            record.title = profile.title
            record.source = profile.source
            record.page = "profiles/\(id)/"
            records.append(record)
        }
        model = SiteModel(config: SiteConfig(title: "Benchmark Handbook"), profiles: profiles, patterns: patterns)
        self.records = records
    }

    private static let cache = HandbookCache()

    /// The handbook of `count` profiles, made once per process.
    public static func shared(profiles count: Int) -> BenchHandbook {
        cache.get(count)
    }
}

private final class HandbookCache: @unchecked Sendable {
    // @unchecked: `handbooks` is only touched with `lock` held.
    private let lock = NSLock()
    private var handbooks: [Int: BenchHandbook] = [:]

    func get(_ count: Int) -> BenchHandbook {
        lock.lock()
        defer { lock.unlock() }
        if let handbook = handbooks[count] { return handbook }
        let handbook = BenchHandbook(profiles: count)
        handbooks[count] = handbook
        return handbook
    }
}
