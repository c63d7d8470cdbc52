import DossierCore
import Testing

struct DiagnosticTests {
    @Test func printsInTheFormEditorsParse() {
        let diagnostic = Diagnostic.warning("confidence.out-of-range", "confidence 1.2 is above 1",
                                            at: SourceLocation(path: "content/profiles/a.md", line: 12, column: 5))
        #expect(diagnostic.description == "content/profiles/a.md:12:5: warning: confidence 1.2 is above 1 [confidence.out-of-range]")
    }

    @Test func notesFollowOnIndentedLines() {
        let diagnostic = Diagnostic.error("fence.unclosed", "code block is never closed",
                                          at: SourceLocation(path: "a.md", line: 40, column: 1), notes: ["it opened at line 12"])
        #expect(diagnostic.description == "a.md:40:1: error: code block is never closed [fence.unclosed]\n    note: it opened at line 12")
    }

    @Test func sortsByFileThenPositionWithUnlocatedFirst() {
        let b2 = Diagnostic.warning("x", "b2", at: SourceLocation(path: "b.md", line: 2))
        let a10 = Diagnostic.warning("x", "a10", at: SourceLocation(path: "a.md", line: 10))
        let a9 = Diagnostic.error("x", "a9", at: SourceLocation(path: "a.md", line: 9))
        let global = Diagnostic.error("y", "global", at: nil)
        #expect([b2, a10, global, a9].sorted().map(\.message) == ["global", "a9", "a10", "b2"])
    }

    @Test func countsBySeverity() {
        let list: [Diagnostic] = [.error("a", "", at: nil), .warning("b", "", at: nil), .warning("c", "", at: nil), .note("d", "", at: nil)]
        #expect(list.errorCount == 1)
        #expect(list.warningCount == 2)
        #expect(list.hasErrors)
    }
}

struct SlugTests {
    @Test(arguments: [
        ("aws-expert", "aws-expert"),
        ("AWS Expert", "aws-expert"),
        ("Pattern 1: Serverless API with Python", "pattern-1-serverless-api-with-python"),
        ("deprecated__issue-lifecycle-expert", "deprecated__issue-lifecycle-expert"),
        ("  --Ünïcode only--  ", "n-code-only"),
        ("🤔", "untitled"),
    ])
    func makesURLSafeIDs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test(arguments: [
        ("Role & Expertise", "role--expertise"),
        ("Primary Expertise (≥0.85)", "primary-expertise-085"),
        ("Pattern 1: Serverless API with Python", "pattern-1-serverless-api-with-python"),
        ("CRITICAL: Always Use da-agent-hub Directory", "critical-always-use-da-agent-hub-directory"),
        ("🚨 Emergency Procedures", "-emergency-procedures"),
        ("Café Déjà Vu", "café-déjà-vu"),
        ("ÉCOLE e\u{301}tude", "école-e\u{301}tude"),
        ("snake_case-And-kebab 2024/25!", "snake_case-and-kebab-202425"),
        ("Ⅻ Roman ٣ Arabic", "ⅻ-roman-٣-arabic"),
    ])
    func headingAnchorsMatchGitHub(input: String, expected: String) {
        #expect(Slug.heading(input) == expected)
    }

    @Test func duplicateAnchorsAreNumbered() {
        var allocator = AnchorAllocator(reserved: ["main"])
        #expect(allocator.allocate("usage") == "usage")
        #expect(allocator.allocate("usage") == "usage-1")
        #expect(allocator.allocate("usage") == "usage-2")
        #expect(allocator.allocate("main") == "main-1")
        #expect(allocator.allocate("") == "section")
    }
}
