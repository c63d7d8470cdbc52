/// A band of confidence scores, such as "Primary Expertise (≥0.85)".
public struct ConfidenceRange: Hashable, Sendable, Codable {
    public var min: Double
    public var max: Double
    /// Whether `min` itself belongs to the range (`≥0.85`) or not (`>0.85`).
    public var minInclusive: Bool
    /// Whether `max` itself belongs to the range (`0.60-0.84`, `≤0.84`) or not (`<0.60`).
    public var maxInclusive: Bool

    public init(min: Double, max: Double, minInclusive: Bool = true, maxInclusive: Bool = true) {
        self.min = min
        self.max = max
        self.minInclusive = minInclusive
        self.maxInclusive = maxInclusive
    }

    public func contains(_ value: Double) -> Bool {
        let aboveMin = minInclusive ? value >= min - 1e-9 : value > min + 1e-9
        let belowMax = maxInclusive ? value <= max + 1e-9 : value < max - 1e-9
        return aboveMin && belowMax
    }

    /// `0.60–0.84`, `≥0.85`, `<0.60`: how the range reads in messages.
    public var label: String {
        func format(_ value: Double) -> String { String(format2: value) }
        if max >= 1 && maxInclusive { return (minInclusive ? "≥" : ">") + format(min) }
        if min <= 0 && minInclusive { return (maxInclusive ? "≤" : "<") + format(max) }
        return "\(format(min))–\(format(max))"
    }
}

/// The standard bands every tier maps to, for colours and comparisons across profiles.
public enum TierLevel: String, Hashable, Sendable, Codable, CaseIterable {
    case primary, secondary, developing
}

/// A group of capabilities under one confidence band (an H3 under "Capability Confidence
/// Levels").
public struct Tier: Hashable, Sendable, Codable {
    /// `primary`, `secondary`, `developing`, or the slug of another heading
    /// (`requires-specialist`).
    public var id: String
    public var title: String
    public var level: TierLevel
    public var range: ConfidenceRange?
    /// The italic line under the heading (`Tasks where this agent consistently excels`).
    public var description: String?
    public var line: Int

    public init(id: String, title: String, level: TierLevel, range: ConfidenceRange?, description: String?, line: Int) {
        self.id = id
        self.title = title
        self.level = level
        self.range = range
        self.description = description
        self.line = line
    }
}

extension String {
    /// A confidence with two decimals (`0.85`), the way profiles write them.
    public init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = abs(hundredths % 100)
        self = "\(hundredths < 0 && whole == 0 ? "-" : "")\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
