import DossierCore
import DossierSite
import Foundation

/// A handbook folder in a fresh temporary directory, removed when the value is dropped.
final class TemporaryHandbook {
    let root: URL

    init(files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    var site: URL { root.appendingPathComponent("site") }

    func read(_ sitePath: String, in output: URL? = nil) throws -> String {
        try String(contentsOf: (output ?? site).appendingPathComponent(sitePath), encoding: .utf8)
    }

    func exists(_ sitePath: String, in output: URL? = nil) -> Bool {
        FileManager.default.fileExists(atPath: (output ?? site).appendingPathComponent(sitePath).path)
    }

    func build(output: URL? = nil, configure: (inout SiteBuilder) -> Void = { _ in }) async -> BuildReport {
        var builder = SiteBuilder(root: root, output: output)
        configure(&builder)
        return await builder.build()
    }
}

/// The repository's own folder (where `content/` and `templates/` are).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let minimalProfile = """
# Data Expert

## Role & Expertise
Specialist in data pipelines.

## Core Responsibilities
- Build pipelines
- Review models

"""
