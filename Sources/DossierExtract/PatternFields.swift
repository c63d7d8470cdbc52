import DossierModel

/// Where a labelled run of a pattern goes, by its label: the same words mean the same field
/// in profile patterns and pattern documents.
enum PatternFields {
    enum Field { case whenToUse, whenNotToUse, prerequisites, implementation, monitoring, rollback, none }

    static func field(for label: String) -> Field {
        let words = TitleMatch.normalized(label)
        func starts(_ prefixes: [String]) -> Bool { prefixes.contains { words.hasPrefix($0) } }
        if starts(["when not to", "when to avoid", "avoid", "do not use", "don t use", "not for", "think twice", "anti pattern", "when not"]) { return .whenNotToUse }
        if starts(["when to use", "when to apply", "use when", "use it when", "use this when", "best for", "good fit", "applicable", "when to choose", "use cases"]) { return .whenToUse }
        if starts(["prerequisite", "requirements", "before you start", "before starting", "you need", "required"]) { return .prerequisites }
        if starts(["implementation", "steps", "how to implement", "how to", "setup", "deployment steps", "procedure", "solution"]) { return .implementation }
        if starts(["monitoring", "observability", "alerting", "validation"]) { return .monitoring }
        if starts(["rollback", "roll back", "rolling back", "backout", "back out", "recovery"]) { return .rollback }
        return .none
    }

    /// Fills a pattern's lists from labelled runs of its content.
    static func apply(_ blocks: [LabeledBlock], to pattern: inout Pattern) {
        for block in blocks where !block.label.isEmpty {
            let text = block.allText
            let formatted = block.allFormatted
            switch field(for: block.label) {
            case .whenToUse: pattern.add(text, formatted, to: \.whenToUse, \.whenToUseFormatted)
            case .whenNotToUse: pattern.add(text, formatted, to: \.whenNotToUse, \.whenNotToUseFormatted)
            case .prerequisites: pattern.add(text, formatted, to: \.prerequisites, \.prerequisitesFormatted)
            case .implementation:
                if text.isEmpty && block.code.isEmpty { continue }
                let lines = (block.inline == nil ? [] : [block.line]) + block.itemLines
                pattern.implementation += text.enumerated().map {
                    PatternStep(title: $1, line: $0 < lines.count ? lines[$0] : block.line, titleFormatted: formatted[$0])
                }
                if text.isEmpty { pattern.implementation.append(PatternStep(title: block.label, code: block.code, line: block.line)) }
                else if !block.code.isEmpty { pattern.implementation[pattern.implementation.count - 1].code += block.code }
            case .monitoring: pattern.add(text, formatted, to: \.monitoring, \.monitoringFormatted)
            case .rollback: pattern.add(text, formatted, to: \.rollback, \.rollbackFormatted)
            case .none: break
            }
        }
    }
}

extension Pattern {
    /// Appends to one of the pattern's lists and its formatted twin together, so the two stay
    /// entry for entry.
    mutating func add(_ text: [String], _ formatted: [InlineText],
                      to list: WritableKeyPath<Pattern, [String]>, _ twin: WritableKeyPath<Pattern, [InlineText]>) {
        self[keyPath: list] += text
        self[keyPath: twin] += formatted
    }
}
