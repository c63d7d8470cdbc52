import DossierCore
import DossierModel
import Foundation

/// The JSON document written to `data/dossier.json` and by `dossier export`: the contract
/// dashboards and scripts read. Keys are sorted and nothing depends on time or thread order,
/// so the same input always gives the same bytes. Changing a field means bumping
/// `schemaVersion` (see `ExportSchema`).
public struct SiteExport: Encodable, Sendable {
    public static let schemaVersion = "1.1"

    public struct Generator: Encodable, Sendable {
        var name = DossierVersion.name
        var version = DossierVersion.current
    }

    public struct Site: Encodable, Sendable {
        var title: String
        var description: String
        var baseURL: String
    }

    /// A diagnostic, flattened for tools: `path`, `line` and `column` beside the message.
    public struct Problem: Encodable, Sendable {
        var severity: Severity
        var code: String
        var message: String
        var path: String?
        var line: Int?
        var column: Int?
        var notes: [String]

        public init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity
            code = diagnostic.code
            message = diagnostic.message
            path = diagnostic.location?.path
            line = diagnostic.location?.line
            column = diagnostic.location?.column
            notes = diagnostic.notes
        }
    }

    var schemaVersion = SiteExport.schemaVersion
    var generator = Generator()
    var site: Site
    var profiles: [Profile]
    var patterns: [Pattern]
    var documents: [Page]
    var diagnostics: [Problem]

    public init(model: SiteModel) {
        site = Site(title: model.config.title, description: model.config.description, baseURL: model.config.baseURL)
        profiles = model.profiles
        patterns = model.patterns
        documents = model.pages
        diagnostics = model.diagnostics.map(Problem.init)
    }

    /// Pretty-printed, key-sorted JSON with a final newline.
    public func json() throws -> [UInt8] {
        var out: [UInt8] = []
        try write { out += $0 }
        return out
    }

    /// The JSON of ``json()``, handed to `emit` a piece at a time, so that a file or a pipe
    /// receives it without the whole export ever being in memory.
    ///
    /// The same bytes `JSONEncoder` gives for the whole value, but made element by element:
    /// encoding everything at once builds Foundation's tree of the entire export before
    /// writing a byte (gigabytes for ten thousand profiles) and runs on one core. Here each
    /// profile, pattern and document is encoded on its own, in parallel, by
    /// `ExportJSONEncoder`, which writes it already indented for its place. `ExportTests`
    /// checks the result against `JSONEncoder`'s.
    public func write(_ emit: ([UInt8]) throws -> Void) throws {
        func key(_ name: String) throws { try emit(Array("  \"\(name)\" : ".utf8)) }
        let next = Array(",\n".utf8)
        try emit(Array("{\n".utf8))
        try key("diagnostics"); try Self.writeArray(diagnostics, to: emit); try emit(next)
        try key("documents"); try Self.writeArray(documents, to: emit); try emit(next)
        try key("generator"); try emit(Self.encode(generator)); try emit(next)
        try key("patterns"); try Self.writeArray(patterns, to: emit); try emit(next)
        try key("profiles"); try Self.writeArray(profiles, to: emit); try emit(next)
        try key("schemaVersion"); try emit(Self.encode(schemaVersion)); try emit(next)
        try key("site"); try emit(Self.encode(site))
        try emit(Array("\n}\n".utf8))
    }

    /// A member of the top-level object, after its key.
    private static func encode(_ value: some Encodable) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try ExportJSONEncoder().encode(value, level: 1, into: &bytes)
        return bytes
    }

    /// A member array one level in, as `JSONEncoder` prints it (`[`, blank line, `]` when
    /// empty), handed to `emit`. Elements are encoded in parallel, a batch at a time, and
    /// each batch is emitted and dropped before the next: only a batch is in memory.
    private static func writeArray<Element: Encodable & Sendable>(_ elements: [Element], to emit: ([UInt8]) throws -> Void) throws {
        if elements.isEmpty {
            try emit(Array("[\n\n  ]".utf8))
            return
        }
        try emit(Array("[\n".utf8))
        // A few chunks per core at a time: enough to keep every core busy, few enough that
        // a batch of encoded profiles stays small.
        let chunkSize = 16
        let batchSize = chunkSize * 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        while start < elements.count {
            let first = start
            let end = min(elements.count, start + batchSize)
            let chunkCount = (end - first + chunkSize - 1) / chunkSize
            let chunks = Locked([Result<[UInt8], any Error>?](repeating: nil, count: chunkCount))
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let range = first + chunk * chunkSize ..< min(end, first + (chunk + 1) * chunkSize)
                let result = Result { () throws -> [UInt8] in
                    // Each element at the depth of an element of a member array: 4 spaces in.
                    let encoder = ExportJSONEncoder()
                    var bytes: [UInt8] = []
                    for index in range {
                        if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
                        bytes.append(contentsOf: "    ".utf8)
                        try encoder.encode(elements[index], level: 2, into: &bytes)
                    }
                    return bytes
                }
                chunks.withLock { $0[chunk] = result }
            }
            var batch: [UInt8] = []
            for chunk in chunks.withLock({ $0 }) { batch += try chunk!.get() }
            try emit(batch)
            start = end
        }
        try emit(Array("\n  ]".utf8))
    }
}

/// Everything written under `data/`: the JSON export, its schema and the CSV tables.
public struct DataExport {
    public var model: SiteModel

    public init(model: SiteModel) {
        self.model = model
    }

    /// Hands every file to `write`, one at a time, with a function that makes its bytes
    /// piece by piece: each file is made while it is written, and dropped before the next,
    /// so no more than a megabyte of a table or one batch of the export is in memory at once.
    public func write(_ write: (_ path: String, _ pieces: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws -> Void) throws {
        try write("data/dossier.json") { emit in try SiteExport(model: model).write(emit) }
        try write("data/dossier.schema.json") { emit in try emit(Array(ExportSchema.json.utf8)) }
        for table in CSVTables(model: model).specs {
            try write("data/\(table.name).csv") { emit in try table.write(emit) }
        }
    }

    /// Every file, whole: for tools and benchmarks that want the bytes in memory.
    public func files() throws -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = []
        try write { path, pieces in
            var bytes: [UInt8] = []
            try pieces { bytes += $0 }
            files.append((path, bytes))
        }
        return files
    }
}
