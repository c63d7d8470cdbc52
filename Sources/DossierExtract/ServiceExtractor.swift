import DossierMarkdown
import DossierModel

/// Reads "… Service Expertise Matrix" (or "… Expertise Matrix"): H3 categories, each with
/// `- **Service**: 0.92 - description` items or a table of service, score, description.
struct ServiceExtractor {
    static func extract(_ context: inout ExtractionContext) -> [Service] {
        var services: [Service] = []
        for matrix in context.sections(titled: ["expertise matrix", "service matrix", "skills matrix"]) {
            let entry = context.sections[matrix]
            services += read(blocks: entry.blocks, category: "General", context: &context)
            context.markLists(in: entry.blocks, as: .services(category: "General"), tables: true)
            for child in entry.children {
                let category = context.sections[child].title
                services += read(blocks: context.sections.allBlocks(of: child), category: category, context: &context)
                context.markLists(in: context.sections[child].blocks, as: .services(category: category), tables: true)
            }
        }
        return services
    }

    static func read(blocks: [Int32], category: String, context: inout ExtractionContext) -> [Service] {
        let document = context.document
        var services: [Service] = []
        for item in document.listItems(in: blocks) {
            let lines = document.head(of: item)
            guard let first = lines.first else { continue }
            let text = lines.map { $0.text.trimmingSpaces }.joined(separator: " ")
            guard let reading = ConfidenceReader.read(text, lenient: true) else { continue }
            let name = ScoreScanner.name(in: text, before: reading.start, leadingStrong: first.leadingStrong.map(String.init))
            let description = text[reading.end...].cleanedLabel
            let line = document.line(of: item)
            if reading.value < 0 || reading.value > 1 {
                let location = context.location(ofNumber: reading.value, onLine: line)
                context.warn("confidence.out-of-range", "confidence \(String(format2: reading.value)) of service ‘\(name)’ is outside 0–1",
                             line: location.line, column: location.column)
            }
            services.append(Service(category: category, name: name, confidence: reading.value,
                                    description: description.isEmpty ? nil : description, line: line))
        }
        for table in blocks where document[table].kind == .table {
            for row in document.children(of: table) {
                guard case .tableRow(false) = document[row].detail else { continue }
                let cells = document.children(of: row).map { document.flatText(of: $0) }
                guard cells.count >= 2, let scoreIndex = cells.indices.dropFirst().first(where: { ConfidenceReader.read(cells[$0]) != nil }),
                      let reading = ConfidenceReader.read(cells[scoreIndex]) else { continue }
                let rest = cells.indices.filter { $0 != 0 && $0 != scoreIndex }.map { cells[$0] }.joined(separator: " — ")
                services.append(Service(category: category, name: cells[0].cleanedLabel, confidence: reading.value,
                                        description: rest.isEmpty ? nil : rest, line: document.line(of: row)))
            }
        }
        return services.sorted { $0.line < $1.line }
    }
}
