/// A link from a profile (or pattern document) to another agent.
public struct Relation: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// `Works best with: dbt-expert (…)`, `### With Data Engineer Role`.
        case worksWith = "works-with"
        /// `### Delegation to dbt-expert`, `**aws-expert** (AWS Infrastructure):`.
        case delegatesTo = "delegates-to"
        /// `- **With dbt-expert**: … (success rate from 1 project: 100%)`.
        case integratesWith = "integrates-with"
        /// `A → B` hand-offs in collaboration sections.
        case handsOffTo = "hands-off-to"
        /// A pattern document's `Primary Users`.
        case usedBy = "used-by"
    }

    public enum Direction: String, Hashable, Sendable, Codable {
        /// From this document to the target (this profile delegates to the target).
        case outgoing
        /// From the target to this document (the target delegates to this profile).
        case incoming
    }

    public var kind: Kind
    public var direction: Direction
    /// The agent as written (`dbt-expert`, `Documentation expert`).
    public var target: String
    /// The profile it names in this handbook, when there is one.
    public var targetID: String?
    public var resolved: Bool
    public var note: String?
    /// 0…1, from `(success rate from 1 project: 100%)`.
    public var successRate: Double?
    public var line: Int

    public init(kind: Kind, direction: Direction = .outgoing, target: String, targetID: String? = nil, note: String? = nil,
                successRate: Double? = nil, line: Int) {
        self.kind = kind
        self.direction = direction
        self.target = target
        self.targetID = targetID
        self.resolved = targetID != nil
        self.note = note
        self.successRate = successRate
        self.line = line
    }
}
