import DossierMarkdown
import DossierModel

/// Reads `- **Key**: value` lines of "Performance Metrics" sections (and their
/// sub-sections), parsing the values dashboards chart: rates, counts, successes/attempts.
struct MetricsExtractor {
    static func extract(_ context: inout ExtractionContext) -> [Metric] {
        var metrics: [Metric] = []
        var visited = Set<Int>()
        for section in context.sections(titled: ["performance metrics", "metrics"]) {
            // A metrics section inside another one was read with it.
            if let parent = context.sections[section].parent, visited.contains(parent) { visited.insert(section); continue }
            visited.insert(section)
            metrics += read(section, context: context)
            context.markLists(in: context.sections[section].blocks, as: .metrics)
            for child in context.sections[section].children {
                visited.insert(child)
                metrics += read(child, context: context)
                context.markLists(in: context.sections[child].blocks, as: .metrics)
            }
        }
        return metrics
    }

    static func read(_ section: Int, context: ExtractionContext) -> [Metric] {
        let document = context.document
        let title = context.sections[section].title
        var metrics: [Metric] = []
        for item in document.listItems(in: context.sections[section].blocks) {
            guard let first = document.head(of: item).first, let strong = first.leadingStrong else { continue }
            let text = document.headText(of: item)
            guard let (_, value) = TextShapes.labelValue(Substring(text)) else { continue }
            metrics.append(parse(section: title, key: strong.cleanedLabel, value: String(value), line: document.line(of: item)))
        }
        return metrics
    }

    /// `100% (1 success / 1 attempt)` → rate 1, successes 1, attempts 1; `1 (feature-x)` →
    /// count 1; `Not yet measured` stays text.
    static func parse(section: String, key: String, value: String, line: Int) -> Metric {
        var metric = Metric(section: section, key: key, value: value, line: line)
        let head = value.split(separator: " ").first.map(String.init) ?? ""
        if head.hasSuffix("%") { metric.rate = TextShapes.percentage(head) }
        metric.count = TextShapes.leadingInteger(value)
        if let fraction = TextShapes.fraction(value) {
            if fraction.numeratorLabel.hasPrefix("success") { metric.successes = fraction.numerator }
            if fraction.denominatorLabel.hasPrefix("attempt") { metric.attempts = fraction.denominator }
        }
        return metric
    }
}
