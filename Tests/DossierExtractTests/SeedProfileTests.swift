import DossierModel
import Testing
@testable import DossierExtract

/// The profile Dossier started from, checked value by value.
@Suite(.enabled(if: SharedFixtures.exists("seed/aws-expert.md"), "../shared/seed is absent: seed profile tests skipped"))
struct SeedProfileTests {
    let extracted: ExtractedDocument
    var seed: Profile { extracted.profile! }

    init() throws {
        extracted = Extractor.extract(text: try SharedFixtures.text("seed/aws-expert.md"), path: "content/profiles/aws-expert.md",
                                      kind: .profile, id: "aws-expert")
    }

    @Test func identity() {
        #expect(seed.id == "aws-expert")
        #expect(seed.title == "AWS Expert")
        #expect(seed.description?.hasPrefix("Expert AWS cloud architect and solutions specialist") == true)
        #expect(seed.responsibilities.count == 6)
        #expect(seed.responsibilities.first == "Design and implement AWS cloud infrastructure using CDK, CloudFormation, or Terraform")
        #expect(extracted.diagnostics.isEmpty, "\(extracted.diagnostics)")
    }

    @Test func seventeenCapabilitiesInThreeTiers() {
        #expect(seed.tiers.map(\.id) == ["primary", "secondary", "developing"])
        #expect(seed.capabilities.count == 17)
        #expect(seed.capabilities.filter { $0.tier == "primary" }.count == 7)
        #expect(seed.capabilities.filter { $0.tier == "secondary" }.count == 6)
        #expect(seed.capabilities.filter { $0.tier == "developing" }.count == 4)
        let values = seed.capabilities.map { "\($0.name)=\(String(format2: $0.confidence))" }
        #expect(values == [
            "Lambda function deployment and optimization=0.92", "API Gateway configuration and integration=0.90",
            "AWS CDK infrastructure as code=0.88", "Amplify Gen 2 backend development=0.87",
            "Serverless architecture design=0.91", "Cost analysis and optimization recommendations=0.89",
            "CloudFormation stack design=0.86",
            "ECS/Fargate container orchestration=0.75", "RDS database configuration and optimization=0.72",
            "S3 storage architecture and lifecycle policies=0.78", "CloudWatch monitoring and alerting=0.74",
            "VPC networking and security groups=0.76", "Cognito authentication and authorization=0.70",
            "SageMaker ML model deployment=0.45", "EKS Kubernetes cluster management=0.50",
            "Step Functions complex workflows=0.55", "AWS Organizations multi-account strategies=0.48",
        ])
        #expect(seed.capabilities.prefix(7).allSatisfy { $0.lastUpdated == "feature-aws-lambda-backend-deployment" && $0.note == nil })
        #expect(seed.capabilities[7].note == "needs real-world project validation")
        #expect(seed.capabilities[12].note == "needs integration testing")
        #expect(seed.capabilities[13].note == "limited practical experience")
    }

    @Test func twentySevenServicesInSevenCategories() {
        #expect(seed.services.count == 27)
        #expect(Set(seed.services.map(\.category)).count == 7)
        let byName = Dictionary(uniqueKeysWithValues: seed.services.map { ($0.name, $0) })
        #expect(byName["Lambda"]?.confidence == 0.92)
        #expect(byName["EKS"]?.confidence == 0.50)
        #expect(byName["X-Ray"]?.confidence == 0.60)
        #expect(byName["SQS/SNS"]?.category == "API & Integration")
        #expect(byName["Pricing Comparison"]?.confidence == 0.89)
        #expect(byName["Lambda"]?.description == "Serverless functions, event-driven architectures, custom runtimes")
    }

    @Test func threeArchitecturePatterns() {
        let patterns = extracted.patterns
        #expect(seed.patterns == ["aws-expert-serverless-api-with-python", "aws-expert-container-based-api", "aws-expert-amplify-full-stack"])
        #expect(patterns.map(\.confidence) == [0.92, 0.75, 0.87])
        #expect(patterns.map { $0.cost?.min } == [10, 25, 15])
        #expect(patterns.map { $0.cost?.max } == [20, 60, 30])
        #expect(patterns.allSatisfy { $0.cost?.currency == "USD" && $0.cost?.period == "month" })
        #expect(patterns[0].cost?.qualifier == "moderate usage")
        #expect(patterns.map(\.status) == [nil, "Future", "Current"])
        #expect(patterns[0].provenIn == ["feature-aws-lambda-backend-deployment"])
        #expect(patterns[1].useCase == "High traffic, complex dependencies")
        #expect(patterns[0].whenToUse.count == 4)
        #expect(patterns[2].whenToUse == ["Full-stack applications", "Rapid prototyping", "CI/CD automation needed", "AWS-native authentication"])
        #expect(patterns[0].implementation.map(\.title).first == "Python 3.12 Lambda with Mangum ASGI adapter")
        #expect(patterns.allSatisfy { $0.diagramBlock != nil })
    }

    @Test func troubleshootingMetricsRelationsAndPriorities() throws {
        #expect(seed.troubleshooting.count == 4)
        #expect(seed.troubleshooting.allSatisfy { $0.shape == .oneLine && $0.successRate == 1.0 })
        #expect(seed.troubleshooting[1].problem == "CORS errors in API Gateway")

        let metrics = Dictionary(uniqueKeysWithValues: seed.metrics.map { ($0.key, $0) })
        #expect(metrics["Total project invocations"]?.count == 1)
        #expect(metrics["Success rate"]?.rate == 1.0)
        #expect(metrics["Success rate"]?.successes == 1)
        #expect(metrics["Success rate"]?.attempts == 1)
        #expect(metrics["Retry rate"]?.rate == 0)
        #expect(metrics["Average execution time"]?.rate == nil)

        let worksWith = seed.relations.filter { $0.kind == .worksWith }
        #expect(worksWith.map(\.target) == ["dbt-expert", "documentation-expert", "da-architect"])
        #expect(worksWith.map(\.note) == ["database integration with Lambda", "AWS deployment guides", "cloud architecture decision-making"])

        #expect(seed.knowledge.priorities.map(\.title) == ["Cognito authentication integration", "VPC and networking best practices", "Advanced monitoring and alerting"])
        #expect(seed.knowledge.priorities.map(\.current) == [0.70, 0.76, 0.74])
        #expect(seed.knowledge.priorities.map(\.target) == [0.85, 0.85, 0.85])
        #expect(seed.knowledge.gaps.count == 4)
        #expect(seed.knowledge.bestPractices.count == 3)
        #expect(seed.knowledge.commonPatterns.count == 4)
        // The CDK stack is written under the `**CDK Stack Pattern**:` sub-bullet.
        let amplify = try #require(seed.knowledge.commonPatterns.first { $0.name.hasPrefix("Custom Python Lambda") })
        let stack = try #require(amplify.code.first)
        #expect(stack.language == "typescript")
        #expect(stack.detail.map { amplify.details[$0] } == "CDK Stack Pattern:")
    }

    @Test func diagramsAreGraphsWithServices() throws {
        let patterns = extracted.patterns
        let shapes = patterns.map { ($0.diagram?.nodes.count, $0.diagram?.edges.count) }
        #expect(shapes.map(\.0) == [6, 4, 5])
        #expect(shapes.map(\.1) == [5, 3, 4])
        func edges(_ pattern: Pattern) -> [String] {
            let labels = Dictionary(uniqueKeysWithValues: (pattern.diagram?.nodes ?? []).map { ($0.id, $0.label) })
            return (pattern.diagram?.edges ?? []).map { "\(labels[$0.from]!) → \(labels[$0.to]!)" }
        }
        #expect(edges(patterns[0]).contains("Lambda (Python + Mangum) → CloudWatch Logs"))
        #expect(edges(patterns[1]).contains("Fargate (ECS) → CloudWatch Container Insights"))
        #expect(edges(patterns[2]).contains("Amplify Hosting (React) → Cognito Auth (future)"))
        let services = try #require(patterns[0].diagram).nodes.map { "\($0.label)=\($0.service ?? "-")" }
        #expect(services == ["Frontend=-", "CloudFront=-", "API Gateway=API Gateway", "Lambda (Python + Mangum)=Lambda",
                             "RDS/External APIs=RDS", "CloudWatch Logs=CloudWatch"])
        #expect(patterns[0].services == ["API Gateway", "Lambda", "RDS", "CloudWatch"])
        #expect(patterns[2].diagram?.nodes.first { $0.label == "Cognito Auth (future)" }?.future == true)
        #expect(patterns[2].diagram?.nodes.first { $0.label == "Cognito Auth (future)" }?.service == "Cognito")
        #expect(seed.diagrams.count == 3)
        #expect(seed.diagrams[0].mermaid.hasPrefix("flowchart LR"))
        #expect(seed.diagrams[0].source.line == 334)
    }
}
