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

        init(config: SiteConfig) {
            title = config.title
            description = config.description
            baseURL = config.baseURL
        }
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
        site = Site(config: model.config)
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

        /// The keys of `array`'s elements, if there is one for each of its `count` elements
        /// (otherwise none is recorded: a key out of step would name another element).
        func names(of array: ElementArray, count: Int) -> [String]? {
            let names = switch array {
            case .documents: documents
            case .patterns: patterns
            case .profiles: profiles
            }
            return names.count == count ? names : nil
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
    /// With `keys`, the result says where each element was written.
    @discardableResult
    public func write(keys: Keys? = nil, _ emit: ([UInt8]) throws -> Void) throws -> Layout {
        try Self.write(site: site, diagnostics: diagnostics, emit) { array, writer in
            switch array {
            case .documents: try Self.writeArray(documents, keys: keys?.names(of: array, count: documents.count), to: &writer)
            case .patterns: try Self.writeArray(patterns, keys: keys?.names(of: array, count: patterns.count), to: &writer)
            case .profiles: try Self.writeArray(profiles, keys: keys?.names(of: array, count: profiles.count), to: &writer)
            }
        }
    }

    /// The arrays of elements that come from documents.
    public enum ElementArray: Sendable, CaseIterable {
        case documents, patterns, profiles
    }

    /// One profile, pattern or document as the export writes it in its array: indented for
    /// that depth, without the indentation before it or the comma after it. What
    /// ``EncodedExport`` copies.
    public static func element(_ value: some Encodable) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try ExportJSONEncoder().encode(value, level: 2, into: &bytes)
        return bytes
    }

    /// The top-level object, its members in key order; `array` writes the members that
    /// hold documents' elements.
    static func write(site: Site, diagnostics: [Problem], _ emit: ([UInt8]) throws -> Void,
                      array: (ElementArray, inout ArrayWriter) throws -> Void) throws -> Layout {
        try withoutActuallyEscaping(emit) { emit in try write(site: site, diagnostics: diagnostics, escaping: emit, array: array) }
    }

    private static func write(site: Site, diagnostics: [Problem], escaping emit: @escaping ([UInt8]) throws -> Void,
                              array: (ElementArray, inout ArrayWriter) throws -> Void) throws -> Layout {
        var layout = Layout()
        var offset = 0
        func put(_ bytes: [UInt8]) throws {
            try emit(bytes)
            offset += bytes.count
        }
        func key(_ name: String) throws { try put(Array("  \"\(name)\" : ".utf8)) }
        /// A member array, filled by `fill`; where its keyed elements went.
        func members(_ fill: (inout ArrayWriter) throws -> Void) throws -> [String: Slice] {
            var writer = ArrayWriter(start: offset, emit: emit)
            try fill(&writer)
            try writer.finish()
            offset = writer.offset
            return writer.slices
        }
        let next = Array(",\n".utf8)
        try put(Array("{\n".utf8))
        try key("diagnostics"); _ = try members { try writeArray(diagnostics, to: &$0) }; try put(next)
        try key("documents"); layout.documents = try members { try array(.documents, &$0) }; try put(next)
        try key("generator"); try put(Self.encode(Generator())); try put(next)
        try key("patterns"); layout.patterns = try members { try array(.patterns, &$0) }; try put(next)
        try key("profiles"); layout.profiles = try members { try array(.profiles, &$0) }; try put(next)
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

    /// Writes a member array one level in, as `JSONEncoder` prints it (`[`, blank line, `]`
    /// when empty), a batch of about a megabyte at a time, and notes where each keyed
    /// element went.
    struct ArrayWriter {
        private let start: Int
        private(set) var slices: [String: Slice] = [:]
        private let emit: ([UInt8]) throws -> Void
        private var pieces = Pieces()
        private var count = 0

        init(start: Int, emit: @escaping ([UInt8]) throws -> Void) {
            self.start = start
            self.emit = emit
        }

        /// Where the array's next byte goes in the file.
        var offset: Int { start + pieces.offset }

        /// The next element, already encoded at its depth.
        mutating func append(_ element: [UInt8], key: String?) throws {
            pieces.bytes += count == 0 ? Array("[\n    ".utf8) : Array(",\n    ".utf8)
            if let key { slices[key] = Slice(offset: offset, count: element.count) }
            pieces.bytes += element
            count += 1
            try pieces.handOnIfFull(emit)
        }

        mutating func finish() throws {
            pieces.bytes += count == 0 ? Array("[\n\n  ]".utf8) : Array("\n  ]".utf8)
            try pieces.handOn(emit)
        }
    }

    /// Encodes `elements` into `writer`, in parallel, a batch at a time: each batch is
    /// handed on and dropped before the next, so only a batch is in memory. `keys` (one per
    /// element, ``Keys/names(of:count:)``) name the elements whose place the layout records.
    private static func writeArray<Element: Encodable & Sendable>(_ elements: [Element], keys: [String]? = nil, to writer: inout ArrayWriter) throws {
        // A few chunks per core at a time: enough to keep every core busy, few enough that
        // a batch of encoded profiles stays small.
        let chunkSize = 16
        let batchSize = chunkSize * 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        var first = 0
        while first < elements.count {
            let batchStart = first
            let end = min(elements.count, first + batchSize)
            let chunkCount = (end - batchStart + chunkSize - 1) / chunkSize
            let chunks = Locked([Result<[[UInt8]], any Error>?](repeating: nil, count: chunkCount))
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let range = batchStart + chunk * chunkSize ..< min(end, batchStart + (chunk + 1) * chunkSize)
                let result = Result { try range.map { try element(elements[$0]) } }
                chunks.withLock { $0[chunk] = result }
            }
            var index = batchStart
            for chunk in chunks.withLock({ $0 }) {
                for bytes in try chunk!.get() {
                    try writer.append(bytes, key: keys?[index])
                    index += 1
                }
            }
            first = end
        }
    }
}

/// The export of a build that encoded each element while it read its document
/// (``SiteExport/element(_:)``): writing it copies them, in order, between the members
/// only the whole site knows. The bytes are those ``SiteExport`` writes for the same model.
public struct EncodedExport: Sendable {
    public var site: SiteExport.Site
    public var diagnostics: [SiteExport.Problem]
    /// How many elements each array holds.
    public var counts: [SiteExport.ElementArray: Int]
    /// The bytes of element `index` of an array.
    public var element: @Sendable (SiteExport.ElementArray, _ index: Int) throws -> [UInt8]

    public init(config: SiteConfig, diagnostics: [Diagnostic], counts: [SiteExport.ElementArray: Int],
                element: @escaping @Sendable (SiteExport.ElementArray, Int) throws -> [UInt8]) {
        site = SiteExport.Site(config: config)
        self.diagnostics = diagnostics.map(SiteExport.Problem.init)
        self.counts = counts
        self.element = element
    }

    /// Writes the export as ``SiteExport/write(keys:_:)`` does.
    @discardableResult
    public func write(keys: SiteExport.Keys? = nil, _ emit: ([UInt8]) throws -> Void) throws -> SiteExport.Layout {
        try SiteExport.write(site: site, diagnostics: diagnostics, emit) { array, writer in
            let count = counts[array] ?? 0
            let names = keys?.names(of: array, count: count)
            for index in 0 ..< count {
                try writer.append(try element(array, index), key: names?[index])
            }
        }
    }
}

/// Everything written under `data/`: the JSON export, its schema and the CSV tables.
public struct DataExport: Sendable {
    /// Where the export's elements and the tables' rows come from: a model, encoded here, or
    /// what a build encoded document by document.
    public enum Content: Sendable {
        case model(SiteModel)
        case encoded(EncodedExport, rows: EncodedRows)
    }

    /// Each table's rows, encoded document by document: `write(table, emit)` hands every row
    /// of table `table` (an index into `CSVTables.tables`) to `emit`, in order.
    public struct EncodedRows: Sendable {
        public var write: @Sendable (_ table: Int, _ emit: ([UInt8]) throws -> Void) throws -> Void

        public init(write: @escaping @Sendable (Int, ([UInt8]) throws -> Void) throws -> Void) {
            self.write = write
        }
    }

    public var content: Content
    /// Keys for the export's elements: see `SiteExport.write(keys:_:)`.
    public var keys: SiteExport.Keys?

    public init(model: SiteModel, keys: SiteExport.Keys? = nil) {
        content = .model(model)
        self.keys = keys
    }

    public init(encoded export: EncodedExport, rows: EncodedRows, keys: SiteExport.Keys? = nil) {
        content = .encoded(export, rows: rows)
        self.keys = keys
    }

    /// Hands every file to `write`, one at a time, with a function that makes its bytes
    /// piece by piece: each file is made while it is written, and dropped before the next,
    /// so no more than a megabyte of a table or one batch of the export is in memory at once.
    /// Returns where the export's elements are in `data/dossier.json`.
    @discardableResult
    public func write(_ write: (_ path: String, _ pieces: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws -> Void) throws -> SiteExport.Layout {
        var layout = SiteExport.Layout()
        try write("data/dossier.json") { emit in
            switch content {
            case .model(let model): layout = try SiteExport(model: model).write(keys: keys, emit)
            case .encoded(let export, _): layout = try export.write(keys: keys, emit)
            }
        }
        try write("data/dossier.schema.json") { emit in try emit(Array(ExportSchema.json.utf8)) }
        for (index, table) in CSVTables.tables.enumerated() {
            try write("data/\(table.name).csv") { emit in
                switch content {
                case .model(let model):
                    try CSVTables(model: model).specs[index].write(emit)
                case .encoded(_, let rows):
                    // Rows come a document's worth at a time; pieces of about a megabyte go on.
                    var pieces = Pieces(table.headerBytes)
                    try rows.write(index) { bytes in
                        pieces.bytes += bytes
                        try pieces.handOnIfFull(emit)
                    }
                    try pieces.handOn(emit)
                }
            }
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
