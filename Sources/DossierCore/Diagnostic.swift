/// How serious a diagnostic is. `note` is informational: shown by `check --verbose`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A problem found in the input, as a value: who reports it never prints or throws it.
///
/// `code` is stable (`confidence.out-of-range`, `text.invalid-utf8`) so tools can filter on it;
/// the message is for people and may change.
public struct Diagnostic: Hashable, Sendable, Codable {
    public var severity: Severity
    public var code: String
    public var message: String
    /// Where the problem is; `nil` for problems that belong to no file (a missing folder).
    public var location: SourceLocation?
    /// Extra lines that help: where a fence opened, what was expected.
    public var notes: [String]

    public init(
        _ severity: Severity, code: String, _ message: String,
        at location: SourceLocation?, notes: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ code: String, _ message: String, at location: SourceLocation?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, code: code, message, at: location, notes: notes)
    }

    public static func warning(_ code: String, _ message: String, at location: SourceLocation?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, code: code, message, at: location, notes: notes)
    }

    public static func note(_ code: String, _ message: String, at location: SourceLocation?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.note, code: code, message, at: location, notes: notes)
    }
}

extension Diagnostic: CustomStringConvertible {
    /// `path:line:col: severity: message [code]`, followed by indented notes.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message) [\(code)]"
        for note in notes { text += "\n    note: \(note)" }
        return text
    }
}

extension Diagnostic: Comparable {
    /// Sorted by file and position; diagnostics without a file come first, then by severity
    /// (errors first) and message, so output order never depends on thread timing.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (l?, r?) where l != r: return l < r
        default:
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            if lhs.code != rhs.code { return lhs.code < rhs.code }
            return lhs.message < rhs.message
        }
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
