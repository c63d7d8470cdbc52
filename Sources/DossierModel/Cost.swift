/// A cost estimate as written in a pattern (`$10-20/month moderate usage`), with the parts
/// a dashboard can compare.
public struct Cost: Hashable, Sendable, Codable {
    /// The text as written.
    public var text: String
    public var min: Double?
    public var max: Double?
    /// ISO 4217 code: `USD` for `$`, `EUR` for `€`, `GBP` for `£`.
    public var currency: String?
    /// `month`, `year`, `day`, `hour`.
    public var period: String?
    /// What the amount is per, other than time (`1M requests` in `$0.20 per 1M requests`).
    public var unit: String?
    /// Words after the amount (`moderate usage`).
    public var qualifier: String?
    /// Whether an amount could be read from the text.
    public var parsed: Bool

    public init(text: String, min: Double? = nil, max: Double? = nil, currency: String? = nil, period: String? = nil,
                unit: String? = nil, qualifier: String? = nil, parsed: Bool) {
        self.text = text
        self.min = min
        self.max = max
        self.currency = currency
        self.period = period
        self.unit = unit
        self.qualifier = qualifier
        self.parsed = parsed
    }
}
