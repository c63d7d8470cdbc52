import DossierDiagrams
import DossierModel
import Testing

/// The benchmark corpus (`shared/bench/gen_corpus.py`, `arrow_diagram`) draws a chain of 3
/// to 6 architecture nodes, a `↓` under the middle of node k, and a monitoring node centred
/// under the arrow. Every combination of chain length and k, over rotating node names.
struct BenchShapeTests {
    static let architecture = [
        "Frontend", "CloudFront", "API Gateway", "Lambda", "RDS", "ALB", "Fargate (ECS)", "Queue", "Worker", "Cache",
        "Search Index", "Object Store", "Auth Service", "Event Bus", "Scheduler", "Warehouse", "CDN", "Edge Function",
        "GraphQL Server", "Read Replica", "Stream", "External APIs", "Metrics Store", "Log Sink", "Notification Service",
    ]
    static let monitoring = ["CloudWatch Logs", "Container Insights", "Tracing Backend", "Dead Letter Queue", "Audit Log",
                             "Cognito Auth (future)", "Metrics Dashboard", "Alert Manager"]

    /// The generator's layout, column for column.
    static func draw(_ nodes: [String], k: Int, below: String) -> String {
        let top = nodes.joined(separator: " → ")
        let column = nodes[..<k].joined(separator: " → ").count + 3 + nodes[k].count / 2
        return top + "\n" + String(repeating: " ", count: column) + "↓\n"
            + String(repeating: " ", count: max(0, column - below.count / 2)) + below + "\n"
    }

    @Test func everyLayoutOfTheGenerator() {
        var case_ = 0
        for count in 3...6 {
            for k in 1..<count {
                for below in Self.monitoring {
                    let nodes = (0..<count).map { Self.architecture[(case_ * 7 + $0 * 3) % Self.architecture.count] }
                    case_ += 1
                    let reading = DiagramReader.read(Fixtures.block(Self.draw(nodes, k: k, below: below)))
                    guard let diagram = reading.diagram else {
                        Issue.record("not a diagram: \(nodes)")
                        continue
                    }
                    #expect(diagram.labels == nodes + [below])
                    #expect(diagram.links.last == "\(nodes[k]) → \(below)")
                    #expect(diagram.edges.count == count)
                    #expect(diagram.direction == .LR)
                    #expect(reading.diagnostics.isEmpty)
                }
            }
        }
    }
}
