import DossierTestSupport
import Foundation

/// Runs the built `dossier` binary, as a user would.
struct Dossier {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var killed: Bool
    }

    /// `.build/<config>/dossier`, beside the test bundle.
    static let binary: URL = {
        var url = Bundle.main.bundleURL
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("dossier").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("dossier")
    }()

    static func run(_ arguments: [String], in directory: URL? = nil, killAfter: Duration? = nil) throws -> Output {
        let output = try runProcess(binary, arguments, in: directory, killAfter: killAfter)
        return Output(status: output.status, stdout: output.stdout, stderr: output.stderr, killed: output.killed)
    }
}

/// Compares text with a stored snapshot in Snapshots/. A missing snapshot is recorded and the
/// test fails, so a new snapshot is always looked at; `DOSSIER_RECORD=1` re-records on purpose.
func matchesSnapshot(_ text: String, named name: String) -> (Bool, String) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if existing == nil || ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1" {
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return (false, "recorded snapshot \(name); check it and run again")
    }
    return (existing == text, "output differs from Snapshots/\(name).txt:\n\(text)")
}

final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ path: String, _ text: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: false, encoding: .utf8)
    }
}

