import Dispatch
import DossierCore
import Testing
@testable import DossierMarkdown

/// Debian's cmark-gfm (0.29.0.gfm.6) keeps the characters that start an extension's inline
/// syntax (`~` for strikethrough, `:` `w` `@` for autolinks) in a global table that every
/// parse fills at the start of inline parsing and clears at the end. Two parses at once
/// then lose each other's autolinks and strikethrough at random: builds parse in
/// parallel, so `MarkdownParser` must never let that happen.
struct ConcurrentParsingTests {
    static let text = """
    # Links

    - See https://github.com/github/github-mcp-server/issues/595 and www.example.com/docs
    - Write to team@example.com; ~~old~~ new
    - | a | b |
    """

    @Test func parsesInParallelGiveTheSameTree() {
        let expected = HTMLRenderer(document: MarkdownParser.parse(Self.text)).render()
        #expect(expected.contains("<a href=\"https://github.com/github/github-mcp-server/issues/595\">"))
        #expect(expected.contains("<del>old</del>"))
        let differing = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<300 {
                let html = HTMLRenderer(document: MarkdownParser.parse(Self.text)).render()
                if html != expected { differing.withLock { $0 += 1 } }
            }
        }
        #expect(differing.withLock { $0 } == 0)
    }
}
