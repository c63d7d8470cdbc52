import DossierCore
import DossierModel

/// Every name a profile in the handbook goes by — its id, file name, front matter `name` and
/// title, as slugs — so relations written any of those ways resolve to it.
public struct ProfileDirectory: Sendable {
    private var ids: [String: String] = [:]

    public init() {}

    /// Registers a profile's names. A name already taken by another profile keeps its
    /// first owner (ids are registered before other names, so an id always wins).
    public mutating func register(id: String, names: [String]) {
        ids[id] = id
        for name in names {
            let slug = Slug.make(name, fallback: "")
            if !slug.isEmpty && ids[slug] == nil { ids[slug] = id }
        }
    }

    /// The profile a name refers to (`Data Engineer Role`, `dbt-expert`), if any.
    public func resolve(_ name: String) -> String? {
        ids[Slug.make(name, fallback: "")]
    }

    /// The relations with `targetID` and `resolved` filled in, and a note for each target
    /// that is not in this handbook (shown by `check --verbose`).
    public func resolve(_ relations: [Relation], path: String) -> ([Relation], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        let resolved = relations.map { relation -> Relation in
            var relation = relation
            relation.targetID = resolve(relation.target)
            relation.resolved = relation.targetID != nil
            if !relation.resolved && reported.insert(Slug.make(relation.target)).inserted {
                diagnostics.append(.note("relation.unresolved", "‘\(relation.target)’ (\(relation.kind.rawValue)) is not a profile in this handbook",
                                         at: SourceLocation(path: path, line: relation.line)))
            }
            return relation
        }
        return (resolved, diagnostics)
    }
}
