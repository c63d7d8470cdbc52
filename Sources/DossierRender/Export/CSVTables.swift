import DossierModel

/// The aggregate tables dashboards read (Grafana's CSV source, Streamlit, Tableau, a
/// spreadsheet): one row per capability, service, score, pattern, relation and
/// troubleshooting entry, each with its owner's id and source line. Templates are left out.
public struct CSVTables {
    public var model: SiteModel

    public init(model: SiteModel) {
        self.model = model
    }

    /// One table: its name, its header, and a function that hands each row to `row` in
    /// order. A writer streams the rows (``write(_:)``) instead of holding the table: the
    /// scores of ten thousand profiles are a few hundred megabytes as arrays of strings.
    public struct Spec {
        public var name: String
        public var header: [String]
        var forEachRow: (_ row: ([String]) -> Void) -> Void

        public func table() -> CSVTable {
            var table = CSVTable(name: name, header: header)
            forEachRow { table.rows.append($0) }
            return table
        }

        /// The bytes of ``table()``'s `bytes`, handed to `emit` in pieces of about
        /// `pieceSize` bytes (a megabyte), each ending with a row.
        public func write(pieceSize: Int = 1 << 20, _ emit: ([UInt8]) throws -> Void) throws {
            var piece: [UInt8] = []
            piece.reserveCapacity(min(pieceSize, 1 << 20) + 4096)
            CSVTable.append(header, to: &piece)
            var failure: (any Error)?
            forEachRow { row in
                guard failure == nil else { return }
                CSVTable.append(row, to: &piece)
                guard piece.count >= pieceSize else { return }
                do { try emit(piece) } catch { failure = error }
                piece.removeAll(keepingCapacity: true)
            }
            if let failure { throw failure }
            if !piece.isEmpty { try emit(piece) }
        }
    }

    /// Every table, in the order they are written.
    public var specs: [Spec] { [capabilities, services, scores, patterns, relations, troubleshooting] }

    var profiles: [Profile] { model.publishedProfiles }

    public var capabilities: Spec {
        Spec(name: "capabilities", header: ["profile", "tier", "tierLevel", "name", "confidence", "previousConfidence", "status", "note", "lastUpdated", "path", "line"]) { row in
            for profile in profiles {
                let levels = Dictionary(profile.tiers.map { ($0.id, $0.level.rawValue) }, uniquingKeysWith: { a, _ in a })
                for capability in profile.capabilities {
                    row([profile.id, capability.tier, levels[capability.tier] ?? "", capability.name, capability.confidence.csv,
                         capability.previousConfidence.csv, capability.status ?? "", capability.note ?? "",
                         capability.lastUpdated ?? "", profile.source.path, String(capability.line)])
                }
            }
        }
    }

    public var services: Spec {
        Spec(name: "services", header: ["profile", "category", "service", "confidence", "description", "path", "line"]) { row in
            for profile in profiles {
                for service in profile.services {
                    row([profile.id, service.category, service.name, service.confidence.csv, service.description ?? "",
                         profile.source.path, String(service.line)])
                }
            }
        }
    }

    public var scores: Spec {
        Spec(name: "scores", header: ["profile", "document", "section", "name", "confidence", "min", "max", "previous", "level", "path", "line"]) { row in
            func add(_ score: Score, profile: String, document: String, path: String) {
                row([profile, document, score.section.joined(separator: " › "), score.name, score.confidence.csv,
                     score.min.csv, score.max.csv, score.previous.csv, score.level ?? "", path, String(score.line)])
            }
            for profile in profiles {
                for score in profile.scores { add(score, profile: profile.id, document: "", path: profile.source.path) }
            }
            for pattern in model.publishedPatterns where pattern.kind == .document {
                for score in pattern.scores { add(score, profile: "", document: pattern.id, path: pattern.source.path) }
            }
        }
    }

    public var patterns: Spec {
        Spec(name: "patterns", header: [
            "id", "kind", "title", "profile", "document", "confidence", "level", "status", "costMin", "costMax", "currency",
            "period", "cost", "provenIn", "services", "path", "line",
        ]) { row in
            for pattern in model.publishedPatterns {
                row([
                    pattern.id, pattern.kind.rawValue, pattern.title, pattern.profile ?? "", pattern.document ?? "", pattern.confidence.csv,
                    pattern.level ?? "", pattern.status ?? "", pattern.cost?.min.csv ?? "", pattern.cost?.max.csv ?? "",
                    pattern.cost?.currency ?? "", pattern.cost?.period ?? "", pattern.cost?.text ?? "",
                    pattern.provenIn.joined(separator: "; "), pattern.services.joined(separator: "; "), pattern.source.path,
                    String(pattern.source.line),
                ])
            }
        }
    }

    public var relations: Spec {
        Spec(name: "relations", header: ["profile", "document", "kind", "direction", "target", "targetId", "resolved", "note", "successRate", "path", "line"]) { row in
            func add(_ relation: Relation, profile: String, document: String, path: String) {
                row([profile, document, relation.kind.rawValue, relation.direction.rawValue, relation.target,
                     relation.targetID ?? "", relation.resolved ? "true" : "false", relation.note ?? "",
                     relation.successRate.csv, path, String(relation.line)])
            }
            for profile in profiles {
                for relation in profile.relations { add(relation, profile: profile.id, document: "", path: profile.source.path) }
            }
            for pattern in model.publishedPatterns where pattern.kind == .document {
                for relation in pattern.relations { add(relation, profile: "", document: pattern.id, path: pattern.source.path) }
            }
        }
    }

    public var troubleshooting: Spec {
        Spec(name: "troubleshooting", header: ["profile", "shape", "problem", "solution", "successRate", "symptoms", "rootCauses", "path", "line"]) { row in
            for profile in profiles {
                for entry in profile.troubleshooting {
                    row([profile.id, entry.shape.rawValue, entry.problem, entry.solution ?? "", entry.successRate.csv,
                         entry.symptoms ?? "", entry.rootCauses.joined(separator: "; "), profile.source.path, String(entry.line)])
                }
            }
        }
    }
}
