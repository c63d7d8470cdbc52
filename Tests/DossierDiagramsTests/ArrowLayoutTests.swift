import DossierCore
import DossierDiagrams
import DossierModel
import Testing

/// Vertical arrows, stacked labels, step chains and trees, drawn as the corpus draws them.
struct ArrowLayoutTests {
    /// `data-architect-role.md`: one `↓` under each node, two-line labels below.
    @Test func severalArrowsInOneRowWithTwoLineLabels() {
        let (diagram, diagnostics) = Fixtures.arrow("""
            Current Work → Auto-Commit → Remote Push → Main Branch Sync → New Context
                 ↓              ↓             ↓              ↓              ↓
            Stage All      Generate      Preserve      Clean State    Ready for
            Changes        Message       Remotely      Locally        New Work
            """)
        #expect(diagram.links.suffix(5) == [
            "Current Work → Stage All Changes", "Auto-Commit → Generate Message", "Remote Push → Preserve Remotely",
            "Main Branch Sync → Clean State Locally", "New Context → Ready for New Work",
        ])
        #expect(diagram.direction == .LR)
        #expect(diagnostics.isEmpty)
    }

    /// `tableau-expert.md`: the last arrow sits exactly between two nodes; it goes to the
    /// one no other arrow of the row took.
    @Test func anArrowBetweenTwoNodesTakesTheFreeOne() {
        let (diagram, _) = Fixtures.arrow("""
            Source DB → Prep Flow → Published Extract → Desktop Workbook → Dashboard
                ↓         ↓            ↓                ↓                ↓
              Verify   TFL/JSON    Extract Name       TWB/XML        User Issue
              Tables   Analysis    Matching          Analysis       Investigation
            """)
        #expect(diagram.links.suffix(5) == [
            "Source DB → Verify Tables", "Prep Flow → TFL/JSON Analysis", "Published Extract → Extract Name Matching",
            "Desktop Workbook → TWB/XML Analysis", "Dashboard → User Issue Investigation",
        ])
    }

    /// `data-freshness-investigation-pattern.md`: `↑` points from the row below.
    @Test func upArrowsPointFromBelow() {
        let (diagram, _) = Fixtures.arrow("""
            Dashboard (symptom) → Report Table → Fact Table
                                    ↑              ↑
                                 Check here    Check here
            """)
        #expect(diagram.links == ["Dashboard (symptom) → Report Table", "Report Table → Fact Table",
                                  "Check here → Report Table", "Check here → Fact Table"])
    }

    @Test(arguments: ["|", "v", "↓", "⬇️", "▼"])
    func asciiAndGlyphDownArrows(_ arrow: String) {
        let (diagram, _) = Fixtures.arrow("A → B\n    \(arrow)\n    C\n")
        #expect(diagram.links == ["A → B", "B → C"])
    }

    @Test func anArrowSlightlyOffItsNodeStillReachesIt() {
        let (diagram, _) = Fixtures.arrow("Frontend → API\n              ↓\n           Database\n")
        #expect(diagram.links == ["Frontend → API", "API → Database"])
    }

    @Test func anArrowWithNothingBelowIsWarned() {
        let (diagram, diagnostics) = Fixtures.arrow("A → B\n    ↓\n")
        #expect(diagram.links == ["A → B"])
        #expect(diagnostics.positions == ["12:5 diagram.arrow-dangling"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func anArrowFarFromEveryNodeIsWarned() {
        let (_, diagnostics) = Fixtures.arrow("A → B\n                    ↓\nC\n")
        #expect(diagnostics.positions == ["12:21 diagram.arrow-dangling"])
    }

    /// Columns are displayed columns: `🚀` and `日本語テスト` take two per character, so the
    /// arrow the author put under `Deploy` (column 28) lands there. Counted in characters,
    /// `Deploy` would end at column 24 and the arrow would point at nothing.
    @Test func emojiAndCJKCountTwoColumns() {
        let text = "🚀 Build → 日本語テスト → Deploy\n" + String(repeating: " ", count: 28) + "↓\n"
            + String(repeating: " ", count: 26) + "Monitor\n"
        let (diagram, diagnostics) = Fixtures.arrow(text)
        #expect(diagram.links == ["🚀 Build → 日本語テスト", "日本語テスト → Deploy", "Deploy → Monitor"])
        #expect(diagnostics.isEmpty)
    }

    /// Combining marks take no column: `Cafe` with four accents is four columns wide, so
    /// the arrow at column 8 is under `Bar` (counted in scalars it would be under `Café`).
    @Test func combiningMarksTakeNoColumn() {
        let cafe = "Cafe\u{301}\u{302}\u{303}\u{304}"
        let (diagram, _) = Fixtures.arrow("\(cafe) → Bar\n        ↓\n        Baz\n")
        #expect(diagram.links == ["\(cafe) → Bar", "Bar → Baz"])
    }

    /// `cross-system-analysis-patterns.md`: `↓ label` rows label the edge, one label per
    /// arrow when a row has several.
    @Test func labelledArrowRows() {
        let (diagram, diagnostics) = Fixtures.arrow("""
            Build → Test → Deploy
                     ↓ fail ↓ pass
                   Fix      Ship
            """)
        #expect(diagram.links == ["Build → Test", "Test → Deploy", "Test → Fix [fail]", "Deploy → Ship [pass]"])
        #expect(diagnostics.isEmpty)
    }

    /// `aws-docs-deployment-pattern.md`: a step chain keeps each line whole.
    @Test func stepChainKeepsInnerArrowsInTheLabel() {
        let (diagram, diagnostics) = Fixtures.arrow("""
            aws-docs → Search for current best practices
                ↓
            aws-docs → Read specific service documentation
                ↓
            HUMAN → Implement changes (aws-api is read-only)
            """)
        #expect(diagram.labels == ["aws-docs → Search for current best practices",
                                   "aws-docs → Read specific service documentation",
                                   "HUMAN → Implement changes (aws-api is read-only)"])
        #expect(diagram.edges.count == 2)
        #expect(diagram.edges.allSatisfy { $0.from != $0.to })
        #expect(diagram.direction == .TB)
        #expect(diagnostics.isEmpty)
    }

    /// `cross-system-analysis-patterns.md`: a step chain with a labelled step and prose steps.
    @Test func stepChainWithProseStepsAndALabelledArrow() {
        let (diagram, _) = Fixtures.arrow("""
            Step 1: gather requirements
                ↓
            Step 2: implement logic
                ↓ (if changes needed)
            Step 3: refine implementation
            """)
        #expect(diagram.links == ["Step 1: gather requirements → Step 2: implement logic",
                                  "Step 2: implement logic → Step 3: refine implementation [(if changes needed)]"])
        #expect(diagram.direction == .TB)
    }

    @Test func twoTextLinesAreNotAStepChain() {
        let (diagram, _) = Fixtures.arrow("A → B\n↓\nC\n")
        #expect(diagram.links == ["A → B", "A → C"])
        #expect(diagram.direction == .LR)
    }

    @Test func aPurelyVerticalDiagramFlowsTopToBottom() {
        let (diagram, _) = Fixtures.arrow("Start\n  ↓\nEnd\n")
        #expect(diagram.links == ["Start → End"])
        #expect(diagram.direction == .TB)
    }

    @Test func boxArtWithConnectorsReadsTheBoxes() {
        let (diagram, diagnostics) = Fixtures.arrow("""
            +---------+      +--------+
            |  Start  | ---> |  Work  |
            +---------+      +--------+
                                 |
                                 v
                             +--------+
                             |  Done  |
                             +--------+
            """)
        #expect(diagram.links == ["Start → Work", "Work → Done"])
        #expect(diagnostics.isEmpty)
    }

    /// `testing-patterns.md`: a decision tree; `Yes`/`No` label the branches.
    @Test func decisionTreeBranchesHangFromTheirQuestion() {
        let (diagram, diagnostics) = Fixtures.arrow("""
            Is this a model change?
            ├─ Yes → dbt test --select <model>+
            │         └─ Failures? → Investigate
            ├─ No → Is this a UI change?
            │      ├─ Yes → qa-coordinator
            │      └─ No → Ship it
            """)
        #expect(diagram.links == [
            "Is this a model change? → dbt test --select <model>+ [Yes]",
            "dbt test --select <model>+ → Investigate [Failures?]",
            "Is this a model change? → Is this a UI change? [No]",
            "Is this a UI change? → qa-coordinator [Yes]",
            "Is this a UI change? → Ship it [No]",
        ])
        #expect(diagram.node("Yes") == nil)
        #expect(diagnostics.isEmpty)
    }

    /// `data-freshness-investigation-pattern.md`: arrows into a tree, rails, siblings that
    /// share the parent the arrow came from.
    @Test func treeWithArrowsAndRails() {
        let (diagram, diagnostics) = Fixtures.arrow("""
            Check if data exists
                ↓
            ├─ Data Missing
            │   ↓
            │   Trace to fact table
            │   ↓
            │   ├─ Fact stale → Check source table
            │   │   ↓
            │   │   └─ Source stale → Extraction issue
            │   │
            │   └─ Fact fresh → Transformation issue
            │
            └─ Data Exists
            """)
        #expect(diagram.links == [
            "Check if data exists → Data Missing",
            "Data Missing → Trace to fact table",
            "Trace to fact table → Check source table [Fact stale]",
            "Check source table → Extraction issue [Source stale]",
            "Trace to fact table → Transformation issue [Fact fresh]",
            "Check if data exists → Data Exists",
        ])
        #expect(diagram.direction == .TB)
        #expect(diagnostics.isEmpty)
    }

    @Test func tabsAdvanceToTheNextStopOfFour() {
        let (diagram, _) = Fixtures.arrow("A → Bee\n\t↓\n\tC\n")
        #expect(diagram.links == ["A → Bee", "Bee → C"])
    }
}
