import DossierModel
import Testing
@testable import DossierExtract

struct ConfidenceReaderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var value: Double
        var previous: Double? = nil
        var min: Double? = nil
        var max: Double? = nil
        var level: String? = nil
        var status: String? = nil
        var testDescription: String { text }
    }

    @Test(arguments: [
        Case(text: "Lambda function deployment and optimization: 0.92 (last updated: feature-x)", value: 0.92),
        Case(text: "Lambda: 0.92 - Serverless functions, event-driven architectures", value: 0.92),
        Case(text: "Confidence: HIGH (0.92) - Production-validated", value: 0.92, level: "HIGH"),
        Case(text: "Confidence: MEDIUM-HIGH (0.80-0.85) for dashboards", value: 0.80, min: 0.80, max: 0.85, level: "MEDIUM-HIGH"),
        Case(text: "HIGH (0.90-0.95) for architectural problem-solving", value: 0.90, min: 0.90, max: 0.95, level: "HIGH"),
        Case(text: "Complex dbt macros or packages (confidence: 0.75)", value: 0.75),
        Case(text: "Identify cost anomalies using 0.89 confidence cost analysis", value: 0.89),
        Case(text: "Pattern (0.90 confidence)", value: 0.90),
        Case(text: "AWS service cost optimization: 0.70 → 0.90 (+0.20)", value: 0.90, previous: 0.70),
        Case(text: "Model debugging: 0.75 -> 0.95 (+0.20) - Real compiled SQL", value: 0.95, previous: 0.75),
        Case(text: "ALB OIDC authentication patterns: 0.92 → PROMOTED to Primary (last updated: x)", value: 0.92, status: "PROMOTED to Primary"),
        Case(text: "Documentation research | HIGH (0.90) | WebFetch official docs", value: 0.90, level: "HIGH"),
        Case(text: "Score: 1.0 (perfect record)", value: 1.0),
        Case(text: "(ALB OIDC 0.92, ECS 0.88)", value: 0.92),
    ])
    func readsScores(_ example: Case) throws {
        let reading = try #require(ConfidenceReader.read(example.text))
        #expect(abs(reading.value - example.value) < 1e-9)
        #expect(reading.previous == example.previous)
        #expect(reading.min == example.min)
        #expect(reading.max == example.max)
        #expect(reading.level == example.level)
        #expect(reading.status == example.status)
    }

    @Test(arguments: [
        "Cost: $0.20 per 1M requests",
        "Achieve ≥0.85 confidence in Cognito SSO",
        "Confidence < 0.85 on specific service details",
        "Delegate when confidence <0.60",
        "Recognize when to delegate (confidence threshold: 0.60)",
        "**Secondary agent** when confidence 0.60-0.84:",
        "Best Practices: Task size 0.5 vCPU / 1 GB minimum",
        "Core Web Vitals (LCP < 2.5s, FID < 100ms, CLS < 0.1)",
        "dbt 1.7 breaking change made unique_key mandatory",
        "Delta (+0.20) after the project",
        "Upgrade to v0.9 of the CLI",
        "Latency dropped to 0.5s",
        "Cost: 4 credits → 0.23 credits per refresh",
        "Processed 1,000 rows",
        "target: 0.85",
        "Release 0.9.1 shipped",
    ])
    func ignoresWhatIsNotAScore(_ text: String) {
        #expect(ConfidenceReader.read(text) == nil)
    }

    @Test func lenientReadsOutOfRangeValuesAfterALabelOnly() throws {
        #expect(try #require(ConfidenceReader.read("Name: 1.2 (typo)", lenient: true)).value == 1.2)
        #expect(try #require(ConfidenceReader.read("Name: 85%", lenient: true)).value == 0.85)
        #expect(try #require(ConfidenceReader.read("Amplify Gen 2 backend development: 0.87", lenient: true)).value == 0.87)
        #expect(ConfidenceReader.read("Name: 1.2") == nil)
    }
}

struct RangeParserTests {
    @Test(arguments: [
        ("Primary Expertise (≥0.85)", 0.85, 1.0, true, true),
        ("Secondary Expertise (0.60-0.84)", 0.60, 0.84, true, true),
        ("Developing Areas (<0.60)", 0.0, 0.60, true, false),
        ("Requires Specialist (<0.60)", 0.0, 0.60, true, false),
        ("Primary ≥ 0.85", 0.85, 1.0, true, true),
        ("Primary (>=0.85)", 0.85, 1.0, true, true),
        ("Expert 85%+", 0.85, 1.0, true, true),
        ("Competent (60–84%)", 0.60, 0.84, true, true),
        ("Learning (below 0.60)", 0.0, 0.60, true, false),
        ("Strong (0.85 and above)", 0.85, 1.0, true, true),
    ])
    func parsesRanges(title: String, min: Double, max: Double, minInclusive: Bool, maxInclusive: Bool) throws {
        let range = try #require(RangeParser.parse(title))
        #expect(abs(range.min - min) < 1e-9 && abs(range.max - max) < 1e-9)
        #expect(range.minInclusive == minInclusive)
        #expect(range.maxInclusive == maxInclusive)
    }

    @Test func noNumberNoRange() {
        #expect(RangeParser.parse("Primary Expertise") == nil)
    }
}

struct CostParserTests {
    @Test(arguments: [
        ("$10-20/month moderate usage", 10.0, 20.0, "USD", "month", nil, "moderate usage"),
        ("$25-60/month", 25, 60, "USD", "month", nil, nil),
        ("$5/month", 5, 5, "USD", "month", nil, nil),
        ("~$100/mo", 100, 100, "USD", "month", nil, "approximately"),
        ("$0.20 per 1M requests", 0.2, 0.2, "USD", nil, "1M requests", nil),
        ("€1,200–1,500 per year (two teams)", 1200, 1500, "EUR", "year", nil, "two teams"),
        ("$2.5k/month at peak", 2500, 2500, "USD", "month", nil, "at peak"),
        ("£40 monthly", 40, 40, "GBP", "month", nil, nil),
    ] as [(String, Double, Double, String, String?, String?, String?)])
    func parsesCosts(text: String, min: Double, max: Double, currency: String, period: String?, unit: String?, qualifier: String?) {
        let cost = CostParser.parse(text)
        #expect(cost.parsed)
        #expect(cost.min == min)
        #expect(cost.max == max)
        #expect(cost.currency == currency)
        #expect(cost.period == period)
        #expect(cost.unit == unit)
        #expect(cost.qualifier == qualifier)
        #expect(cost.text == text)
    }

    @Test func keepsUnreadableTextAsText() {
        let cost = CostParser.parse("Depends on traffic")
        #expect(!cost.parsed)
        #expect(cost.min == nil)
        #expect(cost.text == "Depends on traffic")
        #expect(CostParser.parse("Free tier covers it").max == 0)
    }
}

@Suite("Title matching")
struct TitleMatchTests {
    @Test(arguments: [
        ("Role & Expertise", "role and expertise"), ("  Works   best with:", "works best with"), ("&", "and"),
        ("a&b", "a and b"), ("Step 2A — Deploy (Lambda)", "step 2a deploy lambda"), ("AWS/EC2", "aws ec2"),
        ("Überblick & Ziele", "überblick and ziele"), ("", ""), ("***", ""), ("Tier ≥0.85", "tier 0 85"),
    ])
    func normalizedTitles(_ title: String, _ expected: String) {
        #expect(TitleMatch.normalized(title) == expected)
    }

    @Test func asciiAndUnicodePathsAgree() {
        for title in ["Core Responsibilities", "When NOT to use", "Pattern 3: Amplify Full-Stack (Current)", "Q&A", "x_y-z.w"] {
            // The same title with a non-ASCII character appended takes the Unicode path.
            #expect(TitleMatch.normalized(title + " é") == TitleMatch.normalized(title) + " é")
        }
    }

    /// The definition: the phrase, with a space on each side, inside the normalised title
    /// with a space on each side.
    static func reference(_ title: String, _ phrase: String) -> Bool {
        (" " + TitleMatch.normalized(title) + " ").includes(" " + phrase + " ")
    }

    static let titles = [
        "Role & Expertise", "Core Responsibilities", "Knowledge Base", "  Common   Patterns  ", "Troubleshooting Guide",
        "Capability Confidence Scores (Tier 1)", "Expertise", "Role", "Roles and expertise", "Métriques & Coûts",
        "Collaboration Patterns — Works With", "X", "", "API Gateway → Lambda", "k8s/EKS Knowledge-Base",
    ]
    static let phrases = [
        "role", "role and expertise", "expertise", "knowledge base", "common patterns", "patterns", "tier 1",
        "troubleshooting", "works with", "base", "ole", "x", "lambda", "eks knowledge base", "métriques and coûts",
    ]

    @Test func agreesWithTheDefinition() {
        for title in Self.titles {
            for phrase in Self.phrases {
                #expect(TitleMatch.contains(title, phrase) == Self.reference(title, phrase), "\(title) / \(phrase)")
            }
            #expect(TitleMatch.containsAny(title, Self.phrases) == Self.phrases.contains { Self.reference(title, $0) })
        }
    }

    @Test func wholeWordsOnly() {
        #expect(TitleMatch.contains("Role & Expertise", "role and expertise"))
        #expect(TitleMatch.contains("Knowledge Base", "base"))
        #expect(!TitleMatch.contains("Knowledge Base", "ledge"))
        #expect(!TitleMatch.contains("Roles", "role"))
        #expect(!TitleMatch.contains("Role", "role and expertise"))
        #expect(TitleMatch.holds(TitleMatch.padded("A b c"), "b c"))
        #expect(!TitleMatch.holds(TitleMatch.padded("A bc"), "b"))
    }
}

struct AgentNameTests {
    @Test(arguments: [
        ("dbt-expert", true), ("ui-ux-developer-role", true), ("da-architect", true), ("s3-expert", true),
        ("expert", false), ("-expert", false), ("dbt--expert", false), ("dbt-expert-", false), ("dbt-", false),
        ("Dbt-expert", false), ("dbt-experts", false), ("dbt_x-expert", false), ("dbt-expert ", false), ("", false),
        // Not ASCII: read through Unicode's properties.
        ("données-expert", true), ("données-Expert", false), ("é-", false),
    ])
    func recognisesAgentIDs(_ token: String, _ expected: Bool) {
        #expect(AgentNames.isAgentID(token) == expected)
        #expect(AgentNames.isAgentID(Substring(token)) == expected)
    }
}
