/// Where something came from: a path relative to the handbook root and a 1-based line.
public struct SourceRef: Hashable, Sendable, Codable, Comparable {
    public var path: String
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    public static func < (lhs: SourceRef, rhs: SourceRef) -> Bool {
        (lhs.path, lhs.line) < (rhs.path, rhs.line)
    }
}
