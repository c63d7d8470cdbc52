/// A performance metric: `- **Success rate**: 100% (1 success / 1 attempt)`.
public struct Metric: Hashable, Sendable, Codable {
    /// The heading it is listed under (`Performance Metrics`, `Recent Performance Trends`).
    public var section: String
    public var key: String
    /// The value as written.
    public var value: String
    /// A percentage as a fraction (`100%` → 1.0).
    public var rate: Double?
    /// A leading whole number (`1 (feature-x)` → 1).
    public var count: Int?
    /// From `(N success / M attempt)`.
    public var successes: Int?
    public var attempts: Int?
    public var line: Int

    public init(section: String, key: String, value: String, rate: Double? = nil, count: Int? = nil,
                successes: Int? = nil, attempts: Int? = nil, line: Int) {
        self.section = section
        self.key = key
        self.value = value
        self.rate = rate
        self.count = count
        self.successes = successes
        self.attempts = attempts
        self.line = line
    }
}
