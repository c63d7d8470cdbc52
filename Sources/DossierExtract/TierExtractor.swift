import DossierCore
import DossierMarkdown
import DossierModel

/// Reads the tiers under "Capability Confidence Levels" and the capabilities listed in each,
/// and checks them: confidences within 0…1 and within their tier's band, no name twice.
struct TierExtractor {
    static func extract(_ context: inout ExtractionContext) -> (tiers: [Tier], capabilities: [Capability]) {
        var tiers: [Tier] = []
        var capabilities: [Capability] = []
        let parents = context.sections(titled: ["confidence levels", "confidence level", "capability levels"], level: 2...2)
        for parent in parents {
            for child in context.sections[parent].children {
                let entry = context.sections[child]
                guard let tier = makeTier(entry, context: context) else { continue }
                tiers.append(tier)
                context.markLists(in: context.sections[child].blocks, as: .capabilities(tier: tier.id))
                for item in context.document.listItems(in: context.sections.allBlocks(of: child)) {
                    if let capability = capability(item, tier: tier, context: &context) { capabilities.append(capability) }
                }
            }
        }
        validate(capabilities, tiers: tiers, context: &context)
        return (tiers, capabilities)
    }

    static func makeTier(_ entry: SectionIndex.Entry, context: ExtractionContext) -> Tier? {
        let range = RangeParser.parse(entry.title)
        let words = TitleMatch.normalized(entry.title)
        let named: TierLevel? = words.contains("primary") ? .primary : words.contains("secondary") ? .secondary
            : (words.contains("developing") || words.contains("learning") || words.contains("growth")) ? .developing : nil
        guard named != nil || range != nil else { return nil }
        let level = named ?? {
            guard let range else { return .secondary }
            if range.min >= 0.85 - 1e-9 { return .primary }
            if range.max <= 0.60 + 1e-9 { return .developing }
            return .secondary
        }()
        let base = TextShapes.parentheticals(Substring(entry.title)).outside
        let id = named?.rawValue ?? Slug.make(base.filter { !"≥≤<>=%+".contains($0) && !$0.isNumber && $0 != "." })
        var description: String?
        for block in entry.blocks where context.document[block].kind == .paragraph {
            let lines = context.document.inlineLines(of: block)
            if let first = lines.first, first.isEmphasized { description = first.text.trimmingSpaces }
            break
        }
        return Tier(id: id, title: entry.title, level: level, range: range, description: description, line: entry.line)
    }

    static func capability(_ item: Int32, tier: Tier, context: inout ExtractionContext) -> Capability? {
        let document = context.document
        let lines = document.head(of: item)
        guard let first = lines.first else { return nil }
        let text = lines.map { $0.text.trimmingSpaces }.joined(separator: " ")
        let line = document.line(of: item)
        guard let reading = ConfidenceReader.read(text, lenient: true) else {
            context.warn("capability.missing-confidence", "‘\(text.prefix(60))’ is listed under ‘\(tier.title)’ but has no confidence score (write it as `Name: 0.80`)", line: line)
            return nil
        }
        let name = ScoreScanner.name(in: text, before: reading.start, leadingStrong: first.leadingStrong.map(String.init))
        var notes: [String] = []
        var lastUpdated: String?
        for group in TextShapes.parentheticals(text[reading.end...]).groups {
            let lower = group.lowercased()
            if let range = lower.byteRange(of: "last updated:") {
                let value = group[group.index(group.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: range.upperBound))...]
                let pieces = value.split(separator: ",", maxSplits: 1)
                lastUpdated = pieces.first.map { String($0.trimmed) }
                if pieces.count > 1 { notes.append(String(pieces[1].trimmed)) }
            } else {
                notes.append(String(group.trimmed))
            }
        }
        return Capability(name: name.isEmpty ? text : name, confidence: reading.value, tier: tier.id,
                          note: notes.isEmpty ? nil : notes.joined(separator: "; "), lastUpdated: lastUpdated,
                          previousConfidence: reading.previous, status: reading.status,
                          details: document.details(of: item), line: line)
    }

    static func validate(_ capabilities: [Capability], tiers: [Tier], context: inout ExtractionContext) {
        var seen: [String: Int] = [:]
        let tiersByID = Dictionary(tiers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for capability in capabilities {
            let value = String(format2: capability.confidence)
            let location = context.location(ofNumber: capability.confidence, onLine: capability.line)
            if capability.confidence < 0 || capability.confidence > 1 {
                context.warn("confidence.out-of-range", "confidence \(value) of ‘\(capability.name)’ is outside 0–1",
                             line: location.line, column: location.column)
            } else if let tier = tiersByID[capability.tier] {
                // A promotion or demotion moves the capability: check it against the tier it moved to.
                var target = tier
                if let status = capability.status, let moved = tiers.first(where: { status.lowercased().contains($0.level.rawValue) && $0.id != tier.id }) {
                    target = moved
                }
                if let targetRange = target.range, !targetRange.contains(capability.confidence) {
                    context.warn("confidence.tier-mismatch",
                                 "‘\(capability.name)’ has confidence \(value), outside its tier ‘\(target.title)’ (\(targetRange.label))",
                                 line: location.line, column: location.column)
                }
            }
            let key = capability.name.lowercased()
            if let first = seen[key] {
                context.warn("capability.duplicate", "capability ‘\(capability.name)’ is listed twice", line: capability.line,
                             notes: ["first listed at line \(first)"])
            } else {
                seen[key] = capability.line
            }
        }
    }
}
