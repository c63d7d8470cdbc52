import Foundation

/// `../shared` beside the repository: real inputs that a clone elsewhere does not have.
/// Tests that need it skip with a message when it is absent.
enum SharedFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url(path).path) }
    static func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: url(path))) }
}
