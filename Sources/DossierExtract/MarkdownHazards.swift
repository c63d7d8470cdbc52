import DossierCore
import DossierMarkdown

/// Markdown mistakes found in real profiles that silently change what a page shows.
enum MarkdownHazards {
    /// A fenced code block still open at the end of the file: everything after its opening
    /// line became code. Usually a fence inside it closed it early and its own closing fence
    /// then opened a new block.
    static func unclosedFences(_ context: ExtractionContext) -> [Diagnostic] {
        let document = context.document
        var diagnostics: [Diagnostic] = []
        let lastLine = document.lineCount
        for index in document.nodes.indices where document.nodes[index].kind == .codeBlock {
            let node = document.nodes[index]
            guard case .codeBlock(_, let fence?) = node.detail else { continue }
            let endLine = Int(node.range.end.line)
            guard endLine >= lastLine else { continue }
            let closing = document.line(endLine).drop { $0 == " " || $0 == "\t" || $0 == ">" }
            let run = closing.prefix { $0 == fence.character }
            let isClosed = endLine > Int(node.range.start.line) && run.count >= fence.length && closing.dropFirst(run.count).allSatisfy { $0 == " " || $0 == "\t" }
            guard !isClosed else { continue }
            let start = Int(node.range.start.line)
            let marker = String(repeating: fence.character, count: fence.length)
            diagnostics.append(.warning(
                "markdown.unclosed-fence",
                "code block opened at line \(start) is never closed: the rest of the file (\(lastLine - start) lines) is shown as code",
                at: context.location(of: marker, onLine: start),
                notes: ["add a closing \(marker) line; if a fence inside a block was meant to be nested, give the outer block a longer fence (\(marker)\(fence.character))"]))
        }
        return diagnostics
    }

    /// A fence line with an info string inside a code block (```` ```sql ```` in a
    /// ```` ```markdown ```` example): it is text, so the inner block's closing fence closes
    /// the outer block and every fence after it pairs up wrongly.
    static func nestedFences(_ context: ExtractionContext) -> [Diagnostic] {
        let document = context.document
        var diagnostics: [Diagnostic] = []
        for index in document.nodes.indices where document.nodes[index].kind == .codeBlock {
            let node = document.nodes[index]
            guard case .codeBlock(_, let fence?) = node.detail else { continue }
            let start = Int(node.range.start.line)
            for (offset, line) in node.literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop { $0 == " " }
                let run = trimmed.prefix { $0 == fence.character }
                guard run.count >= fence.length, run.count <= fence.length + 1, trimmed.count > run.count,
                      trimmed.dropFirst(run.count).first?.isLetter == true else { continue }
                let inner = start + 1 + offset
                let marker = String(repeating: fence.character, count: fence.length)
                diagnostics.append(.warning(
                    "markdown.nested-fence",
                    "the fence ‘\(trimmed)’ is inside the code block opened at line \(start), so its closing \(marker) closes the outer block instead and the fences after it pair up wrongly",
                    at: context.location(line: inner, column: line.count - trimmed.count + 1),
                    notes: ["give the outer block a longer fence (\(marker)\(fence.character)) on line \(start) and on its closing line"]))
                break
            }
        }
        return diagnostics
    }

    /// A list item that cmark read as a link reference definition
    /// (`- [Task type 1]: 0.90 (last updated: …)`): it shows as an empty bullet.
    static func referenceDefinitionItems(_ context: ExtractionContext) -> [Diagnostic] {
        let document = context.document
        var diagnostics: [Diagnostic] = []
        for index in document.nodes.indices where document.nodes[index].kind == .item && document.nodes[index].end == Int32(index) + 1 {
            let node = document.nodes[index]
            let text = document.rawItemText(Int32(index))
            guard text.hasPrefix("[") else { continue }
            diagnostics.append(.warning(
                "markdown.reference-definition",
                "‘\(text.prefix(50))’ is read as a link reference definition, so the list item shows empty; escape the bracket (\\[) to show the text",
                at: context.location(line: Int(node.range.start.line), column: Int(node.range.start.column))))
        }
        return diagnostics
    }
}
