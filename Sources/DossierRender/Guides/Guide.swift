import DossierModel

/// A deployment guide for one pattern, composed from everything the handbook knows: the
/// pattern itself, its owner's service confidence, and the owner's knowledge base and
/// troubleshooting entries that mention the same services. The HTML page and the Markdown
/// file are both written from this one value.
public struct Guide: Sendable {
    public struct ServiceReadiness: Sendable, Hashable {
        public var name: String
        public var confidence: Double?
        public var category: String?
    }

    public var pattern: Pattern
    /// The profile whose knowledge the guide draws on: the pattern's owner, or a pattern
    /// document's first primary user that is a profile here.
    public var owner: Profile?
    public var services: [ServiceReadiness]
    public var bestPractices: [BestPractice]
    public var commonPatterns: [CommonPattern]
    public var troubleshooting: [TroubleshootingEntry]
    /// Nodes of the diagram that watch the system (logs, metrics, tracing), when the pattern
    /// documents no monitoring of its own.
    public var monitoringNodes: [String]

    /// The weakest service the pattern relies on: what limits how ready the owner is.
    public var weakest: ServiceReadiness? {
        services.filter { $0.confidence != nil }.min { $0.confidence! < $1.confidence! }
    }

    public var steps: [PatternStep] { pattern.implementation }

    /// - Parameter profiles: the handbook's profiles by id.
    public init(pattern: Pattern, profiles: [String: Profile]) {
        self.init(pattern: pattern, owner: Self.owner(of: pattern, profiles: profiles))
    }

    /// The profile a pattern's guide draws on: the pattern's own, or the first of a pattern
    /// document's primary users that is a profile here.
    public static func owner(of pattern: Pattern, profiles: [String: Profile]) -> Profile? {
        pattern.profile.flatMap { profiles[$0] }
            ?? pattern.relations.lazy.compactMap { $0.targetID.flatMap { profiles[$0] } }.first
    }

    /// - Parameter owner: ``owner(of:profiles:)``, with its services, knowledge base and
    ///   troubleshooting.
    public init(pattern: Pattern, owner: Profile?) {
        self.pattern = pattern
        self.owner = owner
        services = Self.services(of: pattern, owner: owner)
        let names = pattern.services
        func mentions(_ texts: [String]) -> Bool {
            names.contains { name in texts.contains { Self.mentions($0, name) } }
        }
        let knowledge = owner?.knowledge ?? Knowledge()
        bestPractices = knowledge.bestPractices.filter { mentions([$0.title] + $0.items + $0.code.map(\.code)) }
        commonPatterns = knowledge.commonPatterns.filter { mentions([$0.name] + $0.details + $0.code.map(\.code)) }
        troubleshooting = (owner?.troubleshooting ?? []).filter {
            mentions([$0.problem, $0.solution ?? "", $0.symptoms ?? "", $0.resolution ?? ""] + $0.rootCauses)
        }
        let watchWords = ["log", "logs", "monitor", "monitoring", "metrics", "insights", "cloudwatch", "x-ray", "trace", "tracing", "alert", "alerts", "dashboard", "datadog", "grafana", "prometheus"]
        monitoringNodes = (pattern.diagram?.nodes ?? []).map(\.label).filter { label in
            let words = label.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
            return words.contains { watchWords.contains($0) }
        }
    }

    /// The services `pattern` relies on, with `owner`'s confidence in each.
    static func services(of pattern: Pattern, owner: Profile?) -> [ServiceReadiness] {
        let matrix = Dictionary((owner?.services ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return pattern.services.map { ServiceReadiness(name: $0, confidence: matrix[$0]?.confidence, category: matrix[$0]?.category) }
    }

    /// Whether `text` names `service` as a word (`Lambda` in "Python Lambda with Mangum",
    /// not in "Lambdas"), ignoring case.
    static func mentions(_ text: String, _ service: String) -> Bool {
        let haystack = Array(text.lowercased().utf8)
        let needle = Array(service.lowercased().utf8)
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        func isWord(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80 }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) {
                let before = i == 0 || !isWord(haystack[i - 1])
                let after = i + needle.count == haystack.count || !isWord(haystack[i + needle.count])
                if before && after { return true }
            }
            i += 1
        }
        return false
    }
}
