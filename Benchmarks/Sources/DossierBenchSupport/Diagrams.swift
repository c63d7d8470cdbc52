import DossierDiagrams
import DossierModel

/// Arrow diagrams in the shape the profiles draw them (and `gen_corpus.py` generates): a
/// chain of services, a `↓` under one of them, and a monitoring node under the arrow.
public enum BenchDiagrams {
    static let services = [
        "Frontend", "CloudFront", "API Gateway", "Lambda (Python + Mangum)", "SQS Queue", "Worker",
        "ElastiCache", "RDS", "S3 Bucket", "Step Functions", "EventBridge", "DynamoDB",
    ]

    /// A chain of `count - 1` nodes with `below` hanging under the middle one: `count` nodes
    /// and `count - 1` edges. `suffix` is appended to the first label, to make a diagram
    /// Graphviz has not laid out yet.
    public static func arrowText(nodes count: Int, suffix: String = "", below: String = "CloudWatch Logs") -> String {
        precondition(count >= 3)
        var chain = (0..<(count - 1)).map { services[$0 % services.count] + ($0 >= services.count ? " \($0)" : "") }
        chain[0] += suffix
        let k = chain.count / 2
        let top = chain.joined(separator: " → ")
        let column = chain[..<k].joined(separator: " → ").count + 3 + chain[k].count / 2
        return top + "\n" + String(repeating: " ", count: column) + "↓\n"
            + String(repeating: " ", count: max(0, column - below.count / 2)) + below + "\n"
    }

    /// The block as the extractor hands it to the diagram reader: a fence without an info string.
    public static func block(_ text: String) -> FencedBlock {
        FencedBlock(info: "", text: text, source: SourceRef(path: "content/profiles/bench.md", line: 10))
    }

    /// The 10-node diagram the "~1 ms per diagram" refers to.
    public static let tenNodeText = arrowText(nodes: 10)

    /// Reads a diagram, failing loudly when the text is not one.
    public static func diagram(_ text: String) -> Diagram {
        guard let diagram = DiagramReader.read(block(text)).diagram else { fatalError("not a diagram:\n\(text)") }
        return diagram
    }
}
