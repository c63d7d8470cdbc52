@testable import DossierServe
import Foundation
import Testing

/// The watchers, on a temporary handbook folder: what they see and how they group it.
@Suite struct WatcherTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case inotify, polling
        var testDescription: String { rawValue }
    }

    /// Both kinds on Linux (polling is the fallback there); polling elsewhere.
    static var kinds: [Kind] {
        #if os(Linux)
        Kind.allCases
        #else
        [.polling]
        #endif
    }

    /// A watcher on a fresh handbook, its batches recorded.
    final class Watched: @unchecked Sendable {
        let handbook: TestHandbook
        let watcher: any FileWatcher
        let batches = Recording<ChangeBatch>()

        init(_ kind: Kind, quietPeriod: Duration = .milliseconds(40),
             files: [String: String] = ["content/a.md": "# A\n", "content/sub/b.md": "# B\n"]) throws {
            handbook = try TestHandbook(files: files)
            switch kind {
            case .inotify:
                #if os(Linux)
                watcher = try InotifyWatcher(root: handbook.root, quietPeriod: quietPeriod)
                #else
                fatalError("inotify is Linux only")
                #endif
            case .polling:
                watcher = PollingWatcher(root: handbook.root, interval: .milliseconds(50))
            }
            let (watcher, batches) = (self.watcher, self.batches)
            Task {
                for await batch in watcher.batches { batches.append(batch) }
                batches.finish()
            }
        }

        var root: URL { handbook.root }

        /// The first batch from `index` on that holds `path`.
        @discardableResult
        func batch(containing path: String, from index: Int = 0) async throws -> ChangeBatch {
            try await batches.first(from: index, within: .seconds(10), "a batch with \(path)") { $0.paths.contains(path) }
        }

        /// All paths seen from batch `index` on, once `path` has been seen.
        func paths(from index: Int, until path: String) async throws -> Set<String> {
            try await batch(containing: path, from: index)
            return batches.all.dropFirst(index).reduce(into: []) { $0.formUnion($1.paths) }
        }

        deinit { watcher.stop() }
    }

    /// Polling compares modification times; a write in the same instant as the listing
    /// could go unseen, so polling tests let the clock move first.
    static func settle(_ kind: Kind) async throws {
        if kind == .polling { try await Task.sleep(for: .milliseconds(120)) }
    }

    @Test(arguments: kinds) func modifyingCreatingAndDeletingFiles(kind: Kind) async throws {
        let watched = try Watched(kind)
        try await Self.settle(kind)
        try watched.handbook.write("content/a.md", "# A, edited\n")
        try await watched.batch(containing: "content/a.md")

        try watched.handbook.write("content/new.md", "# New\n")
        try await watched.batch(containing: "content/new.md")

        try FileManager.default.removeItem(at: watched.root.appendingPathComponent("content/sub/b.md"))
        try await watched.batch(containing: "content/sub/b.md")
    }

    @Test(arguments: kinds) func aSaveByRenameNamesTheFileNotTheTemporaryOne(kind: Kind) async throws {
        let watched = try Watched(kind)
        try await Self.settle(kind)
        let start = watched.batches.count
        try watched.handbook.saveByRename("content/a.md", "# A, saved by rename\n")
        let seen = try await watched.paths(from: start, until: "content/a.md")
        #expect(!seen.contains { $0.contains(".a.md.tmp") }, "hidden files are not reported: \(seen)")
    }

    @Test(arguments: kinds) func newFoldersAreWatchedToo(kind: Kind) async throws {
        let watched = try Watched(kind)
        try await Self.settle(kind)
        // A folder and a file in it at once, before the watcher can have seen the folder.
        try watched.handbook.write("content/team/deep/c.md", "# C\n")
        try await watched.batch(containing: "content/team/deep/c.md")
        // And a later change inside the new folder.
        try await Self.settle(kind)
        let start = watched.batches.count
        try watched.handbook.write("content/team/deep/c.md", "# C, edited\n")
        try await watched.batch(containing: "content/team/deep/c.md", from: start)
    }

    @Test(arguments: kinds) func configurationAndTemplatesButNothingElse(kind: Kind) async throws {
        let watched = try Watched(kind)
        try await Self.settle(kind)
        let start = watched.batches.count
        try watched.handbook.write("README.md", "not part of the site\n")
        try watched.handbook.write("site/index.html", "a built site\n")
        try watched.handbook.write("content/.drafts/wip.md", "# Hidden\n")
        try watched.handbook.write("templates/base.mustache", "{{$content}}{{/content}}\n")  // templates/ appears
        try watched.handbook.write("dossier.yml", "title: T\n")
        let seen = try await watched.paths(from: start, until: "dossier.yml")
        try await watched.batch(containing: "templates/base.mustache", from: start)
        let all = watched.batches.all.dropFirst(start).reduce(into: Set<String>()) { $0.formUnion($1.paths) }
        #expect(!all.contains { $0.hasPrefix("README") || $0.hasPrefix("site") || $0.contains(".drafts") }, "\(seen)")

        try await Self.settle(kind)
        let next = watched.batches.count
        try watched.handbook.write("templates/base.mustache", "{{$content}}x{{/content}}\n")
        try await watched.batch(containing: "templates/base.mustache", from: next)
    }

    /// A burst of writes inside the quiet period is one batch. (A longer quiet period than
    /// the server's, so a busy test machine pausing between two writes cannot split it.)
    @Test func aBurstOfWritesIsOneBatch() async throws {
        #if os(Linux)
        let watched = try Watched(.inotify, quietPeriod: .milliseconds(300))
        for n in 1...20 { try watched.handbook.write("content/burst-\(n).md", "# \(n)\n") }
        let batch = try await watched.batch(containing: "content/burst-20.md")
        #expect((1...20).allSatisfy { batch.paths.contains("content/burst-\($0).md") }, "\(batch.paths.sorted())")
        #expect(watched.batches.count == 1)
        #endif
    }

    /// A batch waits for the quiet period after its change (how soon after is a matter of
    /// scheduling on a busy machine: the benchmark measures it, the wait above bounds it).
    @Test func batchesWaitForTheQuietPeriod() async throws {
        #if os(Linux)
        let watched = try Watched(.inotify)
        let written = ContinuousClock.now
        try watched.handbook.write("content/a.md", "# A, again\n")
        let batch = try await watched.batch(containing: "content/a.md")
        let delivered = ContinuousClock.now
        #expect(batch.noticed >= written)
        #expect(delivered - batch.noticed >= .milliseconds(40))
        #endif
    }

    @Test(arguments: kinds) func stoppingEndsTheBatches(kind: Kind) async throws {
        let watched = try Watched(kind)
        watched.watcher.stop()
        watched.watcher.stop()  // twice is fine
        try await withTimeout(.seconds(10), "the batches to end") {
            for await _ in watched.batches.stream(from: 0) {}
        }
    }

    @Test func aMissingFolderIsWatchedOnceItAppears() async throws {
        #if os(Linux)
        let handbook = try TestHandbook(files: [:])
        let watcher = try InotifyWatcher(root: handbook.root, quietPeriod: .milliseconds(20))
        defer { watcher.stop() }
        let batches = Recording<ChangeBatch>()
        Task { for await batch in watcher.batches { batches.append(batch) } }
        try handbook.write("content/profiles/a.md", "# A\n")
        _ = try await batches.first(within: .seconds(10), "the new content folder") { $0.paths.contains("content/profiles/a.md") }
        #endif
    }

    @Test func theScopeRule() {
        #expect(WatchScope.matters("content/a.md"))
        #expect(WatchScope.matters("content"))
        #expect(WatchScope.matters("templates/partials/x.mustache"))
        #expect(WatchScope.matters("dossier.yml"))
        #expect(!WatchScope.matters("dossier.yml~"))
        #expect(!WatchScope.matters("site/index.html"))
        #expect(!WatchScope.matters(".git/index"))
        #expect(!WatchScope.matters("content/.a.md.swp"))
        #expect(!WatchScope.matters("content/.drafts/a.md"))
        #expect(!WatchScope.matters("4913"))
    }
}
