import DossierModel

/// A deployment guide as standalone Markdown (`guides/<pattern>.md`), for pasting into a
/// wiki: the same sections as the page, with the diagram as a Mermaid block.
public struct GuideMarkdown {
    public var guide: Guide
    public var overview: SiteOverview
    /// The site's public address, so links in the file work wherever it is pasted.
    public var baseURL: String
    /// Resolves links in the pattern's text as on its source page.
    public var links: LinkResolver

    public init(guide: Guide, overview: SiteOverview, baseURL: String, links: LinkResolver? = nil) {
        self.guide = guide
        self.overview = overview
        self.baseURL = baseURL
        self.links = links ?? overview.pageLinks
    }

    public func render() -> String {
        let pattern = guide.pattern
        let inline = InlineMarkdown(links: links, source: pattern.source.path, baseURL: baseURL)
        func md(_ plain: [String], _ twins: [InlineText]) -> [String] { Guide.formatted(plain, twins).map(inline.render) }
        var out: [String] = ["# Deployment guide: \(pattern.title)", ""]
        var summary: [String] = []
        if let confidence = pattern.confidence { summary.append("**Confidence**: \(Format.confidence(confidence))" + (pattern.level.map { " (\($0))" } ?? "")) }
        if let cost = Format.cost(pattern.cost) { summary.append("**Cost**: \(cost)") }
        if !pattern.provenIn.isEmpty { summary.append("**Proven in**: \(pattern.provenIn.joined(separator: ", "))") }
        summary.append("**Owner**: \(guide.owner?.title ?? overview.ownerName(of: pattern))")
        if let status = pattern.status { summary.append("**Status**: \(status)") }
        out += [summary.joined(separator: " | "), ""]
        if let description = pattern.description { out += [description, ""] }

        if let diagram = pattern.diagram {
            out += ["## Architecture", "", "```mermaid", diagram.mermaid.trimmingTrailingNewlines, "```", ""]
        }
        if !guide.services.isEmpty {
            out += ["## Services involved", "", "| Service | Owner's confidence | Category |", "|---|---:|---|"]
            for service in guide.services {
                out.append("| \(cell(service.name)) | \(service.confidence.map(Format.confidence) ?? "—") | \(cell(service.category ?? "")) |")
            }
            out.append("")
            if let weakest = guide.weakest, let confidence = weakest.confidence {
                out += ["> **Readiness**: the weakest service is \(weakest.name) at \(Format.confidence(confidence)) (\(Format.level(confidence).rawValue)).", ""]
            }
        }
        if let problem = pattern.problem {
            out += ["## Problem", ""]
            for (key, value) in [("Scenario", problem.scenario), ("Challenge", problem.challenge), ("Goal", problem.goal), ("Symptoms", problem.symptoms)] {
                if let value { out.append("- **\(key)**: \(value)") }
            }
            out.append("")
        }
        list("When to use", md(pattern.whenToUse, pattern.whenToUseFormatted), into: &out)
        list("When not to use", md(pattern.whenNotToUse, pattern.whenNotToUseFormatted), into: &out)
        list("Prerequisites", md(pattern.prerequisites, pattern.prerequisitesFormatted), into: &out)
        if !guide.steps.isEmpty {
            out += ["## Implementation", ""]
            for (n, step) in guide.steps.enumerated() {
                out.append("\(n + 1). **\(inline.render(Guide.formatted(step.title, step.titleFormatted)))**")
                if let text = step.text {
                    out.append("   " + inline.render(Guide.formatted(text, step.textFormatted)).splitting("\n").joined(separator: "\n   "))
                }
                for item in md(step.items, step.itemsFormatted) { out.append("   - \(item)") }
                for code in step.code { out += fenced(code, indent: "   ") }
            }
            out.append("")
        }
        if !guide.bestPractices.isEmpty || !guide.commonPatterns.isEmpty {
            out += ["## Related practices from \(guide.owner?.title ?? "the owner")", ""]
            // A code block written under an entry stays under it; the rest follow the list.
            func entries(_ items: [String], _ code: [CodeSnippet]) {
                for (index, item) in items.enumerated() {
                    out.append("  - \(item)")
                    for snippet in code where snippet.detail == index { out += fenced(snippet, indent: "    ") }
                }
                for snippet in code where !(snippet.detail.map(items.indices.contains) ?? false) { out += fenced(snippet, indent: "  ") }
            }
            for practice in guide.bestPractices {
                out.append("- **\(practice.title)**" + (practice.learnedFrom.map { " (learned from: \($0))" } ?? ""))
                entries(md(practice.items, practice.itemsFormatted), practice.code)
            }
            for common in guide.commonPatterns {
                out.append("- **\(common.name)**" + (common.confidence.map { " (confidence: \(Format.confidence($0)))" } ?? ""))
                entries(md(common.details, common.detailsFormatted), common.code)
            }
            out.append("")
        }
        if !guide.troubleshooting.isEmpty {
            out += ["## Troubleshooting", "", "| Problem | Solution | Success rate |", "|---|---|---:|"]
            for entry in guide.troubleshooting {
                let solution = entry.solution.map { inline.render(Guide.formatted($0, entry.solutionFormatted)) } ?? entry.resolution ?? ""
                out.append("| \(cell(entry.problem)) | \(cell(solution)) | \(entry.successRate.map(Format.rate) ?? "—") |")
            }
            out.append("")
        }
        if let cost = pattern.cost {
            out += ["## Cost estimate", "", cost.parsed ? "\(Format.cost(cost) ?? cost.text)" + (cost.qualifier.map { " (\($0))" } ?? "") + " — as written: “\(cost.text)”" : cost.text, ""]
        }
        out += ["## Monitoring", ""]
        if !pattern.monitoring.isEmpty {
            out += md(pattern.monitoring, pattern.monitoringFormatted).map { "- \($0)" }
        } else if !guide.monitoringNodes.isEmpty {
            out.append("The pattern documents no monitoring steps; its diagram includes " + guide.monitoringNodes.joined(separator: ", ") + ".")
        } else {
            out.append("No monitoring is documented for this pattern.")
        }
        out += ["", "## Rollback", ""]
        if !pattern.rollback.isEmpty {
            out += md(pattern.rollback, pattern.rollbackFormatted).map { "- \($0)" }
        } else {
            out.append("**No rollback procedure is documented for this pattern.** Decide how to undo a deployment before you start one.")
        }
        out.append("")
        if !pattern.relatedPatterns.isEmpty {
            list("Related patterns", pattern.relatedPatterns.map { link in
                let title = InlineMarkdown.escaped(link.title)
                let note = link.note.map { " — " + InlineMarkdown.escaped($0) } ?? ""
                if let target = RelatedPatternTarget.resolve(link, of: pattern, overview: overview, links: links) {
                    return "[\(title)](\(InlineMarkdown.destination(target.markdownURL(baseURL: baseURL))))" + note
                }
                return title + (link.target.map { ": " + InlineMarkdown.codeSpan($0) } ?? "") + note
            }, into: &out)
        }
        out.append("---")
        out.append("")
        var source = "*Generated by Dossier from `\(pattern.source.path)` (line \(pattern.source.line))"
        if !baseURL.isEmpty { source += " — \(baseURL)\(RenderSite.guidePage(pattern.id))" }
        out.append(source + ".*")
        return out.joined(separator: "\n") + "\n"
    }

    func list(_ title: String, _ items: [String], into out: inout [String]) {
        guard !items.isEmpty else { return }
        out += ["## \(title)", ""] + items.map { "- \($0)" } + [""]
    }

    func fenced(_ code: CodeSnippet, indent: String) -> [String] {
        let longest = code.code.splitting("\n").map { $0.prefix { $0 == "`" }.count }.max() ?? 0
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return [indent + fence + (code.language ?? "")] + code.code.trimmingTrailingNewlines.splitting("\n").map { $0.isEmpty ? "" : indent + $0 } + [indent + fence]
    }

    /// Text safe in a table cell: pipes escaped, line breaks as spaces.
    func cell(_ text: String) -> String {
        text.splitting("\n").joined(separator: " ").splitting("|").joined(separator: "\\|")
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    func splitting(_ separator: Character) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
