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
    ///
    /// The same bytes `JSONEncoder` gives for the whole value, but made element by element:
    /// encoding everything at once builds Foundation's tree of the entire export before
    /// writing a byte (gigabytes for ten thousand profiles) and runs on one core. Here each
    /// profile, pattern and document is encoded on its own, in parallel, and indented into
    /// place. `ExportTests` checks the result against `JSONEncoder`'s.
    public func json() throws -> [UInt8] {
        var out = Array("{\n".utf8)
        func member(_ key: String, _ value: [UInt8], last: Bool = false) {
            out += Array("  \"\(key)\" : ".utf8)
            out += value
            out += Array((last ? "\n" : ",\n").utf8)
        }
        member("diagnostics", try Self.array(diagnostics))
        member("documents", try Self.array(documents))
        member("generator", try Self.indented(Self.encode(generator), by: 2, skippingFirstLine: true))
        member("patterns", try Self.array(patterns))
        member("profiles", try Self.array(profiles))
        member("schemaVersion", try Self.encode(schemaVersion))
        member("site", try Self.indented(Self.encode(site), by: 2, skippingFirstLine: true), last: true)
        out += Array("}\n".utf8)
        return out
    }

    private static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Every line after the first (or every line) moved right by `by` spaces; blank lines
    /// (the inside of an empty array) stay empty, as `JSONEncoder` prints them. Pretty-printed
    /// JSON has no raw newline inside a string, so lines are safe to indent.
    private static func indented(_ bytes: [UInt8], by width: Int, skippingFirstLine: Bool = false) -> [UInt8] {
        let pad = [UInt8](repeating: 0x20, count: width)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var lineStart = !skippingFirstLine
        for byte in bytes {
            if lineStart && byte != 0x0A { out += pad }
            out.append(byte)
            lineStart = byte == 0x0A
        }
        return out
    }

    /// A member array one level in, as `JSONEncoder` prints it (`[`, blank line, `]` when
    /// empty), its elements encoded in parallel chunks.
    private static func array<Element: Encodable & Sendable>(_ elements: [Element]) throws -> [UInt8] {
        if elements.isEmpty { return Array("[\n\n  ]".utf8) }
        let chunkSize = 32
        let chunkCount = (elements.count + chunkSize - 1) / chunkSize
        let chunks = Locked([Result<[UInt8], any Error>?](repeating: nil, count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = chunk * chunkSize ..< min(elements.count, (chunk + 1) * chunkSize)
            let result = Result { () throws -> [UInt8] in
                var bytes: [UInt8] = []
                for index in range {
                    if index > range.lowerBound { bytes += Array(",\n".utf8) }
                    bytes += indented(try encode(elements[index]), by: 4)
                }
                return bytes
            }
            chunks.withLock { $0[chunk] = result }
        }
        var out = Array("[\n".utf8)
        for (index, chunk) in chunks.withLock({ $0 }).enumerated() {
            if index > 0 { out += Array(",\n".utf8) }
            out += try chunk!.get()
        }
        out += Array("\n  ]".utf8)
        return out
    }
}

/// Everything written under `data/`: the JSON export, its schema and the CSV tables.
public struct DataExport {
    public var model: SiteModel

    public init(model: SiteModel) {
        self.model = model
    }

    public func files() throws -> [(path: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = [
            ("data/dossier.json", try SiteExport(model: model).json()),
            ("data/dossier.schema.json", Array(ExportSchema.json.utf8)),
        ]
        for table in CSVTables(model: model).all {
            files.append(("data/\(table.name).csv", table.bytes))
        }
        return files
    }
}
