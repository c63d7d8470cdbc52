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

    /// Where an element of the export's arrays sits in the file: the bytes from `offset`,
    /// `count` long, without the indentation before it or the comma after it.
    public struct Slice: Codable, Sendable, Hashable {
        public var offset: Int
        public var count: Int

        public init(offset: Int, count: Int) {
            self.offset = offset
            self.count = count
        }
    }

    /// Where each element of `profiles`, `patterns` and `documents` was written, by the key
    /// the caller gave it (``Keys``): what a later build needs to copy an element whose
    /// source did not change instead of encoding it again.
    public struct Layout: Codable, Sendable, Equatable {
        public var profiles: [String: Slice] = [:]
        public var patterns: [String: Slice] = [:]
        public var documents: [String: Slice] = [:]

        public init() {}
    }

    /// A key for each element of `profiles`, `patterns` and `documents`, in order, that
    /// changes whenever the element's value may have. The site builder uses the key of the
    /// document the element comes from, which covers the document's text and the site.
    public struct Keys: Sendable {
        public var profiles: [String]
        public var patterns: [String]
        public var documents: [String]

        public init(profiles: [String], patterns: [String], documents: [String]) {
            self.profiles = profiles
            self.patterns = patterns
            self.documents = documents
        }
    }

    /// The elements a previous export wrote, and a way to read their bytes back.
    public struct Reuse: Sendable {
        public var layout: Layout
        /// The bytes of a slice of the previous file; `nil` when they cannot be read.
        public var read: @Sendable (Slice) -> [UInt8]?

        public init(layout: Layout, read: @escaping @Sendable (Slice) -> [UInt8]?) {
            self.layout = layout
            self.read = read
        }
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
    ///
    /// With `keys`, the result says where each element was written. With `reuse` too, an
    /// element whose key the previous export had is copied from it, not encoded again: an
    /// element's bytes depend on nothing but its value and its depth, which is always the
    /// same. After one profile of a thousand changed, that is most of the export's work.
    @discardableResult
    public func write(keys: Keys? = nil, reuse: Reuse? = nil, _ emit: ([UInt8]) throws -> Void) throws -> Layout {
        var layout = Layout()
        var offset = 0
        func put(_ bytes: [UInt8]) throws {
            try emit(bytes)
            offset += bytes.count
        }
        func key(_ name: String) throws { try put(Array("  \"\(name)\" : ".utf8)) }
        let next = Array(",\n".utf8)
        try put(Array("{\n".utf8))
        try key("diagnostics"); try Self.writeArray(diagnostics, to: put); try put(next)
        try key("documents")
        layout.documents = try Self.writeArray(documents, keys: keys?.documents, reuse: reuse.map { ($0.layout.documents, $0.read) }, at: offset, to: put)
        try put(next)
        try key("generator"); try put(Self.encode(generator)); try put(next)
        try key("patterns")
        layout.patterns = try Self.writeArray(patterns, keys: keys?.patterns, reuse: reuse.map { ($0.layout.patterns, $0.read) }, at: offset, to: put)
        try put(next)
        try key("profiles")
        layout.profiles = try Self.writeArray(profiles, keys: keys?.profiles, reuse: reuse.map { ($0.layout.profiles, $0.read) }, at: offset, to: put)
        try put(next)
        try key("schemaVersion"); try put(Self.encode(schemaVersion)); try put(next)
        try key("site"); try put(Self.encode(site))
        try put(Array("\n}\n".utf8))
        return layout
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
    ///
    /// With `keys` (one per element), returns where each element went, given that the array
    /// starts at `start` in the file; an element whose key `reuse` knows is read back
    /// instead of encoded, if its bytes still look like an object.
    @discardableResult
    private static func writeArray<Element: Encodable & Sendable>(
        _ elements: [Element], keys: [String]? = nil, reuse: (slices: [String: Slice], read: @Sendable (Slice) -> [UInt8]?)? = nil,
        at start: Int = 0, to emit: ([UInt8]) throws -> Void
    ) throws -> [String: Slice] {
        if elements.isEmpty {
            try emit(Array("[\n\n  ]".utf8))
            return [:]
        }
        let keys = keys.flatMap { $0.count == elements.count ? $0 : nil }
        var slices: [String: Slice] = [:]
        var offset = start
        let opening = Array("[\n".utf8)
        try emit(opening)
        offset += opening.count
        // A few chunks per core at a time: enough to keep every core busy, few enough that
        // a batch of encoded profiles stays small.
        let chunkSize = 16
        let batchSize = chunkSize * 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        var first = 0
        while first < elements.count {
            let batchStart = first
            let end = min(elements.count, first + batchSize)
            let chunkCount = (end - batchStart + chunkSize - 1) / chunkSize
            // Each chunk's bytes, and where each of its elements starts and ends in them.
            let chunks = Locked([Result<(bytes: [UInt8], spans: [Range<Int>]), any Error>?](repeating: nil, count: chunkCount))
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let range = batchStart + chunk * chunkSize ..< min(end, batchStart + (chunk + 1) * chunkSize)
                let result = Result { () throws -> (bytes: [UInt8], spans: [Range<Int>]) in
                    // Each element at the depth of an element of a member array: 4 spaces in.
                    let encoder = ExportJSONEncoder()
                    var bytes: [UInt8] = []
                    var spans: [Range<Int>] = []
                    for index in range {
                        if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
                        bytes.append(contentsOf: "    ".utf8)
                        let elementStart = bytes.count
                        if let keys, let reuse, let slice = reuse.slices[keys[index]], let old = reuse.read(slice),
                           old.first == UInt8(ascii: "{"), old.last == UInt8(ascii: "}") {
                            bytes += old
                        } else {
                            try encoder.encode(elements[index], level: 2, into: &bytes)
                        }
                        spans.append(elementStart ..< bytes.count)
                    }
                    return (bytes, spans)
                }
                chunks.withLock { $0[chunk] = result }
            }
            var batch: [UInt8] = []
            var index = batchStart
            for chunk in chunks.withLock({ $0 }) {
                let (bytes, spans) = try chunk!.get()
                if let keys {
                    for span in spans {
                        slices[keys[index]] = Slice(offset: offset + batch.count + span.lowerBound, count: span.count)
                        index += 1
                    }
                }
                batch += bytes
            }
            try emit(batch)
            offset += batch.count
            first = end
        }
        try emit(Array("\n  ]".utf8))
        return slices
    }
}

/// Everything written under `data/`: the JSON export, its schema and the CSV tables.
public struct DataExport: Sendable {
    public var model: SiteModel
    /// Keys for the export's elements, and what a previous export wrote: see
    /// `SiteExport.write(keys:reuse:_:)`.
    public var keys: SiteExport.Keys?
    public var reuse: SiteExport.Reuse?

    public init(model: SiteModel, keys: SiteExport.Keys? = nil, reuse: SiteExport.Reuse? = nil) {
        self.model = model
        self.keys = keys
        self.reuse = reuse
    }

    /// Hands every file to `write`, one at a time, with a function that makes its bytes
    /// piece by piece: each file is made while it is written, and dropped before the next,
    /// so no more than a megabyte of a table or one batch of the export is in memory at once.
    /// Returns where the export's elements are in `data/dossier.json`.
    @discardableResult
    public func write(_ write: (_ path: String, _ pieces: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws -> Void) throws -> SiteExport.Layout {
        var layout = SiteExport.Layout()
        try write("data/dossier.json") { emit in layout = try SiteExport(model: model).write(keys: keys, reuse: reuse, emit) }
        try write("data/dossier.schema.json") { emit in try emit(Array(ExportSchema.json.utf8)) }
        for table in CSVTables(model: model).specs {
            try write("data/\(table.name).csv") { emit in try table.write(emit) }
        }
        return layout
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
