import DossierModel

/// A document's result in two parts: what the pages that list documents read, which the
/// build keeps in memory for every document (``DocumentResult/split()``'s `slim`), and the
/// rest, which the export, the tables and the guides read and which waits on disk, encoded:
/// in the build's spool and in the document's cache entry.
///
/// Ten thousand profiles are more than half a gigabyte of model, most of it knowledge,
/// scores, diagrams and implementation steps that only the export, the tables and the
/// guides read; and a rebuild after one change decodes every other document's entry, so it
/// reads only the slim part of each, and the rest of the few whose guides are made again.
struct DocumentRest: Sendable, Codable {
    /// What the listings do not read of a profile.
    struct ProfileRest: Sendable, Codable {
        var role: String?
        var scores: [Score]
        var metrics: [Metric]
        var knowledge: Knowledge
        var troubleshooting: [TroubleshootingEntry]
        var diagrams: [Diagram]
    }

    var profile: ProfileRest?
    /// The document's patterns, whole (the slim result keeps their listing fields).
    var patterns: [Pattern]
    /// A plain page's sections.
    var pageSections: [Section]?
    /// The figures the profile's page drew for its patterns' guides, by pattern id.
    var guideFigures: [String: String] = [:]
}

/// What the guides read of a ``DocumentRest``, decoded from the rest's bytes: the same keys,
/// so the binary coding steps over the others (a profile's scores, metrics and diagrams)
/// without reading them.
struct GuideMaterial: Sendable, Decodable {
    struct Owner: Sendable, Decodable {
        var knowledge: Knowledge
        var troubleshooting: [TroubleshootingEntry]
    }

    var profile: Owner?
    var patterns: [Pattern]
    var guideFigures: [String: String]
}

extension DocumentResult {
    /// The result with only what the aggregate stage reads from memory, and the rest;
    /// `slim.joined(with: rest)` is the result again.
    ///
    /// The home, profiles, matrix, pattern library and graph pages, the search index and
    /// the anchors of the site's links read a profile's id, title, description, front
    /// matter, source, tiers, capabilities, services, relations, patterns, responsibilities
    /// and sections (for its anchors); and a pattern's listing fields. Guides read the
    /// whole pattern and its owner's knowledge from the rest.
    func split() -> (slim: DocumentResult, rest: DocumentRest) {
        var slim = self
        var rest = DocumentRest(patterns: patterns, pageSections: page?.sections, guideFigures: guideFigures)
        slim.guideFigures = [:]
        if var profile {
            rest.profile = DocumentRest.ProfileRest(role: profile.role, scores: profile.scores, metrics: profile.metrics,
                                                    knowledge: profile.knowledge, troubleshooting: profile.troubleshooting,
                                                    diagrams: profile.diagrams)
            profile.role = nil
            profile.scores = []
            profile.metrics = []
            profile.knowledge = Knowledge()
            profile.troubleshooting = []
            profile.diagrams = []
            slim.profile = profile
        }
        slim.patterns = patterns.map { whole in
            // What listings, the search index, guide checks and guide keys read.
            var pattern = Pattern(id: whole.id, kind: whole.kind, title: whole.title, source: whole.source)
            pattern.profile = whole.profile
            pattern.document = whole.document
            pattern.number = whole.number
            pattern.status = whole.status
            pattern.confidence = whole.confidence
            pattern.level = whole.level
            pattern.cost = whole.cost
            pattern.provenIn = whole.provenIn
            pattern.tools = whole.tools
            pattern.properties = whole.properties
            pattern.whenToUse = whole.whenToUse
            pattern.rollback = whole.rollback
            pattern.services = whole.services
            pattern.relations = whole.relations
            pattern.description = whole.description
            pattern.frontMatter = whole.frontMatter
            pattern.template = whole.template
            return pattern
        }
        slim.page?.sections = []
        return (slim, rest)
    }

    /// The slim result `self` with `rest` put back: the result it was split from.
    func joined(with rest: DocumentRest) -> DocumentResult {
        var whole = self
        if var profile, let more = rest.profile {
            profile.role = more.role
            profile.scores = more.scores
            profile.metrics = more.metrics
            profile.knowledge = more.knowledge
            profile.troubleshooting = more.troubleshooting
            profile.diagrams = more.diagrams
            whole.profile = profile
        }
        whole.patterns = rest.patterns
        whole.guideFigures = rest.guideFigures
        if let sections = rest.pageSections { whole.page?.sections = sections }
        return whole
    }
}
