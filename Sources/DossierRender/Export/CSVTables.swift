import DossierModel

/// The aggregate tables dashboards read (Grafana's CSV source, Streamlit, Tableau, a
/// spreadsheet): one row per capability, service, score, pattern, relation and
/// troubleshooting entry, each with its owner's id and source line. Templates are left out.
///
/// Every table lists the rows of each profile, in order, then the rows of each pattern, in
/// order. A row depends on its profile or pattern alone, so a build can encode each
/// document's rows while it reads the document (``rows(profile:patterns:)``) and write the
/// tables later by copying them.
public struct CSVTables {
    public var model: SiteModel

    public init(model: SiteModel) {
        self.model = model
    }

    /// One table: its name, its columns, and the rows a profile and a pattern give it.
    public struct Table: Sendable {
        public var name: String
        public var header: [String]
        var profileRows: @Sendable (_ profile: Profile, _ row: ([String]) -> Void) -> Void = { _, _ in }
        var patternRows: @Sendable (_ pattern: Pattern, _ row: ([String]) -> Void) -> Void = { _, _ in }

        /// A profile's rows; none for a template.
        func rows(of profile: Profile, _ row: ([String]) -> Void) {
            if !profile.template { profileRows(profile, row) }
        }

        /// A pattern's rows; none for a template.
        func rows(of pattern: Pattern, _ row: ([String]) -> Void) {
            if !pattern.template { patternRows(pattern, row) }
        }

        /// The table's first line, as CSV bytes.
        public var headerBytes: [UInt8] {
            var bytes: [UInt8] = []
            CSVTable.append(header, to: &bytes)
            return bytes
        }
    }

    /// One table of a model: a writer streams its rows (``write(pieceSize:_:)``) instead of
    /// holding the table: the scores of ten thousand profiles are a few hundred megabytes as
    /// arrays of strings.
    public struct Spec {
        public var definition: Table
        var profiles: [Profile]
        var patterns: [Pattern]

        public var name: String { definition.name }
        public var header: [String] { definition.header }

        func forEachRow(_ row: ([String]) -> Void) {
            for profile in profiles { definition.rows(of: profile, row) }
            for pattern in patterns { definition.rows(of: pattern, row) }
        }

        public func table() -> CSVTable {
            var whole = CSVTable(name: name, header: header)
            forEachRow { whole.rows.append($0) }
            return whole
        }

        /// The bytes of ``table()``'s `bytes`, handed to `emit` in pieces of about
        /// `pieceSize` bytes (a megabyte), each ending with a row.
        public func write(pieceSize: Int = Pieces.size, _ emit: ([UInt8]) throws -> Void) throws {
            var pieces = Pieces(definition.headerBytes, size: pieceSize)
            var failure: (any Error)?
            forEachRow { row in
                guard failure == nil else { return }
                CSVTable.append(row, to: &pieces.bytes)
                do { try pieces.handOnIfFull(emit) } catch { failure = error }
            }
            if let failure { throw failure }
            try pieces.handOn(emit)
        }
    }

    /// Every table of the model, in the order they are written.
    public var specs: [Spec] {
        Self.tables.map { Spec(definition: $0, profiles: model.profiles, patterns: model.patterns) }
    }

    /// What one document adds to each table of ``tables``, as CSV bytes: the rows listed
    /// with the profiles, and those listed after them with the patterns.
    public static func rows(profile: Profile?, patterns: [Pattern]) -> [(profile: [UInt8], patterns: [UInt8])] {
        tables.map { table in
            var profileBytes: [UInt8] = []
            var patternBytes: [UInt8] = []
            if let profile { table.rows(of: profile) { CSVTable.append($0, to: &profileBytes) } }
            for pattern in patterns { table.rows(of: pattern) { CSVTable.append($0, to: &patternBytes) } }
            return (profileBytes, patternBytes)
        }
    }

    /// Every table, in the order they are written.
    public static let tables: [Table] = [capabilities, services, scores, patterns, relations, troubleshooting]

    static let capabilities = Table(
        name: "capabilities", header: ["profile", "tier", "tierLevel", "name", "confidence", "previousConfidence", "status", "note", "lastUpdated", "path", "line"],
        profileRows: { profile, row in
            let levels = Dictionary(profile.tiers.map { ($0.id, $0.level.rawValue) }, uniquingKeysWith: { a, _ in a })
            for capability in profile.capabilities {
                row([profile.id, capability.tier, levels[capability.tier] ?? "", capability.name, capability.confidence.csv,
                     capability.previousConfidence.csv, capability.status ?? "", capability.note ?? "",
                     capability.lastUpdated ?? "", profile.source.path, String(capability.line)])
            }
        })

    static let services = Table(
        name: "services", header: ["profile", "category", "service", "confidence", "description", "path", "line"],
        profileRows: { profile, row in
            for service in profile.services {
                row([profile.id, service.category, service.name, service.confidence.csv, service.description ?? "",
                     profile.source.path, String(service.line)])
            }
        })

    /// Profiles' scores, then pattern documents' (a profile's patterns are scored in its own).
    static let scores = ownedByProfilesAndDocuments(
        name: "scores", header: ["profile", "document", "section", "name", "confidence", "min", "max", "previous", "level", "path", "line"],
        profile: \.scores, pattern: \.scores
    ) { score, profile, document, path in
        [profile, document, score.section.joined(separator: " › "), score.name, score.confidence.csv,
         score.min.csv, score.max.csv, score.previous.csv, score.level ?? "", path, String(score.line)]
    }

    /// A table of what both profiles and pattern documents list: each row names its profile
    /// or its document (the other column empty) and its file.
    private static func ownedByProfilesAndDocuments<Item>(
        name: String, header: [String], profile items: KeyPath<Profile, [Item]> & Sendable, pattern patternItems: KeyPath<Pattern, [Item]> & Sendable,
        row: @escaping @Sendable (_ item: Item, _ profile: String, _ document: String, _ path: String) -> [String]
    ) -> Table {
        Table(
            name: name, header: header,
            profileRows: { profile, emit in
                for item in profile[keyPath: items] { emit(row(item, profile.id, "", profile.source.path)) }
            },
            patternRows: { pattern, emit in
                guard pattern.kind == .document else { return }
                for item in pattern[keyPath: patternItems] { emit(row(item, "", pattern.id, pattern.source.path)) }
            })
    }

    static let patterns = Table(
        name: "patterns", header: [
            "id", "kind", "title", "profile", "document", "confidence", "level", "status", "costMin", "costMax", "currency",
            "period", "cost", "provenIn", "services", "path", "line",
        ],
        patternRows: { pattern, row in
            row([
                pattern.id, pattern.kind.rawValue, pattern.title, pattern.profile ?? "", pattern.document ?? "", pattern.confidence.csv,
                pattern.level ?? "", pattern.status ?? "", pattern.cost?.min.csv ?? "", pattern.cost?.max.csv ?? "",
                pattern.cost?.currency ?? "", pattern.cost?.period ?? "", pattern.cost?.text ?? "",
                pattern.provenIn.joined(separator: "; "), pattern.services.joined(separator: "; "), pattern.source.path,
                String(pattern.source.line),
            ])
        })

    /// Profiles' relations, then pattern documents' (their primary users).
    static let relations = ownedByProfilesAndDocuments(
        name: "relations", header: ["profile", "document", "kind", "direction", "target", "targetId", "resolved", "note", "successRate", "path", "line"],
        profile: \.relations, pattern: \.relations
    ) { relation, profile, document, path in
        [profile, document, relation.kind.rawValue, relation.direction.rawValue, relation.target,
         relation.targetID ?? "", relation.resolved ? "true" : "false", relation.note ?? "",
         relation.successRate.csv, path, String(relation.line)]
    }

    static let troubleshooting = Table(
        name: "troubleshooting", header: ["profile", "shape", "problem", "solution", "successRate", "symptoms", "rootCauses", "path", "line"],
        profileRows: { profile, row in
            for entry in profile.troubleshooting {
                row([profile.id, entry.shape.rawValue, entry.problem, entry.solution ?? "", entry.successRate.csv,
                     entry.symptoms ?? "", entry.rootCauses.joined(separator: "; "), profile.source.path, String(entry.line)])
            }
        })
}
