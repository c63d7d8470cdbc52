import DossierSite
import Foundation
import Testing
import DossierTestSupport

struct DeterminismTests {
    @Test func twoBuildsOfTheSameInputAreByteIdentical() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/about.md": "# About\n\nSee [x](profiles/p0.md).\n",
            "content/index.md": "Intro\n",
        ])
        for i in 0..<40 {
            try handbook.write("content/profiles/p\(i).md", "# Profile \(i)\n\n## Role\nText \(i) → ≥0.85\n\n[^n]: note\n\nRef[^n]\n")
        }
        try handbook.write("content/profiles/bad.md", bytes: [0x23, 0x20, 0xFF])
        let first = handbook.root.appendingPathComponent("out1")
        let second = handbook.root.appendingPathComponent("out2")
        _ = await handbook.build(output: first)
        _ = await handbook.build(output: second) { $0.width = 1 }
        let a = try snapshot(of: first)
        let b = try snapshot(of: second)
        #expect(a.count > 40)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a {
            #expect(b[path] == bytes, "\(path) differs between builds")
        }
    }
}
