import DossierCore
import DossierModel
import Testing
@testable import DossierExtract

struct TierExtractionTests {
    let markdown = """
    # Test Expert

    ## Capability Confidence Levels

    ### Primary Expertise (≥0.85)
    *Tasks where this agent excels*
    - Lambda deployment: 0.92 (last updated: feature-x)
    - **CDK stacks**: 0.88 (last updated: feature-y, production-validated)
    - Typo score: 1.2 (oops)
    - Lambda deployment: 0.90 (again)

    ### Secondary Expertise (0.60-0.84)
    - ALB OIDC: 0.92 → **PROMOTED to Primary** (last updated: feature-z)
    - ECS/Fargate: 0.75 → 0.88 (multi-stage Docker)
    - RDS tuning: 0.72 (needs validation)
      - Sub-detail one
      - Sub-detail two
    - Mentoring without a score

    ### Requires Specialist (<0.60)
    - SageMaker: 0.45 (DELEGATE to ml-expert)
    """

    @Test func readsTiersWithRangesAndDescriptions() {
        let (profile, _, _) = profile(markdown)
        #expect(profile.tiers.map(\.id) == ["primary", "secondary", "requires-specialist"])
        #expect(profile.tiers.map(\.level) == [.primary, .secondary, .developing])
        #expect(profile.tiers[0].description == "Tasks where this agent excels")
        #expect(profile.tiers[2].range == ConfidenceRange(min: 0, max: 0.60, minInclusive: true, maxInclusive: false))
    }

    @Test func readsCapabilitiesInEveryShape() throws {
        let (profile, _, _) = profile(markdown)
        let byName = Dictionary(profile.capabilities.map { ($0.name + "@\($0.line)", $0) }, uniquingKeysWith: { a, _ in a })
        let lambda = try #require(byName["Lambda deployment@7"])
        #expect(lambda.confidence == 0.92)
        #expect(lambda.lastUpdated == "feature-x")
        #expect(lambda.note == nil)
        #expect(lambda.tier == "primary")
        let cdk = try #require(byName["CDK stacks@8"])
        #expect(cdk.lastUpdated == "feature-y")
        #expect(cdk.note == "production-validated")
        let alb = try #require(byName["ALB OIDC@13"])
        #expect(alb.confidence == 0.92)
        #expect(alb.status == "PROMOTED to Primary")
        #expect(alb.previousConfidence == nil)
        let ecs = try #require(byName["ECS/Fargate@14"])
        #expect(ecs.confidence == 0.88)
        #expect(ecs.previousConfidence == 0.75)
        #expect(ecs.note == "multi-stage Docker")
        let rds = try #require(byName["RDS tuning@15"])
        #expect(rds.details == ["Sub-detail one", "Sub-detail two"])
        #expect(byName["SageMaker@21"]?.tier == "requires-specialist")
    }

    @Test func warnsAboutBadNumbersMismatchesAndDuplicates() {
        let (_, _, diagnostics) = profile(markdown)
        // Columns count UTF-8 bytes, as compilers do: `→` is three.
        let messages = diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.code) \($0.message)" }
        #expect(messages.contains("9:15 confidence.out-of-range confidence 1.20 of ‘Typo score’ is outside 0–1"))
        #expect(messages.contains("14:25 confidence.tier-mismatch ‘ECS/Fargate’ has confidence 0.88, outside its tier ‘Secondary Expertise (0.60-0.84)’ (0.60–0.84)"))
        #expect(messages.contains("10:1 capability.duplicate capability ‘Lambda deployment’ is listed twice"))
        #expect(diagnostics.first { $0.code == "capability.duplicate" }?.notes == ["first listed at line 7"])
        #expect(messages.contains { $0.hasPrefix("18:1 capability.missing-confidence") })
        // A promotion is checked against the tier it moved to.
        #expect(!messages.contains { $0.contains("ALB OIDC") })
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }
}

struct FrontMatterTests {
    @Test func readsKeysAsJSONAndKeepsLineNumbers() throws {
        let (profile, _, diagnostics) = profile("""
        ---
        name: cost-specialist
        description: Cuts cloud spend across platforms.
        model: sonnet
        color: green
        tools: Bash, Read, Write
        tags: [finops, aws]
        max_turns: 12
        ---

        # Cost Specialist

        ## Core Responsibilities
        - Analyse bills
        """)
        #expect(diagnostics.isEmpty)
        #expect(profile.frontMatter["model"] == .string("sonnet"))
        #expect(profile.frontMatter["tags"] == .array([.string("finops"), .string("aws")]))
        #expect(profile.frontMatter["max_turns"] == .number(12))
        #expect(profile.description == "Cuts cloud spend across platforms.")
        #expect(profile.title == "Cost Specialist")
        #expect(profile.sections.first?.line == 11)
        #expect(profile.responsibilities == ["Analyse bills"])
    }

    @Test func invalidYAMLIsAWarningAtItsLineAndTheRestIsExtracted() throws {
        let (profile, _, diagnostics) = profile("""
        ---
        name: broken
        description: Expert in this: and that
        ---

        # Broken Expert

        ## Capability Confidence Levels
        ### Primary Expertise (≥0.85)
        - Things: 0.90
        """)
        let warning = try #require(diagnostics.first)
        #expect(warning.code == "frontmatter.invalid-yaml")
        #expect(warning.severity == .warning)
        #expect(warning.location?.line == 3)
        #expect(profile.frontMatter.isEmpty)
        #expect(profile.capabilities.map(\.name) == ["Things"])
        #expect(profile.title == "Broken Expert")
    }

    @Test func templatesAreMarked() {
        #expect(Extractor.extract(text: "---\ntemplate: true\n---\n# T\n", path: "content/profiles/x.md", kind: .profile, id: "x").template)
        #expect(Extractor.extract(text: "# T\n", path: "content/profiles/role-template.md", kind: .profile, id: "role-template").template)
        #expect(!Extractor.extract(text: "# T\n", path: "content/profiles/x.md", kind: .profile, id: "x").template)
    }
}

struct SectionExtractionTests {
    @Test func serviceMatrixByCategory() {
        let (profile, _, _) = profile("""
        # X
        ## Cloud Service Expertise Matrix
        ### Compute
        - **Lambda**: 0.92 - Serverless functions
        - **EKS**: 0.50 - Kubernetes
        ### Data
        | Service | Score | Notes |
        |---|---|---|
        | RDS | 0.72 | Backups |
        """)
        #expect(profile.services.map(\.name) == ["Lambda", "EKS", "RDS"])
        #expect(profile.services.map(\.category) == ["Compute", "Compute", "Data"])
        #expect(profile.services[0].description == "Serverless functions")
        #expect(profile.services[2].confidence == 0.72)
        #expect(profile.services[2].description == "Backups")
    }

    @Test func metricsParseRatesCountsAndFractions() {
        let (profile, _, _) = profile("""
        # X
        ## Performance Metrics
        - **Total project invocations**: 3 (feature-x)
        - **Success rate**: 67% (2 successes / 3 attempts)
        - **Average time**: Not yet measured
        ### Recent Performance Trends
        - **Last 5 projects**: No data yet
        """)
        #expect(profile.metrics.map(\.key) == ["Total project invocations", "Success rate", "Average time", "Last 5 projects"])
        #expect(profile.metrics[0].count == 3)
        #expect(profile.metrics[1].rate == 0.67)
        #expect(profile.metrics[1].successes == 2)
        #expect(profile.metrics[1].attempts == 3)
        #expect(profile.metrics[2].rate == nil && profile.metrics[2].count == nil)
        #expect(profile.metrics[2].value == "Not yet measured")
        #expect(profile.metrics[3].section == "Recent Performance Trends")
    }

    @Test func knowledgeBase() throws {
        let (profile, _, _) = profile("""
        # X
        ## Knowledge Base
        ### Best Practices
        - **Use Mangum** (learned from: feature-x)
          - Wrap FastAPI apps
        ### Common Patterns
        - **Serverless FastAPI** (confidence: 0.92, usage: 2 projects, source: Medium article, part 2)
          - Catch-all route
          - **Stack**:
            ```typescript
            new Stack()
            ```
        ## Learning & Improvement
        ### Knowledge Gaps Identified
        - **Cognito SSO** (identified in: feature-y, priority: high)
          - Needs practice
        ### Improvement Priorities
        1. **VPC networking** (current confidence: 0.76, target: 0.85)
        """)
        let knowledge = profile.knowledge
        #expect(knowledge.bestPractices.map(\.title) == ["Use Mangum"])
        #expect(knowledge.bestPractices[0].learnedFrom == "feature-x")
        #expect(knowledge.bestPractices[0].items == ["Wrap FastAPI apps"])
        let pattern = try #require(knowledge.commonPatterns.first)
        #expect(pattern.name == "Serverless FastAPI")
        #expect(pattern.confidence == 0.92)
        #expect(pattern.usage == "2 projects")
        #expect(pattern.source == "Medium article, part 2")
        #expect(pattern.code.map(\.language) == ["typescript"])
        #expect(pattern.code.first?.code == "new Stack()\n")
        #expect(knowledge.gaps.first?.priority == "high")
        #expect(knowledge.gaps.first?.identifiedIn == "feature-y")
        #expect(knowledge.priorities.first?.current == 0.76)
        #expect(knowledge.priorities.first?.target == 0.85)
    }

    @Test func troubleshootingInBothShapes() throws {
        let (profile, _, _) = profile("""
        # X
        ## Knowledge Base
        ### Troubleshooting Guide
        - **Lambda cold starts** → Solution: Provisioned concurrency (success rate: 100%)
        - **CORS errors**: Configure both layers (success rate: 90%)

        #### Issue: Dashboard Showing Blank Data
        **Symptoms**: Dashboard displays no data
        **Root Causes** (based on an investigation):
        - Extraction timing mismatch
        - dbt ran early

        **Diagnostic Steps** (92% success rate):
        1. Check the report table
        2. Trace upstream

        **Resolution**: Re-run the job after the source lands
        """)
        let entries = profile.troubleshooting
        #expect(entries.count == 3)
        #expect(entries[0].problem == "Lambda cold starts")
        #expect(entries[0].solution == "Provisioned concurrency")
        #expect(entries[0].successRate == 1.0)
        #expect(entries[0].shape == .oneLine)
        #expect(entries[1].problem == "CORS errors")
        #expect(entries[1].successRate == 0.9)
        let block = entries[2]
        #expect(block.shape == .block)
        #expect(block.problem == "Dashboard Showing Blank Data")
        #expect(block.symptoms == "Dashboard displays no data")
        #expect(block.rootCauses == ["Extraction timing mismatch", "dbt ran early"])
        #expect(block.diagnosticSteps == ["Check the report table", "Trace upstream"])
        #expect(block.resolution == "Re-run the job after the source lands")
        #expect(block.successRate == 0.92)
    }

    @Test func relationsOfEveryKind() {
        let (profile, _, _) = profile("""
        # AWS Expert
        ## Task Routing
        ### Optimal Collaboration Patterns
        - **Works best with**:
          - dbt-expert (database integration)
        - **Sequential coordination**:
          - AWS expert designs infrastructure → Documentation expert writes guides
          - da-architect provides requirements → AWS expert implements
        ### Integration Strategies
        - **With qa-engineer-role**: reviews the stacks (success rate from 2 projects: 50%)
        ## Specialist Delegation Patterns
        ### Delegation to snowflake-expert (ACTIVE)
        **When to delegate**: warehouse sizing
        ### Who Delegates to This Specialist
        - **ui-ux-developer-role**: deployments
        """, path: "content/profiles/aws-expert.md")
        let summary = profile.relations.map { "\($0.kind.rawValue) \($0.direction.rawValue) \($0.target)" }
        #expect(summary == [
            "works-with outgoing dbt-expert",
            "hands-off-to outgoing Documentation expert",
            "hands-off-to incoming da-architect",
            "integrates-with outgoing qa-engineer-role",
            "delegates-to outgoing snowflake-expert",
            "delegates-to incoming ui-ux-developer-role",
        ])
        #expect(profile.relations[0].note == "database integration")
        #expect(profile.relations[3].successRate == 0.5)
        #expect(profile.relations[4].note == "ACTIVE")
        #expect(profile.relations.allSatisfy { !$0.resolved })
    }
}
