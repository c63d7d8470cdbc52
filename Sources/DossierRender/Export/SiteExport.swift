import DossierCore
import DossierModel
import Foundation

/// The JSON document written to `data/dossier.json`: what dashboards and scripts read.
/// Keys are sorted and nothing depends on time or thread order, so the same input always
/// gives the same bytes.
public struct SiteExport: Encodable, Sendable {
    public static let schemaVersion = "0.1"

    public struct Generator: Encodable, Sendable {
        var name = DossierVersion.name
        var version = DossierVersion.current
    }

    public struct Site: Encodable, Sendable {
        var title: String
        var description: String
        var baseURL: String
    }

    public struct Document: Encodable, Sendable {
        var id: String
        var kind: DocumentKind
        var title: String
        var source: SourceRef
        var outline: [OutlineHeading]
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

        init(_ diagnostic: Diagnostic) {
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
    var documents: [Document]
    var diagnostics: [Problem]

    public init(config: SiteConfig, records: [DocumentRecord], diagnostics: [Diagnostic]) {
        site = Site(title: config.title, description: config.description, baseURL: config.baseURL)
        documents = records.map { Document(id: $0.id, kind: $0.kind, title: $0.title, source: $0.source, outline: $0.outline) }
        self.diagnostics = diagnostics.map(Problem.init)
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
