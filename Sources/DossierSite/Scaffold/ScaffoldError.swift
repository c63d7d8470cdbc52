/// Why a scaffold was not written: every problem found, each with the path it concerns.
///
/// Problems are gathered before anything is written, so one error names every file in the
/// way rather than the first.
public struct ScaffoldError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// A file (or folder) is where a scaffold file would go.
        case exists = "scaffold.exists"
        /// A path the scaffold needs as a folder is a file.
        case notAFolder = "scaffold.not-a-folder"
        /// `dossier new` was given a name it cannot make a file name of.
        case invalidName = "scaffold.invalid-name"
        /// `dossier new` was pointed at a folder that is not a handbook.
        case notAHandbook = "scaffold.not-a-handbook"
        /// Writing failed (permissions, a full disk); what was written was removed.
        case writeFailed = "scaffold.write-failed"
    }

    public struct Problem: Sendable, Hashable {
        public var code: Code
        /// Relative to the handbook folder; `nil` when the problem concerns no file.
        public var path: String?
        public var message: String

        public init(code: Code, path: String?, message: String) {
            self.code = code
            self.path = path
            self.message = message
        }
    }

    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    init(_ code: Code, _ message: String, path: String? = nil) {
        self.init(problems: [Problem(code: code, path: path, message: message)])
    }

    /// `path: error: message [code]` lines, the way Dossier prints every problem; `display`
    /// turns a relative path into the one the user should see.
    public func lines(display: (String) -> String = { $0 }) -> [String] {
        problems.map { problem in
            (problem.path.map { display($0) + ": " } ?? "") + "error: \(problem.message) [\(problem.code.rawValue)]"
        }
    }

    public var description: String { lines().joined(separator: "\n") }
}
