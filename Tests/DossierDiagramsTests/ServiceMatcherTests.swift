import DossierDiagrams
import DossierModel
import Testing

struct ServiceMatcherTests {
    let matcher = ServiceMatcher(services: [
        "Lambda", "API Gateway", "RDS", "CloudWatch", "Cognito", "Fargate", "SQS/SNS", "X-Ray", "Cost Explorer",
        "Amplify", "ECS", "API",
    ])

    @Test(arguments: [
        ("Lambda (Python + Mangum)", "Lambda"), ("Fargate (ECS)", "Fargate"), ("RDS/External APIs", "RDS"),
        ("CloudWatch Logs", "CloudWatch"), ("CloudWatch Container Insights", "CloudWatch"),
        ("Cognito Auth (future)", "Cognito"), ("API Gateway", "API Gateway"), ("Amplify Hosting (React)", "Amplify"),
        ("lambda", "Lambda"), ("AWS X-Ray traces", "X-Ray"), ("SNS topic", "SQS/SNS"), ("SQS/SNS", "SQS/SNS"),
        ("Cost Explorer report", "Cost Explorer"), ("Worker (Lambda)", "Lambda"), ("ECS Fargate (React app)", "Fargate"),
        ("Public API", "API"),
    ] as [(String, String)])
    func namesTheService(_ label: String, _ service: String) {
        #expect(matcher.match(label) == service)
    }

    @Test(arguments: ["Frontend", "External Services", "Lambdas", "CloudWatchers", "SPECS", "Cognitive load", ""])
    func namesNothing(_ label: String) {
        #expect(matcher.match(label) == nil)
    }

    @Test func annotateFillsEveryNode() {
        let diagram = Diagram(kind: .arrow, direction: .LR, nodes: [
            DiagramNode(id: "a", label: "Frontend", service: "stale"), DiagramNode(id: "b", label: "Lambda (Python)"),
        ], edges: [], source: SourceRef(path: "d.md", line: 1))
        #expect(matcher.annotate(diagram).nodes.map(\.service) == [nil, "Lambda"])
    }

    @Test func theReaderCanAnnotateAsItReads() {
        let reading = DiagramReader.read(Fixtures.block("Frontend → API Gateway → Lambda\n"), services: matcher)
        #expect(reading.diagram?.nodes.map(\.service) == [nil, "API Gateway", "Lambda"])
    }
}
