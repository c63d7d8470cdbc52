import DossierCore

/// Recognising agents named in text: ids such as `dbt-expert` or `data-engineer-role`, and
/// phrases such as `Documentation expert` or `Data Engineer Role`.
enum AgentNames {
    /// Last words that make a hyphenated token or a phrase an agent's name.
    static let roleWords: Set<String> = [
        "expert", "role", "specialist", "architect", "context", "engineer", "analyst", "developer", "manager", "agent", "sleuth",
    ]

    /// `dbt-expert`, `da-architect`, `ui-ux-developer-role`: lowercase words joined by `-`,
    /// the last one a role word.
    static func isAgentID(_ token: some StringProtocol) -> Bool {
        // ASCII tokens, nearly all of them, are read from the bytes, without cutting them
        // into parts or looking Unicode properties up.
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            var lastDash = -1
            var offset = 0
            for byte in token.utf8 {
                if byte == UInt8(ascii: "-") {
                    guard offset > lastDash + 1 else { return false }  // an empty part
                    lastDash = offset
                } else if !((byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)) {
                    return false
                }
                offset += 1
            }
            guard lastDash >= 0, lastDash < offset - 1 else { return false }
            return roleWords.contains(String(token.suffix(offset - lastDash - 1)))
        }
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber } }) else { return false }
        return roleWords.contains(String(parts.last!))
    }

    /// The agent a text starts with: `dbt-expert (database integration)` → `dbt-expert`,
    /// `Data Engineer Role` → `Data Engineer Role`.
    static func leading(_ text: some StringProtocol) -> String? {
        let trimmed = text.trimmed
        let first = trimmed.prefix { !" (:,".contains($0) }
        if isAgentID(first) { return String(first) }
        if let mention = mentions(in: String(trimmed)).first, trimmed.hasPrefix(mention) { return mention }
        return nil
    }

    /// Agents named anywhere in a text, in order.
    static func mentions(in text: String) -> [String] {
        var found: [String] = []
        let words = text.split(whereSeparator: { " ,;()[]\"'`*→".contains($0) })
        for (i, raw) in words.enumerated() {
            let word = raw.trimmingCharacters(".:!?")
            if isAgentID(word) { found.append(String(word)); continue }
            // `Documentation expert`, `AWS expert`, `Data Engineer Role`: a role word after
            // one to three capitalised words.
            guard roleWords.contains(word.lowercased()), i > 0 else { continue }
            var start = i
            while start > 0, i - start < 3, let c = words[start - 1].first, c.isUppercase { start -= 1 }
            guard start < i else { continue }
            found.append(words[start...i].map { $0.trimmingCharacters(".:!?") }.joined(separator: " "))
        }
        return found
    }

    /// The id a name would have: `Documentation expert` → `documentation-expert`.
    static func slug(_ name: String) -> String { Slug.make(name) }
}

extension StringProtocol {
    func trimmingCharacters(_ set: String) -> Substring {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return s
    }
}
