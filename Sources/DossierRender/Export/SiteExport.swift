import DossierCore
import DossierModel
import Foundation

/// The JSON document written to `data/dossier.json` and by `dossier export`: the contract
/// dashboards and scripts read. Keys are sorted and nothing depends on time or thread order,
/// so the same input always gives the same bytes. Changing a field means bumping
/// `schemaVersion` (see `ExportSchema`).
public struct SiteExport: Encodable, Sendable {
    public static let schemaVersion = "1.0"

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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var bytes = Array(try encoder.encode(self))
        bytes.append(0x0A)
        return bytes
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
