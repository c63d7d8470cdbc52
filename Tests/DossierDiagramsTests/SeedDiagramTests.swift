import DossierCore
import DossierDiagrams
import DossierModel
import Foundation
import Testing

/// The three architecture diagrams of the seed profile (`shared/seed/aws-expert.md`,
/// "Proven Architecture Patterns"), inline so they run everywhere, and from the file when
/// it is there.
struct SeedDiagramTests {
    static let pattern1 = """
        Frontend → CloudFront → API Gateway → Lambda (Python + Mangum) → RDS/External APIs
                                                   ↓
                                             CloudWatch Logs

        """
    static let pattern2 = """
        ALB → Fargate (ECS) → RDS
              ↓
          CloudWatch Container Insights

        """
    static let pattern3 = """
        Amplify Hosting (React) → API Gateway → Lambda → External Services
                 ↓
            Cognito Auth (future)

        """

    /// The seed's service matrix, as its headings name the services.
    static let services = ServiceMatcher(services: [
        "Lambda", "Fargate", "EC2", "ECS", "EKS", "API Gateway", "AppSync", "EventBridge", "SQS/SNS",
        "S3", "RDS", "DynamoDB", "Aurora", "VPC", "IAM", "Cognito", "WAF", "CDK", "CloudFormation",
        "Amplify", "CodePipeline", "CloudWatch", "X-Ray", "CloudTrail", "Cost Explorer", "Budgets",
        "Pricing Comparison",
    ])

    static func checkPattern1(_ diagram: Diagram) {
        #expect(diagram.kind == .arrow)
        #expect(diagram.direction == .LR)
        #expect(diagram.labels == ["Frontend", "CloudFront", "API Gateway", "Lambda (Python + Mangum)",
                                   "RDS/External APIs", "CloudWatch Logs"])
        #expect(diagram.links == ["Frontend → CloudFront", "CloudFront → API Gateway", "API Gateway → Lambda (Python + Mangum)",
                                  "Lambda (Python + Mangum) → RDS/External APIs", "Lambda (Python + Mangum) → CloudWatch Logs"])
        #expect(diagram.nodes.allSatisfy { !$0.future })
        let annotated = services.annotate(diagram)
        #expect(annotated.nodes.map(\.service) == [nil, nil, "API Gateway", "Lambda", "RDS", "CloudWatch"])
    }

    static func checkPattern2(_ diagram: Diagram) {
        #expect(diagram.direction == .LR)
        #expect(diagram.labels == ["ALB", "Fargate (ECS)", "RDS", "CloudWatch Container Insights"])
        #expect(diagram.links == ["ALB → Fargate (ECS)", "Fargate (ECS) → RDS", "Fargate (ECS) → CloudWatch Container Insights"])
        #expect(diagram.nodes.allSatisfy { !$0.future })
        #expect(services.annotate(diagram).nodes.map(\.service) == [nil, "Fargate", "RDS", "CloudWatch"])
    }

    static func checkPattern3(_ diagram: Diagram) {
        #expect(diagram.direction == .LR)
        #expect(diagram.labels == ["Amplify Hosting (React)", "API Gateway", "Lambda", "External Services", "Cognito Auth (future)"])
        #expect(diagram.links == ["Amplify Hosting (React) → API Gateway", "API Gateway → Lambda", "Lambda → External Services",
                                  "Amplify Hosting (React) → Cognito Auth (future)"])
        #expect(diagram.nodes.map(\.future) == [false, false, false, false, true])
        #expect(services.annotate(diagram).nodes.map(\.service) == ["Amplify", "API Gateway", "Lambda", nil, "Cognito"])
    }

    @Test func pattern1ServerlessAPI() {
        let (diagram, diagnostics) = Fixtures.arrow(Self.pattern1)
        Self.checkPattern1(diagram)
        #expect(diagnostics.isEmpty)
    }

    @Test func pattern2ContainerAPI() {
        let (diagram, diagnostics) = Fixtures.arrow(Self.pattern2)
        Self.checkPattern2(diagram)
        #expect(diagnostics.isEmpty)
    }

    @Test func pattern3AmplifyFullStack() {
        let (diagram, diagnostics) = Fixtures.arrow(Self.pattern3)
        Self.checkPattern3(diagram)
        #expect(diagnostics.isEmpty)
    }

    @Test func idsAreSlugsOfLabels() {
        let (diagram, _) = Fixtures.arrow(Self.pattern1)
        #expect(diagram.nodes.map(\.id) == ["frontend", "cloudfront", "api_gateway", "lambda_python_mangum",
                                            "rds_external_apis", "cloudwatch_logs"])
    }

    @Test(.enabled(if: SharedCorpus.seedIsPresent, "shared/seed/aws-expert.md is absent: skipped"))
    func seedFileGivesTheSameThreeDiagrams() throws {
        let blocks = try SharedCorpus.blocks(in: "seed/aws-expert.md")
        let diagrams = blocks.compactMap { DiagramReader.read($0).diagram }
        let arrows = diagrams.filter { $0.kind == .arrow }
        try #require(arrows.count == 3)
        Self.checkPattern1(arrows[0])
        Self.checkPattern2(arrows[1])
        Self.checkPattern3(arrows[2])
        // The fence lines of "Proven Architecture Patterns".
        #expect(arrows.map(\.source) == [334, 355, 370].map { SourceRef(path: "seed/aws-expert.md", line: $0) })
    }
}
