import DossierCore
import DossierModel

/// What the pages that list many documents need: the site's model, each document's record
/// (title, page, summary), and lookups between them.
public struct SiteOverview: Sendable {
    public var model: SiteModel
    public var records: [DocumentRecord]
    /// HTML of `content/index.md`, shown on the home page.
    public var introHTML: String
    /// True when the introduction shows Mermaid source that `mermaid_js` should draw.
    public var introUsesMermaidScript: Bool
    /// Lookups by id, built once: pages ask them for every profile and pattern, and a
    /// handbook may hold thousands.
    public let profilesByID: [String: Profile]
    private let profileRecords: [String: DocumentRecord]
    private let documentRecords: [String: DocumentRecord]
    /// Published patterns by page, file name and title, for links between guides.
    private(set) var patternIndex = PatternIndex(patterns: [], sourcePage: { _ in nil })
    /// Each profile's anchors, made once: the search index and every guide of the profile
    /// ask for them (allocating them slugs every service and capability).
    private let anchors = Locked<[String: ProfileAnchors]>([:])

    public init(model: SiteModel, records: [DocumentRecord], introHTML: String, introUsesMermaidScript: Bool = false) {
        self.model = model
        self.records = records
        self.introHTML = introHTML
        self.introUsesMermaidScript = introUsesMermaidScript
        profilesByID = Dictionary(model.profiles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        profileRecords = Dictionary(records.filter { $0.kind == .profile }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        documentRecords = Dictionary(records.filter { $0.kind == .pattern }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        patternIndex = PatternIndex(patterns: model.publishedPatterns, sourcePage: sourcePage(of:))
    }

    var profiles: [Profile] { model.publishedProfiles }
    var patterns: [Pattern] { model.publishedPatterns }

    /// The anchors of a profile of this overview's model.
    func anchors(of profile: Profile) -> ProfileAnchors {
        if let known = anchors.withLock({ $0[profile.id] }) { return known }
        let made = ProfileAnchors(profile)
        anchors.withLock { $0[profile.id] = made }
        return made
    }

    func record(ofProfile id: String) -> DocumentRecord? {
        profileRecords[id]
    }

    func record(ofDocument id: String) -> DocumentRecord? {
        documentRecords[id]
    }

    /// Where a pattern is described: its profile's page (at the pattern's heading) or its
    /// document's page.
    func sourcePage(of pattern: Pattern) -> String? {
        if let profile = pattern.profile, let record = record(ofProfile: profile) {
            let anchor = record.outline.first { $0.line == pattern.source.line }?.id
            return record.page + (anchor.map { "#" + $0 } ?? "")
        }
        return pattern.document.flatMap { record(ofDocument: $0)?.page }
    }

    /// The owner's name for listings: the profile's title or the document's.
    func ownerName(of pattern: Pattern) -> String {
        if let profile = pattern.profile { return profilesByID[profile]?.title ?? profile }
        return "Pattern document"
    }

    /// A date the pattern states (`Last Updated`, `Created`), as `YYYY-MM-DD`, for
    /// "newest first".
    static func date(of pattern: Pattern) -> String? {
        for property in pattern.properties {
            let key = property.key.lowercased()
            guard key.contains("updated") || key.contains("created") || key == "date" else { continue }
            let value = property.value.prefix(10)
            if value.count == 10, value.allSatisfy({ $0.isNumber || $0 == "-" }) { return String(value) }
        }
        if case .string(let date)? = pattern.frontMatter["date"] { return String(date.prefix(10)) }
        return nil
    }
}
