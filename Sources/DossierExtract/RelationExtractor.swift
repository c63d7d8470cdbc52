import DossierCore
import DossierMarkdown
import DossierModel

/// Finds a profile's relations to other agents: `Works best with` lists, `**With X**:`
/// integration items, `### With X` collaboration sections, delegation headings and labels,
/// and `A → B` hand-offs in collaboration sections.
struct RelationExtractor {
    /// Names this profile goes by (id, front matter name, title), as slugs: a hand-off that
    /// names one of them is this profile's own side.
    let selfNames: Set<String>

    /// What a section's heading path says about the items in it. Worked out once per
    /// section: a profile has thousands of list items and a few dozen sections.
    private struct Scope {
        /// Some heading on the path is about delegating (or consulting).
        var delegation = false
        var consulting = false
        /// Some heading names the agents that delegate *to* this profile.
        var incoming = false
        var collaboration = false

        init() {}

        /// What one heading's title adds to the scope of the section it heads.
        init(title: String) {
            let words = TitleMatch.normalized(title)
            delegation = words.includes("delegat")
            consulting = words.includes("consult")
            incoming = words.includes("who delegates") || words.includes("delegates to this")
            // `TitleMatch.contains` for each word, with the title normalised once.
            let spaced = " " + words + " "
            collaboration = RelationExtractor.spacedCollaborationWords.contains { spaced.includes($0) }
        }

        /// Some heading on either path says so.
        func union(_ other: Scope) -> Scope {
            var scope = self
            scope.delegation = delegation || other.delegation
            scope.consulting = consulting || other.consulting
            scope.incoming = incoming || other.incoming
            scope.collaboration = collaboration || other.collaboration
            return scope
        }
    }

    static let collaborationWords = ["collaboration", "coordination", "handoff", "handoffs", "sequential", "integration strategies", "collaborate"]
    private static let spacedCollaborationWords = collaborationWords.map { " " + $0 + " " }

    func extract(_ context: ExtractionContext, heads: ItemHeads) -> [Relation] {
        var relations: [Relation] = []
        let document = context.document
        let sections = context.sections

        // A section's scope is its parent's and its own title's (the titles of
        // `SectionIndex.path`: level 2 and deeper), each title read once.
        var scopes: [Int: Scope] = [:]
        func scope(ofSection section: Int) -> Scope {
            if section == 0 { return Scope() }
            if let known = scopes[section] { return known }
            let entry = sections[section]
            let inherited = entry.parent.map { scope(ofSection: $0) } ?? Scope()
            let made = entry.level >= 2 ? inherited.union(Scope(title: entry.title)) : inherited
            scopes[section] = made
            return made
        }
        func scope(of node: Int32) -> Scope { scope(ofSection: sections.section(of: node)) }

        // Headings: `### Delegation to dbt-expert (ACTIVE)`, `### With Data Engineer Role`.
        for index in sections.indices.dropFirst() {
            let entry = sections[index]
            let (outside, groups) = TextShapes.parentheticals(Substring(entry.title))
            let normalized = TitleMatch.normalized(outside)
            if normalized.hasPrefix("delegation to ") || normalized.hasPrefix("delegate to ") {
                let target = outside.split(separator: " ").dropFirst(2).joined(separator: " ")
                relations.append(Relation(kind: .delegatesTo, target: target, note: groups.first.map(String.init), line: entry.line))
            } else if AgentNames.isAgentID(outside.trimmed), entry.level >= 3 {
                // `### snowflake-expert (ACTIVE)` under a delegation or collaboration heading.
                let path = scope(ofSection: index)
                let kind: Relation.Kind = path.delegation || path.consulting ? .delegatesTo : .worksWith
                relations.append(Relation(kind: kind, target: String(outside.trimmed), note: groups.first.map(String.init), line: entry.line))
            } else if normalized.hasPrefix("with "), scope(ofSection: index).collaboration {
                let target = String(outside.dropFirst(5))
                let note = document.labeledBlocks(entry.blocks).first.map { block in
                    [block.label, block.inline].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
                }
                relations.append(Relation(kind: .worksWith, target: target, note: note?.isEmpty == false ? note : nil, line: entry.line))
            }
        }

        for index in document.nodes.indices {
            let node = document.nodes[index]
            let item = Int32(index)
            switch node.kind {
            case .item:
                relations += fromItem(item, head: heads[item], scope: scope(of: item), document: document)
            case .paragraph where document[node.parent].kind == .document:
                relations += delegationLabels(paragraph: item, scope: scope(of: item), document: document)
            default:
                break
            }
        }
        return deduplicated(relations)
    }

    private func fromItem(_ item: Int32, head: ItemHeads.Head, scope: Scope, document: MarkdownDocument) -> [Relation] {
        guard let first = head.lines.first else { return [] }
        let text = head.text
        let line = document.line(of: item)
        let label = first.leadingStrong.map { $0.cleanedLabel } ?? ""
        let normalizedLabel = TitleMatch.normalized(label)

        // `- **Works best with**:` and its sub-items (or an inline list).
        if normalizedLabel.hasPrefix("works best with") || normalizedLabel.hasPrefix("works with") || normalizedLabel.hasPrefix("collaborates with") {
            var relations: [Relation] = []
            for sub in document.subItems(of: item) {
                let subText = document.headText(of: sub)
                guard let target = AgentNames.leading(subText) else { continue }
                let note = TextShapes.parentheticals(Substring(subText)).groups.first.map(String.init)
                relations.append(Relation(kind: .worksWith, target: target, note: note, line: document.line(of: sub)))
            }
            if let (_, value) = TextShapes.labelValue(Substring(text)) {
                for name in value.split(separator: ",") where AgentNames.leading(name) != nil {
                    relations.append(Relation(kind: .worksWith, target: AgentNames.leading(name)!, line: line))
                }
            }
            return relations
        }

        // `- **With dbt-expert**: … (success rate from 1 project: 100%)`.
        if normalizedLabel.hasPrefix("with "), let target = AgentNames.leading(label.dropFirst(5)) ?? (scope.collaboration ? String(label.dropFirst(5)) : nil) {
            var note = TextShapes.labelValue(Substring(text)).map { String($0.value) }
            if let value = note, let open = value.lastIndex(of: "("), value[open...].lowercased().includes("success") {
                note = String(value[..<open].trimmed)
            }
            return [Relation(kind: .integratesWith, target: target, note: note, successRate: TextShapes.successRate(text), line: line)]
        }

        // A bold agent label: `- **ui-ux-developer-role**: AWS deployment …` delegates in a
        // delegation section, works alongside anywhere else (`Available Agent Ecosystem`).
        if !label.isEmpty, AgentNames.isAgentID(label) {
            let note = TextShapes.labelValue(Substring(text)).map { String($0.value) }
            if scope.delegation || scope.consulting {
                let incoming = scope.incoming || isIncoming(item: item, document: document)
                return [Relation(kind: .delegatesTo, direction: incoming ? .incoming : .outgoing, target: label, note: note, line: line)]
            }
            return [Relation(kind: .worksWith, target: label, note: note, line: line)]
        }

        // `A → B` hand-offs in collaboration sections.
        if scope.collaboration, text.includes("→") {
            return handOffs(text, line: line)
        }
        return []
    }

    /// `**dbt-expert** (Complex dbt Operations):` paragraphs in delegation sections.
    private func delegationLabels(paragraph: Int32, scope: Scope, document: MarkdownDocument) -> [Relation] {
        guard scope.delegation,
              let first = document.inlineLines(of: paragraph).first, let strong = first.leadingStrong,
              AgentNames.isAgentID(strong.cleanedLabel) else { return [] }
        let rest = first.text[strong.endIndex...]
        let note = TextShapes.parentheticals(rest).groups.first.map(String.init)
        return [Relation(kind: .delegatesTo, target: strong.cleanedLabel, note: note, line: first.line)]
    }

    private func handOffs(_ text: String, line: Int) -> [Relation] {
        let sides = text.splitting(by: "→")
        var relations: [Relation] = []
        for (left, right) in zip(sides, sides.dropFirst()) {
            let from = AgentNames.mentions(in: left).last
            let to = AgentNames.mentions(in: right).first
            let fromSelf = from.map { isSelf($0) } ?? true
            let toSelf = to.map { isSelf($0) } ?? false
            if fromSelf, let to, !toSelf {
                relations.append(Relation(kind: .handsOffTo, target: to, note: text, line: line))
            } else if toSelf, let from, !fromSelf {
                relations.append(Relation(kind: .handsOffTo, direction: .incoming, target: from, note: text, line: line))
            }
        }
        return relations
    }

    private func isSelf(_ name: String) -> Bool { selfNames.contains(AgentNames.slug(name)) }

    /// "Role agents that consult aws-expert" just before the list: the agents listed
    /// delegate to this profile. (A heading that says so is `Scope.incoming`.)
    private func isIncoming(item: Int32, document: MarkdownDocument) -> Bool {
        // The paragraph just before the list: `**Role agents that consult aws-expert**:`.
        let list = document[item].parent
        var previous: Int32?
        for sibling in document.children(of: document[list].parent) {
            if sibling == list { break }
            previous = sibling
        }
        if let previous, document[previous].kind == .paragraph {
            let text = TitleMatch.normalized(document.flatText(of: previous))
            return text.includes("that consult") || text.includes("who delegate") || text.includes("delegating to")
        }
        return false
    }

    private func deduplicated(_ relations: [Relation]) -> [Relation] {
        var seen = Set<String>()
        return relations.filter { relation in
            let key = "\(relation.kind.rawValue)|\(relation.direction.rawValue)|\(AgentNames.slug(relation.target))"
            return !isSelf(relation.target) && seen.insert(key).inserted
        }.sorted { $0.line < $1.line }
    }
}
