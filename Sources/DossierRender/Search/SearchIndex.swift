import DossierModel
import Foundation

/// The site's search index, built at build time and loaded by the page script as
/// `search-index.js` (a script, not fetched JSON, so search also works when the site is
/// opened from disk). Each entry is `[kind, title, url, context, terms]`: the script
/// matches word prefixes in the title first, then in context and terms, and links to the
/// exact section.
public struct SearchIndex {
    public var overview: SiteOverview

    public init(overview: SiteOverview) {
        self.overview = overview
    }

    /// Above this many capabilities and services in all, they are searchable through their
    /// profile's entry only, which keeps the index small for very large handbooks.
    static let maxItemEntries = 20_000

    /// Every entry, in order.
    public func entries() -> [[String]] {
        var entries: [[String]] = []
        forEachEntry { entries.append($0) }
        return entries
    }

    /// Hands each entry to `body` in order, without keeping them: ten thousand profiles
    /// make a quarter of a million entries.
    public func forEachEntry(_ body: ([String]) throws -> Void) rethrows {
        let profiles = overview.profiles
        let itemCount = profiles.reduce(0) { $0 + $1.capabilities.count + $1.services.count }
        for profile in profiles {
            guard let record = overview.record(ofProfile: profile.id) else { continue }
            let terms = (profile.capabilities.map(\.name) + profile.services.map(\.name) + profile.responsibilities).joined(separator: " ")
            try body(["profile", profile.title, record.page, String((profile.description ?? record.summary).prefix(140)), terms])
            try sections(of: record).forEach(body)
            guard itemCount <= Self.maxItemEntries else { continue }
            let anchors = overview.anchors(of: profile)
            for capability in profile.capabilities {
                guard let anchor = anchors.capabilities[capability.line] else { continue }
                let tier = profile.tiers.first { $0.id == capability.tier }?.title ?? capability.tier
                try body(["capability", capability.name, record.page + "#" + anchor,
                         "\(profile.title) · \(tier) · \(String(format2: capability.confidence))", capability.note ?? ""])
            }
            for service in profile.services {
                guard let anchor = anchors.services[service.line] else { continue }
                try body(["service", service.name, record.page + "#" + anchor,
                         "\(profile.title) · \(service.category) · \(String(format2: service.confidence))", service.description ?? ""])
            }
        }
        for pattern in overview.patterns {
            let owner = overview.ownerName(of: pattern)
            let terms = (pattern.services + pattern.tools + pattern.whenToUse).joined(separator: " ")
            if let page = overview.sourcePage(of: pattern) {
                try body(["pattern", pattern.title, page, owner, terms])
            }
            try body(["guide", "Deployment guide: \(pattern.title)", RenderSite.guidePage(pattern.id), owner, terms])
        }
        for record in overview.records where record.kind != .profile && !record.template {
            if record.kind == .page && !record.page.isEmpty { try body(["page", record.title, record.page, record.summary, ""]) }
            if !record.page.isEmpty { try sections(of: record).forEach(body) }
        }
    }

    func sections(of record: DocumentRecord) -> [[String]] {
        record.outline.filter { $0.level == 2 || $0.level == 3 }.map { ["section", $0.text, record.page + "#" + $0.id, record.title, ""] }
    }

    /// `window.DOSSIER_SEARCH = {"entries": […]};`, its JSON as `JSONEncoder` writes it.
    public func script() -> [UInt8] {
        var bytes: [UInt8] = []
        write { bytes += $0 }
        return bytes
    }

    /// The bytes of ``script()``, handed to `emit` in pieces of about `pieceSize` bytes (a
    /// megabyte), written entry by entry: ten thousand profiles make an index of about a
    /// hundred megabytes, which a growing array would hold twice over.
    public func write(pieceSize: Int = Pieces.size, _ emit: ([UInt8]) throws -> Void) rethrows {
        var pieces = Pieces(Array("window.DOSSIER_SEARCH = {\"version\": 1, \"entries\": [".utf8), size: pieceSize)
        var first = true
        try forEachEntry { entry in
            if !first { pieces.bytes.append(UInt8(ascii: ",")) }
            first = false
            pieces.bytes.append(UInt8(ascii: "["))
            for (index, field) in entry.enumerated() {
                if index > 0 { pieces.bytes.append(UInt8(ascii: ",")) }
                JSONStrings.append(field, to: &pieces.bytes)
            }
            pieces.bytes.append(UInt8(ascii: "]"))
            try pieces.handOnIfFull(emit)
        }
        pieces.bytes += Array("]};\n".utf8)
        try pieces.handOn(emit)
    }
}
