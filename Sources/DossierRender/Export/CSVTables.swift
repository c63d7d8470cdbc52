import DossierModel

/// The aggregate tables dashboards read (Grafana's CSV source, Streamlit, Tableau, a
/// spreadsheet): one row per capability, service, score, pattern, relation and
/// troubleshooting entry, each with its owner's id and source line. Templates are left out.
public struct CSVTables {
    public var model: SiteModel

    public init(model: SiteModel) {
        self.model = model
    }

    public var all: [CSVTable] { makers.map { $0() } }

    /// How to make each table, so that a writer can make and drop one at a time.
    public var makers: [() -> CSVTable] {
        [{ capabilities }, { services }, { scores }, { patterns }, { relations }, { troubleshooting }]
    }

    var profiles: [Profile] { model.publishedProfiles }

    public var capabilities: CSVTable {
        var table = CSVTable(name: "capabilities", header: ["profile", "tier", "tierLevel", "name", "confidence", "previousConfidence", "status", "note", "lastUpdated", "path", "line"])
        for profile in profiles {
            let levels = Dictionary(profile.tiers.map { ($0.id, $0.level.rawValue) }, uniquingKeysWith: { a, _ in a })
            for capability in profile.capabilities {
                table.rows.append([profile.id, capability.tier, levels[capability.tier] ?? "", capability.name, capability.confidence.csv,
                                   capability.previousConfidence.csv, capability.status ?? "", capability.note ?? "",
                                   capability.lastUpdated ?? "", profile.source.path, String(capability.line)])
            }
        }
        return table
    }

    public var services: CSVTable {
        var table = CSVTable(name: "services", header: ["profile", "category", "service", "confidence", "description", "path", "line"])
        for profile in profiles {
            for service in profile.services {
                table.rows.append([profile.id, service.category, service.name, service.confidence.csv, service.description ?? "",
                                   profile.source.path, String(service.line)])
            }
        }
        return table
    }

    public var scores: CSVTable {
        var table = CSVTable(name: "scores", header: ["profile", "document", "section", "name", "confidence", "min", "max", "previous", "level", "path", "line"])
        func add(_ score: Score, profile: String, document: String, path: String) {
            table.rows.append([profile, document, score.section.joined(separator: " › "), score.name, score.confidence.csv,
                               score.min.csv, score.max.csv, score.previous.csv, score.level ?? "", path, String(score.line)])
        }
        for profile in profiles {
            for score in profile.scores { add(score, profile: profile.id, document: "", path: profile.source.path) }
        }
        for pattern in model.publishedPatterns where pattern.kind == .document {
            for score in pattern.scores { add(score, profile: "", document: pattern.id, path: pattern.source.path) }
        }
        return table
    }

    public var patterns: CSVTable {
        var table = CSVTable(name: "patterns", header: [
            "id", "kind", "title", "profile", "document", "confidence", "level", "status", "costMin", "costMax", "currency",
            "period", "cost", "provenIn", "services", "path", "line",
        ])
        for pattern in model.publishedPatterns {
            table.rows.append([
                pattern.id, pattern.kind.rawValue, pattern.title, pattern.profile ?? "", pattern.document ?? "", pattern.confidence.csv,
                pattern.level ?? "", pattern.status ?? "", pattern.cost?.min.csv ?? "", pattern.cost?.max.csv ?? "",
                pattern.cost?.currency ?? "", pattern.cost?.period ?? "", pattern.cost?.text ?? "",
                pattern.provenIn.joined(separator: "; "), pattern.services.joined(separator: "; "), pattern.source.path,
                String(pattern.source.line),
            ])
        }
        return table
    }

    public var relations: CSVTable {
        var table = CSVTable(name: "relations", header: ["profile", "document", "kind", "direction", "target", "targetId", "resolved", "note", "successRate", "path", "line"])
        func add(_ relation: Relation, profile: String, document: String, path: String) {
            table.rows.append([profile, document, relation.kind.rawValue, relation.direction.rawValue, relation.target,
                               relation.targetID ?? "", relation.resolved ? "true" : "false", relation.note ?? "",
                               relation.successRate.csv, path, String(relation.line)])
        }
        for profile in profiles {
            for relation in profile.relations { add(relation, profile: profile.id, document: "", path: profile.source.path) }
        }
        for pattern in model.publishedPatterns where pattern.kind == .document {
            for relation in pattern.relations { add(relation, profile: "", document: pattern.id, path: pattern.source.path) }
        }
        return table
    }

    public var troubleshooting: CSVTable {
        var table = CSVTable(name: "troubleshooting", header: ["profile", "shape", "problem", "solution", "successRate", "symptoms", "rootCauses", "path", "line"])
        for profile in profiles {
            for entry in profile.troubleshooting {
                table.rows.append([profile.id, entry.shape.rawValue, entry.problem, entry.solution ?? "", entry.successRate.csv,
                                   entry.symptoms ?? "", entry.rootCauses.joined(separator: "; "), profile.source.path, String(entry.line)])
            }
        }
        return table
    }
}
