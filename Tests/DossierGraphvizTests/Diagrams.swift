import DossierCore
import DossierModel

/// Diagrams for tests, written out by hand: the seed profile's three architecture patterns
/// and a step-by-step chain with long labels.
enum Diagrams {
    static let source = SourceRef(path: "content/profiles/aws-expert.md", line: 120)

    /// An arrow diagram from labels: node ids are the labels.
    static func chain(_ labels: [String], direction: Diagram.Direction = .LR, extra: [(String, String)] = [],
                      future: Set<String> = []) -> Diagram {
        var nodes: [DiagramNode] = []
        for label in labels + extra.flatMap({ [$0.0, $0.1] }) where !nodes.contains(where: { $0.id == label }) {
            nodes.append(DiagramNode(id: label, label: label, future: future.contains(label)))
        }
        let edges = zip(labels, labels.dropFirst()).map { DiagramEdge(from: $0, to: $1) }
            + extra.map { DiagramEdge(from: $0.0, to: $0.1) }
        return Diagram(kind: .arrow, direction: direction, nodes: nodes, edges: edges, source: source)
    }

    /// Pattern 1: serverless API.
    static let serverless = chain(
        ["Frontend", "CloudFront", "API Gateway", "Lambda (Python + Mangum)", "RDS/External APIs"],
        extra: [("Lambda (Python + Mangum)", "CloudWatch Logs")])

    /// Pattern 2: containers.
    static let containers = chain(
        ["ALB", "Fargate (ECS)", "RDS"], extra: [("Fargate (ECS)", "CloudWatch Container Insights")])

    /// Pattern 3: static front end with a planned auth service.
    static let amplify = chain(
        ["Amplify Hosting (React)", "API Gateway", "Lambda", "External Services"],
        extra: [("Amplify Hosting (React)", "Cognito Auth")], future: ["Cognito Auth"])

    /// A top-to-bottom procedure whose steps are sentences.
    static let steps = chain([
        "Clone the repository and install the pinned Swift toolchain",
        "Run the unit tests against a snapshot of the staging database",
        "Build the container image and push it to the private registry",
        "Deploy to the canary environment with five percent of traffic",
        "Watch the error rate and latency dashboards for thirty minutes",
        "Promote the release to every region and tag the commit in Git",
    ], direction: .TB)

    /// Every Mermaid shape (the model's enum is not `CaseIterable`).
    static let shapes: [DiagramNode.Shape] = [
        .box, .rounded, .stadium, .subroutine, .cylinder, .circle, .asymmetric, .rhombus, .hexagon,
    ]

    /// One node of every shape, in a row.
    static let everyShape = Diagram(
        kind: .mermaid, direction: .LR,
        nodes: shapes.map { DiagramNode(id: $0.rawValue, label: "Shape \($0.rawValue)", shape: $0) },
        edges: zip(shapes, shapes.dropFirst()).map {
            DiagramEdge(from: $0.rawValue, to: $1.rawValue)
        },
        source: source)

    /// A Mermaid flowchart using clusters, edge labels, every edge style and author styles.
    static let mermaidFeatures = Diagram(
        kind: .mermaid, direction: .TB,
        nodes: [
            DiagramNode(id: "user", label: "User", shape: .circle),
            DiagramNode(id: "cdn", label: "CloudFront", shape: .stadium),
            DiagramNode(id: "auth", label: "Signed in?", shape: .rhombus),
            DiagramNode(id: "api", label: "API (Python + Mangum)", shape: .rounded),
            DiagramNode(id: "jobs", label: "Job runner", shape: .subroutine),
            DiagramNode(id: "db", label: "Postgres", shape: .cylinder),
            DiagramNode(id: "login", label: "Login page", shape: .asymmetric),
            DiagramNode(id: "hex", label: "Event bus", shape: .hexagon),
            DiagramNode(id: "alert", label: "On-call alert", style: DiagramStyle(fill: "#fecaca", stroke: "#b91c1c", strokeWidth: "2px")),
        ],
        edges: [
            DiagramEdge(from: "user", to: "cdn", label: "HTTPS"),
            DiagramEdge(from: "cdn", to: "auth"),
            DiagramEdge(from: "auth", to: "api", label: "yes"),
            DiagramEdge(from: "auth", to: "login", label: "no", style: .dotted),
            DiagramEdge(from: "api", to: "db", label: "SQL", style: .thick),
            DiagramEdge(from: "api", to: "hex", arrow: false),
            DiagramEdge(from: "hex", to: "jobs"),
            DiagramEdge(from: "jobs", to: "alert", label: "on failure", color: "#b91c1c"),
        ],
        clusters: [DiagramCluster(id: "vpc", label: "Private VPC", nodes: ["api", "db", "hex", "jobs"])],
        source: source)
}
