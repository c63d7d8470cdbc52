import DossierCore
import DossierDiagrams
import DossierExtract
import DossierGraphviz
import DossierMarkdown
import DossierModel

/// Decides how each block of a document is shown: the regions extraction recorded become
/// pictures (bars, heat tables, stat cards, facts), diagrams become SVG, code is
/// highlighted — and every item a picture does not cover is rendered as Markdown in its
/// place, so nothing in the file is missing from the page.
struct RegionRenderer {
    let extracted: ExtractedDocument
    let site: RenderSite
    /// The page's folder, for relative links.
    let page: String
    /// The document's profile (resolved relations, services), when it is one.
    let profile: Profile?
    let patterns: [Pattern]
    /// How the document's links resolve: items rendered as Markdown inside a picture follow
    /// the same links as the rest of the page.
    var links = DocumentPage.Links()
    /// The profile's anchors, when the caller has them (they take a few per cent of a build
    /// to make, and the document stage needs them three times).
    var profileAnchors: ProfileAnchors?

    struct Output {
        var replacements: [Int32: String] = [:]
        var diagnostics: [Diagnostic] = []
        /// Anchors given to capabilities and services, by name, for links from diagrams and search.
        var capabilityAnchors: [String: String] = [:]
        var serviceAnchors: [String: String] = [:]
        /// True when the page shows Mermaid source that `mermaid_js` should draw.
        var usesMermaidScript = false
        /// The patterns' diagrams as laid out for the page, by pattern id: their guides draw
        /// them again from the same layout.
        var patternLayouts: [String: GraphvizRenderer.LaidOutDiagram] = [:]
    }

    func render() -> Output {
        var output = Output()
        let document = extracted.markdown
        let anchors = profileAnchors ?? profile.map(ProfileAnchors.init)
        var markdown = HTMLRenderer(document: document)
        markdown.unsafeHTML = site.config.unsafeHTML
        markdown.labelledTaskItems = true
        markdown.linkTargets = links.targets
        markdown.unlinked = links.unlinked

        func plain(_ item: Int32) -> String {
            markdown.render(blocks: document.children(of: item))
        }

        // Services first: diagrams link their nodes to the services' rows.
        for region in extracted.regions {
            guard case .services(let category) = region.kind, let profile, let anchors else { continue }
            let services = Dictionary(profile.services.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
            // A list's items, or a table's body rows.
            let entries = document[region.node].kind == .table
                ? document.children(of: region.node).filter { if case .tableRow(false) = document[$0].detail { return true }; return false }
                : Array(document.children(of: region.node))
            let rows: [[String: Any]] = entries.map { item in
                guard let service = services[document.startLine(of: item)], let id = anchors.services[service.line] else {
                    let html = document[item].kind == .tableRow
                        ? document.children(of: item).map { markdown.render(blocks: document.children(of: $0)) }.joined(separator: " | ")
                        : plain(item)
                    return ["plain": html]
                }
                output.serviceAnchors[service.name] = output.serviceAnchors[service.name] ?? id
                return ["id": id, "name": service.name, "value": Format.confidence(service.confidence),
                        "heat": Format.heat(service.confidence), "description": service.description ?? ""]
            }
            output.replacements[region.node] = site.templates.render("components/service-table", ["category": category, "rows": rows])
        }

        for region in extracted.regions {
            switch region.kind {
            case .capabilities(let tierID):
                guard let profile else { continue }
                let tier = profile.tiers.first { $0.id == tierID }
                let capabilities = Dictionary(profile.capabilities.filter { $0.tier == tierID }.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
                let items: [[String: Any]] = document.children(of: region.node).map { item in
                    guard let capability = capabilities[document.startLine(of: item)], let id = anchors?.capabilities[capability.line] else {
                        return ["plain": plain(item)]
                    }
                    output.capabilityAnchors[capability.name] = id
                    return capabilityView(capability, tier: tier, tiers: profile.tiers, id: id)
                }
                output.replacements[region.node] = site.templates.render("components/capability-bars", [
                    "items": items, "level": tier?.level.rawValue ?? "secondary",
                ])
            case .metrics:
                guard let profile else { continue }
                let metrics = Dictionary(profile.metrics.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
                let items: [[String: Any]] = document.children(of: region.node).map { item in
                    guard let metric = metrics[document.startLine(of: item)] else { return ["plain": plain(item)] }
                    return metricView(metric)
                }
                output.replacements[region.node] = site.templates.render("components/stat-cards", ["items": items])
            case .priorities:
                guard let profile else { continue }
                let priorities = Dictionary(profile.knowledge.priorities.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
                let items: [[String: Any]] = document.children(of: region.node).map { item in
                    guard let priority = priorities[document.startLine(of: item)], let current = priority.current else { return ["plain": plain(item)] }
                    var view: [String: Any] = [
                        "title": priority.title, "current": Format.confidence(current), "currentPercent": Format.percent(current),
                        "level": Format.level(current).rawValue, "details": priority.details, "hasDetails": !priority.details.isEmpty,
                    ]
                    if let target = priority.target {
                        view["target"] = Format.confidence(target)
                        view["targetPercent"] = Format.percent(target)
                    }
                    return view
                }
                output.replacements[region.node] = site.templates.render("components/priority-bars", ["items": items])
            case .troubleshooting:
                guard let profile else { continue }
                let entries = Dictionary(profile.troubleshooting.filter { $0.shape == .oneLine }.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
                let rows: [[String: Any]] = document.children(of: region.node).map { item in
                    guard let entry = entries[document.startLine(of: item)] else { return ["plain": plain(item)] }
                    return ["problem": entry.problem, "solution": entry.solution ?? "", "rate": entry.successRate.map(Format.rate) ?? "—",
                            "details": entry.diagnosticSteps, "hasDetails": !entry.diagnosticSteps.isEmpty]
                }
                output.replacements[region.node] = site.templates.render("components/troubleshooting-table", ["rows": rows])
            case .patternFacts(let patternID):
                guard let pattern = patterns.first(where: { $0.id == patternID }) else { continue }
                let node = document[region.node]
                let lines = Int(node.range.start.line)...Int(max(node.range.start.line, node.range.end.line))
                output.replacements[region.node] = site.templates.render("components/pattern-facts", factsView(pattern, lines: lines))
            case .services:
                break
            }
        }

        // Code blocks: diagrams drawn, other Mermaid kept as source, the rest highlighted.
        var diagramCount = 0
        for index in document.nodes.indices where document.nodes[index].kind == .codeBlock {
            let node = document.nodes[index]
            let block = Int32(index)
            guard output.replacements[block] == nil else { continue }
            var info = ""
            if case .codeBlock(let value, _) = node.detail { info = value }
            switch extracted.readings[block]?.content {
            case .diagram(let diagram):
                diagramCount += 1
                let owner = patterns.first { $0.diagramBlock?.line == Int(node.range.start.line) }
                var figure = DiagramFigure(diagram: diagram, source: node.literal,
                                           title: owner.map { "Architecture of \($0.title)" } ?? "Diagram \(diagramCount) of \(extracted.title)",
                                           idPrefix: "dg\(diagramCount)")
                figure.serviceConfidence = Dictionary((profile?.services ?? []).map { ($0.name, $0.confidence) }, uniquingKeysWith: { a, _ in a })
                figure.serviceLinks = output.serviceAnchors.mapValues { "#" + $0 }
                do {
                    let laidOut = try site.graphviz.layOut(diagram)
                    output.replacements[block] = figure.html(site: site, laidOut: laidOut)
                    if let owner, owner.diagram == diagram { output.patternLayouts[owner.id] = laidOut }
                } catch {
                    output.diagnostics.append(error.diagnostic(for: diagram))
                    output.replacements[block] = CodeBlockHTML.render(info: info, code: node.literal, templates: site.templates)
                }
            case .otherMermaid(let type, let source):
                output.usesMermaidScript = output.usesMermaidScript || !site.config.mermaidJS.isEmpty
                output.replacements[block] = site.templates.render("components/mermaid-source", [
                    "type": Format.mermaidKind(type), "source": source, "scripted": !site.config.mermaidJS.isEmpty,
                ])
            default:
                output.replacements[block] = CodeBlockHTML.render(info: info, code: node.literal, templates: site.templates)
            }
        }
        return output
    }

    func capabilityView(_ capability: Capability, tier: Tier?, tiers: [Tier], id: String) -> [String: Any] {
        let level = tier?.level ?? Format.level(capability.confidence)
        var view: [String: Any] = [
            "id": id, "name": capability.name, "value": Format.confidence(capability.confidence),
            "percent": Format.percent(capability.confidence), "level": level.rawValue,
            "details": capability.details, "hasDetails": !capability.details.isEmpty,
        ]
        // Every key is set, so a missing one never reads a value from an outer context.
        view["previous"] = capability.previousConfidence.map(Format.confidence) ?? ""
        view["hasPrevious"] = capability.previousConfidence != nil
        var meta: [String] = []
        if let status = capability.status { meta.append(status) }
        if let note = capability.note { meta.append(note) }
        if let lastUpdated = capability.lastUpdated { meta.append("last updated " + lastUpdated) }
        view["meta"] = meta.joined(separator: " · ")
        let moved = capability.status.flatMap { status in tiers.first { status.lowercased().contains($0.level.rawValue) && $0.id != tier?.id } }
        var flag = ""
        if let range = (moved ?? tier)?.range, !range.contains(capability.confidence) {
            flag = "outside this tier’s range (\(range.label))"
        }
        view["flag"] = flag
        view["hasFlag"] = !flag.isEmpty
        view["hasMeta"] = capability.previousConfidence != nil || !meta.isEmpty || !flag.isEmpty
        return view
    }

    func metricView(_ metric: Metric) -> [String: Any] {
        var view: [String: Any] = ["key": metric.key]
        let (outside, groups) = parentheticals(metric.value)
        if let rate = metric.rate {
            view["big"] = Format.rate(rate)
        } else if let count = metric.count {
            view["big"] = String(count)
        } else {
            view["text"] = outside
        }
        if view["big"] != nil {
            let rest = outside.split(separator: " ").dropFirst().joined(separator: " ")
            let detail = ([rest] + groups).filter { !$0.isEmpty }.joined(separator: " · ")
            if !detail.isEmpty { view["detail"] = detail }
        } else if !groups.isEmpty {
            view["detail"] = groups.joined(separator: " · ")
        }
        return view
    }

    /// The facts strip of a pattern: its confidence as a bar, every property written on
    /// `lines` (the paragraph the strip replaces), and its guide.
    func factsView(_ pattern: Pattern, lines: ClosedRange<Int>) -> [String: Any] {
        var view: [String: Any] = [:]
        if let confidence = pattern.confidence {
            view["confidence"] = Format.confidence(confidence)
            view["percent"] = Format.percent(confidence)
            view["level"] = Format.level(confidence).rawValue
            // What the line says beside the number (`HIGH`, `proven in 3 projects`).
            let text = [pattern.level, pattern.confidenceNote].compactMap { $0 }.joined(separator: " · ")
            let stated = pattern.properties.contains { TitleMatchLite.normalized($0.key).contains("confidence") && lines.contains($0.line) }
            if stated && !text.isEmpty { view["confidenceText"] = text }
        }
        view["properties"] = pattern.properties
            .filter { TitleMatchLite.normalized($0.key) != "confidence" && lines.contains($0.line) }
            .map { property -> [String: Any] in
                // `**Primary Users**: aws-expert, dbt-expert` names profiles: link them.
                let users = pattern.relations.filter { $0.line == property.line && $0.kind == .usedBy }
                var item: [String: Any] = ["key": property.key, "value": property.value, "hasLinks": !users.isEmpty]
                item["links"] = users.map { site.profileLink($0, from: page) }
                return item
            }
        if !pattern.template {
            view["guideHref"] = SitePaths.relative(from: page, to: RenderSite.guidePage(pattern.id))
        }
        return view
    }

    /// `Efficient (Lambda deployment)` → (`Efficient`, [`Lambda deployment`]).
    func parentheticals(_ text: String) -> (String, [String]) {
        var outside = ""
        var groups: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            if character == "(" { if depth > 0 { current.append(character) }; depth += 1; continue }
            if character == ")" && depth > 0 {
                depth -= 1
                if depth == 0 { groups.append(current); current = "" } else { current.append(character) }
                continue
            }
            if depth > 0 { current.append(character) } else { outside.append(character) }
        }
        return (outside.trimmingSpaces, groups)
    }
}

/// Lowercased words of a key, for comparing labels.
enum TitleMatchLite {
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }
}
