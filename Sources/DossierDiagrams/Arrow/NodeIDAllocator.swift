import DossierCore

/// Makes node ids for arrow diagrams from their labels: stable (the same label always gives
/// the same id in the same diagram), unique within the diagram, and safe as Mermaid ids.
///
/// `CloudWatch Logs` → `cloudwatch_logs`. Underscores rather than `Slug`'s hyphens, because
/// Mermaid reads `end-1` as the keyword `end` followed by text; ids that start with a digit
/// get an `n` in front, and ids Mermaid would misread (`end`, `class_loader`, see
/// ``MermaidIdentifier``) get `n_`; ids are cut at 40 characters so a long step does not
/// make a long anchor. A second label with the same slug gets `_2`, `_3`.
struct NodeIDAllocator: Sendable {
    private var used: Set<String> = []

    static let maximumLength = 40

    mutating func allocate(for label: String) -> String {
        var base = Slug.make(label, fallback: "node").replacing("-", with: "_")
        if let first = base.utf8.first, first >= 0x30 && first <= 0x39 { base = "n" + base }
        if base.utf8.count > Self.maximumLength {
            let cut = String(base.prefix(Self.maximumLength))
            if let lastBreak = cut.lastIndex(of: "_"), cut.distance(from: cut.startIndex, to: lastBreak) >= 12 {
                base = String(cut[..<lastBreak])
            } else {
                base = cut
            }
        }
        if !MermaidIdentifier.isSafe(base) { base = "n_" + base }
        if used.insert(base).inserted { return base }
        var n = 2
        while !used.insert("\(base)_\(n)").inserted { n += 1 }
        return "\(base)_\(n)"
    }
}
