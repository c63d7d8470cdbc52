import DossierCore
import DossierModel

/// The entry point for the site pipeline: one fenced code block in, a ``BlockReading`` out.
///
/// Classifies the block (``DiagramBlockClassifier``) and hands it to the reader for its
/// kind. Pure and deterministic: the same block always gives an equal reading, so blocks
/// can be read on any thread in any order.
public enum DiagramReader {
    public static func read(_ block: FencedBlock) -> BlockReading {
        let (kind, classification) = DiagramBlockClassifier.classify(block)
        switch kind {
        case .code:
            return BlockReading(content: .code, diagnostics: classification)
        case .otherMermaid(let type):
            return BlockReading(content: .otherMermaid(type: type, source: block.text), diagnostics: classification)
        case .arrow:
            let (diagram, diagnostics) = ArrowDiagramParser.parse(block)
            return BlockReading(content: .diagram(diagram), diagnostics: classification + diagnostics)
        case .mermaidFlowchart:
            let (diagram, diagnostics) = MermaidParser.parse(block)
            return BlockReading(content: diagram.map { .diagram($0) } ?? .code, diagnostics: classification + diagnostics)
        }
    }

    /// Reads a block and names the services its nodes stand for.
    public static func read(_ block: FencedBlock, services: ServiceMatcher) -> BlockReading {
        var reading = read(block)
        if case .diagram(let diagram) = reading.content { reading.content = .diagram(services.annotate(diagram)) }
        return reading
    }
}
