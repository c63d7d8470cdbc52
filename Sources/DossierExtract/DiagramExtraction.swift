import DossierCore
import DossierDiagrams
import DossierMarkdown
import DossierModel

/// Reads every fenced code block of a document with the diagrams module: arrow diagrams and
/// Mermaid flowcharts become graphs (their nodes named after the profile's services), other
/// Mermaid diagrams are kept as source, and everything else stays code.
struct DiagramExtraction {
    /// What each fenced code block turned out to be, by node.
    var readings: [Int32: BlockReading] = [:]
    /// The graphs, in document order.
    var diagrams: [Diagram] = []

    init(_ context: inout ExtractionContext, services: [String]) {
        let matcher = ServiceMatcher(services: services)
        let document = context.document
        // By index: iterating the nodes would copy every one, text and all, to test its kind.
        for index in document.nodes.indices where document.nodes[index].kind == .codeBlock {
            let node = document.nodes[index]
            guard case .codeBlock(let info, let fence) = node.detail, fence != nil else { continue }
            let block = FencedBlock(info: info, text: node.literal,
                                    source: SourceRef(path: context.path, line: Int(node.range.start.line)),
                                    column: Int(node.range.start.column))
            let reading = DiagramReader.read(block, services: matcher)
            context.diagnostics += reading.diagnostics
            if case .code = reading.content { continue }
            readings[Int32(index)] = reading
            if let diagram = reading.diagram { diagrams.append(diagram) }
        }
    }

    /// The diagram drawn by the code block that starts on `line`.
    func diagram(startingOn line: Int?) -> Diagram? {
        guard let line else { return nil }
        return diagrams.first { $0.source.line == line }
    }
}
