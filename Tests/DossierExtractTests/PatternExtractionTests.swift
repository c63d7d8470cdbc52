import DossierModel
import Testing
@testable import DossierExtract

struct ArchitecturePatternTests {
    @Test(arguments: [
        ("Pattern 1: Serverless API with Python", 1, "Serverless API with Python", nil, nil),
        ("Pattern 2: Container-Based API (Future)", 2, "Container-Based API", "Future", nil),
        ("ALB OIDC Authentication Pattern (Confidence: 0.92)", nil, "ALB OIDC Authentication Pattern", nil, 0.92),
        ("Pattern 4: dbt Incremental Materialization (Confidence: 0.82)", 4, "dbt Incremental Materialization", nil, 0.82),
        ("Pattern 3: Amplify Full-Stack (Current)", 3, "Amplify Full-Stack", "Current", nil),
    ] as [(String, Int?, String, String?, Double?)])
    func readsHeadings(text: String, number: Int?, title: String, status: String?, confidence: Double?) {
        let heading = ArchitecturePatternExtractor.heading(text)
        #expect(heading.number == number)
        #expect(heading.title == title)
        #expect(heading.status == status)
        #expect(heading.confidence == confidence)
    }

    @Test func readsInlineKeysListsAndTheDiagram() throws {
        let (profile, patterns, diagnostics) = profile("""
        # X
        ## Proven Architecture Patterns
        ### Pattern 1: Queue Worker
        **Confidence**: 0.81 | **Cost**: ~$100/mo | **Proven in**: feature-a, feature-b | **Team**: platform

        ```
        API → Queue → Worker
        ```

        **When to use**: bursty background jobs

        **When not to use**:
        - Sub-second latency needs

        **Implementation**:
        - Create the queue
        - Deploy the worker

        **Rollback**: redeploy the previous task definition
        ### Pattern 2: Edge Cache
        **Cost**: depends on traffic
        """)
        #expect(profile.patterns == ["test-queue-worker", "test-edge-cache"])
        let pattern = try #require(patterns.first)
        #expect(pattern.kind == .architecture)
        #expect(pattern.profile == "test")
        #expect(pattern.number == 1)
        #expect(pattern.confidence == 0.81)
        #expect(pattern.cost?.max == 100)
        #expect(pattern.cost?.period == "month")
        #expect(pattern.provenIn == ["feature-a", "feature-b"])
        #expect(pattern.properties.map(\.key) == ["Confidence", "Cost", "Proven in", "Team", "When to use", "Rollback"])
        #expect(pattern.properties.first { $0.key == "Team" }?.value == "platform")
        #expect(pattern.diagramBlock?.text == "API → Queue → Worker\n")
        #expect(pattern.diagramBlock?.line == 6)
        #expect(pattern.whenToUse == ["bursty background jobs"])
        #expect(pattern.whenNotToUse == ["Sub-second latency needs"])
        #expect(pattern.implementation.map(\.title) == ["Create the queue", "Deploy the worker"])
        #expect(pattern.implementation.map(\.line) == [16, 17])
        #expect(pattern.rollback == ["redeploy the previous task definition"])
        let unparsed = try #require(diagnostics.first { $0.code == "pattern.cost-unparsed" })
        #expect(unparsed.severity == .note)
        #expect(patterns[1].cost?.parsed == false)
        #expect(patterns[1].cost?.text == "depends on traffic")
    }
}

struct PatternDocumentTests {
    @Test func readsMetadataProblemStepsAndRelated() throws {
        let (pattern, diagnostics) = patternDocument("""
        # Cross-Tool Integration Pattern: AWS + Docs

        **Pattern Type**: Infrastructure Deployment
        **Tools**: aws-api, aws-docs
        **Confidence:** HIGH (0.90) - Production-validated pattern
        **Primary Users**: aws-expert, data-engineer-role

        ## Problem Statement

        **Scenario**: Deploy a new AWS service
        **Challenge**: Docs change often
        **Goal**: Follow current best practices

        ## Step-by-Step Workflow

        ### Step 1: Documentation Search (aws-docs)
        Search the docs first.
        ```bash
        aws-docs search lambda
        ```

        #### Step 2A: Check Limits
        - Service quotas

        ## Rollback Procedure
        - Revert the stack

        ## Related Patterns
        - **ECS Runbook**: `knowledge/ecs/runbook.md`
        - [Cost optimisation](aws-cost.md)
        """)
        #expect(diagnostics.isEmpty)
        #expect(pattern.kind == .document)
        #expect(pattern.document == "doc")
        #expect(pattern.title == "Cross-Tool Integration Pattern: AWS + Docs")
        #expect(pattern.patternType == "Infrastructure Deployment")
        #expect(pattern.tools == ["aws-api", "aws-docs"])
        #expect(pattern.confidence == 0.90)
        #expect(pattern.level == "HIGH")
        #expect(pattern.confidenceNote == "Production-validated pattern")
        #expect(pattern.relations.map(\.target) == ["aws-expert", "data-engineer-role"])
        #expect(pattern.relations.allSatisfy { $0.kind == .usedBy })
        #expect(pattern.problem?.scenario == "Deploy a new AWS service")
        #expect(pattern.problem?.challenge == "Docs change often")
        #expect(pattern.problem?.goal == "Follow current best practices")
        #expect(pattern.description == "Deploy a new AWS service")
        #expect(pattern.implementation.map(\.number) == ["1", "2A"])
        #expect(pattern.implementation[0].title == "Documentation Search (aws-docs)")
        #expect(pattern.implementation[0].text == "Search the docs first.")
        #expect(pattern.implementation[0].code.first?.code == "aws-docs search lambda\n")
        #expect(pattern.implementation[1].items == ["Service quotas"])
        #expect(pattern.rollback == ["Revert the stack"])
        #expect(pattern.relatedPatterns.map(\.title) == ["ECS Runbook", "Cost optimisation"])
        #expect(pattern.relatedPatterns.map(\.target) == ["knowledge/ecs/runbook.md", "aws-cost.md"])
        #expect(pattern.sections.map(\.text) == ["Cross-Tool Integration Pattern: AWS + Docs"])
        #expect(pattern.sections[0].children.map(\.text) == ["Problem Statement", "Step-by-Step Workflow", "Rollback Procedure", "Related Patterns"])
    }

    @Test func confidenceStatedAtTheEnd() {
        let (pattern, _) = patternDocument("# Freshness\n\n**Pattern Type:** Troubleshooting\n\n## Steps\nText\n\n---\n\n**Pattern Confidence:** 0.92\n")
        #expect(pattern.patternType == "Troubleshooting")
        #expect(pattern.confidence == 0.92)
    }
}

struct MarkdownHazardTests {
    @Test func unclosedFenceIsReportedWhereItOpened() throws {
        let (_, _, diagnostics) = profile("# X\n\nText\n\n```python\nprint(1)\n\n## Lost heading\n")
        let warning = try #require(diagnostics.first { $0.code == "markdown.unclosed-fence" })
        #expect(warning.location?.line == 5)
        #expect(warning.message.contains("opened at line 5 is never closed"))
    }

    @Test func nestedFenceIsReportedAtTheInnerFence() throws {
        let (_, _, diagnostics) = profile("# X\n\n```markdown\nExample:\n```sql\nselect 1\n```\nmore\n```\n")
        let warning = try #require(diagnostics.first { $0.code == "markdown.nested-fence" })
        #expect(warning.location?.line == 5)
        #expect(warning.message.contains("opened at line 3"))
    }

    @Test func referenceDefinitionItemsAreReportedAndStillRead() throws {
        let (profile, _, diagnostics) = profile("# X\n## Capability Confidence Levels\n### Primary Expertise (≥0.85)\n- [Task type 1]: 0.90 (last updated: date)\n")
        #expect(diagnostics.map(\.code) == ["markdown.reference-definition"])
        #expect(profile.capabilities.first?.name == "[Task type 1]")
        #expect(profile.capabilities.first?.confidence == 0.90)
    }

    @Test func aClosedFenceAtTheEndIsFine() {
        let (_, _, diagnostics) = profile("# X\n\n```\na → b\n```")
        #expect(diagnostics.isEmpty)
    }
}
