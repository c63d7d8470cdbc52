/// A known problem and what fixed it, in either shape profiles use: a one-liner
/// (`- **Problem** → Solution: text (success rate: 100%)`) or an `#### Issue:` block with
/// symptoms, root causes, diagnostic steps and a resolution.
public struct TroubleshootingEntry: Hashable, Sendable, Codable {
    public enum Shape: String, Hashable, Sendable, Codable {
        case oneLine = "one-line"
        case block
    }

    public var shape: Shape
    public var problem: String
    public var solution: String?
    /// `solution` with its inline formatting.
    public var solutionFormatted: InlineText?
    /// 0…1, from `(success rate: 100%)` or `(95% success rate)`.
    public var successRate: Double?
    public var symptoms: String?
    public var rootCauses: [String]
    public var diagnosticSteps: [String]
    public var resolution: String?
    public var line: Int

    public init(shape: Shape, problem: String, solution: String? = nil, successRate: Double? = nil, symptoms: String? = nil,
                rootCauses: [String] = [], diagnosticSteps: [String] = [], resolution: String? = nil, line: Int,
                solutionFormatted: InlineText? = nil) {
        self.shape = shape
        self.problem = problem
        self.solution = solution
        self.solutionFormatted = solutionFormatted ?? solution.map { InlineText(plain: $0) }
        self.successRate = successRate
        self.symptoms = symptoms
        self.rootCauses = rootCauses
        self.diagnosticSteps = diagnosticSteps
        self.resolution = resolution
        self.line = line
    }
}
