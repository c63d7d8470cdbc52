@testable import DossierServe

extension SiteSnapshot {
    /// A snapshot of these files, as the build's sink would make it after serving `previous`.
    init(bytes: [String: [UInt8]], baseURL: String, reusing previous: SiteSnapshot? = nil) {
        let sink = MemorySink(previous: previous)
        for (path, content) in bytes { try? sink.write(path, content) }
        self = sink.snapshot(baseURL: baseURL)
    }
}
