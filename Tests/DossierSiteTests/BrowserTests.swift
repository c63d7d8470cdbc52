import DossierTestSupport
import Foundation
import Testing

/// Runs the Python checks in Tests/Browser/ against sites built by the `dossier` binary:
/// `a11y_check.py` (static accessibility checks, Python only) and `browser_test.py`
/// (headless Chromium through Selenium: console, search, theme, sorting, filters, no
/// JavaScript, phone widths, screenshots in `.build/screenshots`). The sample handbook is
/// the repository; the corpus is `../shared/corpus/adlc` when it is there.
@Suite(.serialized)
struct BrowserTests {
    @Test(.enabled(if: BrowserTools.python != nil, "python3 is not on PATH: accessibility checks skipped"))
    func accessibilityOfTheSample() throws {
        try BrowserTools.run("a11y_check.py", ["--only", "sample"])
    }

    @Test(.enabled(if: BrowserTools.python != nil && BrowserTools.corpusIsPresent,
                   "python3 or ../shared/corpus/adlc is missing: corpus accessibility checks skipped"))
    func accessibilityOfTheCorpus() throws {
        try BrowserTools.run("a11y_check.py", ["--only", "corpus"])
    }

    @Test(.enabled(if: BrowserTools.missing.isEmpty, Comment(rawValue: BrowserTools.skipMessage)),
          .timeLimit(.minutes(10)))
    func theSampleInABrowser() throws {
        try BrowserTools.run("browser_test.py", BrowserTools.browserArguments + ["--only", "sample"])
    }

    @Test(.enabled(if: BrowserTools.missing.isEmpty && BrowserTools.corpusIsPresent,
                   Comment(rawValue: BrowserTools.corpusIsPresent ? BrowserTools.skipMessage : "../shared/corpus/adlc is absent: corpus browser test skipped")),
          .timeLimit(.minutes(10)))
    func theCorpusInABrowser() throws {
        try BrowserTools.run("browser_test.py", BrowserTools.browserArguments + ["--only", "corpus"])
    }
}

/// Finds what the checks need and runs a script, printing its output.
enum BrowserTools {
    static let scripts = repositoryRoot.appendingPathComponent("Tests/Browser")
    static let screenshots = repositoryRoot.appendingPathComponent(".build/screenshots")
    static let corpus = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/adlc")
    static var corpusIsPresent: Bool { FileManager.default.fileExists(atPath: corpus.path) }

    static let python = executable("python3")
    static let chromium = executable("chromium") ?? executable("chromium-browser") ?? executable("google-chrome")
    static let chromedriver = executable("chromedriver")
    static let hasSelenium: Bool = {
        guard let python else { return false }
        return (try? execute(python, ["-c", "import selenium"]).status) == 0
    }()

    /// What the browser test needs and this machine lacks.
    static let missing: [String] = {
        var missing: [String] = []
        if python == nil { missing.append("python3") }
        if chromium == nil { missing.append("chromium") }
        if chromedriver == nil { missing.append("chromedriver (Debian: chromium-driver)") }
        if python != nil && !hasSelenium { missing.append("the selenium Python module (pip install selenium)") }
        return missing
    }()

    static var skipMessage: String {
        "browser test skipped: missing " + (missing.isEmpty ? "nothing" : missing.joined(separator: ", "))
    }

    static var browserArguments: [String] {
        ["--screenshots", screenshots.path, "--chromium", chromium ?? "chromium", "--chromedriver", chromedriver ?? "chromedriver"]
    }

    /// `.build/<config>/dossier`, beside the test bundle (as in DossierCLITests).
    static let dossier: URL = {
        var url = Bundle.main.bundleURL
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("dossier").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("dossier")
    }()

    /// Runs a script of Tests/Browser with the dossier binary and the repository, prints what
    /// it printed, and records a failure with its output when it exits non-zero.
    static func run(_ script: String, _ arguments: [String]) throws {
        let python = try #require(python, "python3 is not on PATH")
        try #require(FileManager.default.isExecutableFile(atPath: dossier.path),
                     "the dossier binary is not beside the test bundle (\(dossier.path)); build it with `swift build`")
        let all = [scripts.appendingPathComponent(script).path, "--dossier", dossier.path,
                   "--repository", repositoryRoot.path, "--corpus", corpus.path] + arguments
        let result = try execute(python, all)
        if result.status == 0 {
            print("── \(script) \(arguments.joined(separator: " "))\n\(result.output)")
        }
        #expect(result.status == 0, "\(script) \(arguments.joined(separator: " ")) failed (exit \(result.status)):\n\(result.output)")
    }

    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs a program (no shell) in the repository, stdout followed by stderr.
    static func execute(_ program: String, _ arguments: [String]) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment["PYTHONUNBUFFERED"] = "1"
        let output = try runProcess(URL(fileURLWithPath: program), arguments, in: repositoryRoot, environment: environment)
        return Result(status: output.status, output: output.stdout + output.stderr)
    }

    /// The first executable file of that name on PATH.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
