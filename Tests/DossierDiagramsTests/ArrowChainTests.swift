import DossierCore
import DossierDiagrams
import DossierModel
import Testing

/// Horizontal chains: one line or several.
struct ArrowChainTests {
    @Test(arguments: [
        "A → B → C", "A -> B -> C", "A --> B --> C", "A ==> B ==> C", "A ⇒ B ⇒ C", "A=>B=>C", "A->B->C",
    ])
    func everyArrowSpellingMakesTheSameChain(_ text: String) {
        let (diagram, diagnostics) = Fixtures.arrow(text)
        #expect(diagram.labels == ["A", "B", "C"])
        #expect(diagram.links == ["A → B", "B → C"])
        #expect(diagram.direction == .LR)
        #expect(diagnostics.isEmpty)
    }

    @Test func leftArrowsPointBackAndDoubleArrowsBothWays() {
        let (diagram, _) = Fixtures.arrow("A ← B ↔ C <- D")
        #expect(diagram.links == ["B → A", "B → C", "C → B", "D → C"])
    }

    @Test func theSameLabelTwiceIsOneNode() {
        let (diagram, _) = Fixtures.arrow("Tries snowsql → Fails → Tries dbt-mcp → Fails → Delegates\n")
        #expect(diagram.labels == ["Tries snowsql", "Fails", "Tries dbt-mcp", "Delegates"])
        #expect(diagram.links == ["Tries snowsql → Fails", "Fails → Tries dbt-mcp", "Tries dbt-mcp → Fails", "Fails → Delegates"])
    }

    @Test func labelsAreTrimmedAndSpacesCollapsed() {
        let (diagram, _) = Fixtures.arrow("  Lambda   (Python)  →   RDS  ")
        #expect(diagram.labels == ["Lambda (Python)", "RDS"])
    }

    /// `aws-docs-deployment-pattern.md`: a chain broken over lines, each ending with `→`.
    @Test func aLineEndingWithAnArrowContinuesOnTheNext() {
        let (diagram, diagnostics) = Fixtures.arrow("""
            aws-docs (search) → aws-docs (read) → aws-docs (recommend) →
            aws-api (validate) → aws-expert (design) → HUMAN (deploy) →
            aws-api (verify)
            """)
        #expect(diagram.links == [
            "aws-docs (search) → aws-docs (read)", "aws-docs (read) → aws-docs (recommend)",
            "aws-docs (recommend) → aws-api (validate)", "aws-api (validate) → aws-expert (design)",
            "aws-expert (design) → HUMAN (deploy)", "HUMAN (deploy) → aws-api (verify)",
        ])
        #expect(diagnostics.isEmpty)
    }

    /// `cross-system-analysis-patterns.md`: follow-on lines that start with `→`.
    @Test func aLineStartingWithAnArrowContinuesThePrevious() {
        let (diagram, diagnostics) = Fixtures.arrow("""
            analytics-engineer-role handles most transformations
            → Consults dbt-expert for advanced macro patterns
            → Implements solution with expert guidance
            """)
        #expect(diagram.links == [
            "analytics-engineer-role handles most transformations → Consults dbt-expert for advanced macro patterns",
            "Consults dbt-expert for advanced macro patterns → Implements solution with expert guidance",
        ])
        #expect(diagnostics.isEmpty)
    }

    @Test func separateLinesAreSeparateChainsAndProseStaysAsANode() {
        let (diagram, _) = Fixtures.arrow("""
            1. Scan user question for domain keywords
            2. If domain keyword found → Check if specialist exists
            3. If specialist exists → Delegate immediately
            """)
        #expect(diagram.labels == ["1. Scan user question for domain keywords", "2. If domain keyword found",
                                   "Check if specialist exists", "3. If specialist exists", "Delegate immediately"])
        #expect(diagram.links == ["2. If domain keyword found → Check if specialist exists",
                                  "3. If specialist exists → Delegate immediately"])
    }

    @Test func futureIsFoundInAnyCase() {
        let (diagram, _) = Fixtures.arrow("Auth (Future) → Queue (FUTURE) → Worker")
        #expect(diagram.nodes.map(\.future) == [true, true, false])
    }

    @Test func idsAreUniqueWhenLabelsSlugAlike() {
        let (diagram, _) = Fixtures.arrow("API Gateway → API-Gateway → api gateway → End → 3 Tier → Class Loader")
        #expect(diagram.nodes.map(\.id) == ["api_gateway", "api_gateway_2", "api_gateway_3", "n_end", "n3_tier", "n_class_loader"])
    }

    @Test func oddArrowsAreWarnedAboutAtTheirPosition() {
        let (diagram, diagnostics) = Fixtures.arrow("→ A → → B →\n")
        #expect(diagram.links == ["A → B"])
        // Content line 0 is file line 11; columns are UTF-8 bytes (→ is three).
        #expect(diagnostics.positions == [
            "11:11 diagram.arrow-empty-node", "11:1 diagram.arrow-dangling", "11:17 diagram.arrow-dangling",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func aFenceInsideAListShiftsColumns() {
        let (_, diagnostics) = ArrowDiagramParser.parse(Fixtures.block("A → B →\n", column: 4))
        #expect(diagnostics.positions == ["11:12 diagram.arrow-dangling"])
    }
}
