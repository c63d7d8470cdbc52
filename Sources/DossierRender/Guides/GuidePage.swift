import DossierCore
import DossierModel

/// `guides/<pattern>/`: a pattern's deployment guide as a page that prints cleanly.
public struct GuidePage {
    public var guide: Guide
    public var overview: SiteOverview
    /// Resolves links in the pattern's text as on its source page.
    public var links: LinkResolver

    /// - Parameter links: the handbook's resolver; by default one over the overview's pages
    ///   (files other than pages are then not known).
    public init(guide: Guide, overview: SiteOverview, links: LinkResolver? = nil, figureHTML: String? = nil) {
        self.guide = guide
        self.figureHTML = figureHTML
        self.overview = overview
        self.links = links ?? overview.pageLinks
    }

    /// The diagram's figure, when its owner's page drew it already (``ProfilePage``'s
    /// `guideFigures`): the same HTML this page would draw.
    public var figureHTML: String?

    var page: String { RenderSite.guidePage(guide.pattern.id) }

    /// The figure of the pattern's diagram on its guide: its owner's confidences tint the
    /// nodes, which link to the services' rows on the owner's page.
    static func figure(_ pattern: Pattern, services: [Guide.ServiceReadiness], ownerPage: String?, anchors: ProfileAnchors?) -> DiagramFigure? {
        guard let diagram = pattern.diagram else { return nil }
        var figure = DiagramFigure(diagram: diagram, source: pattern.diagramBlock?.text ?? "", title: "Architecture of \(pattern.title)", idPrefix: "dg1")
        figure.serviceConfidence = Dictionary(services.compactMap { service in service.confidence.map { (service.name, $0) } }, uniquingKeysWith: { a, _ in a })
        if let ownerPage, let anchors {
            let owner = SitePaths.relative(from: RenderSite.guidePage(pattern.id), to: ownerPage)
            figure.serviceLinks = anchors.serviceByName.mapValues { owner + "#" + $0 }
        }
        return figure
    }

    public func render(site: RenderSite) -> (html: String, diagnostics: [Diagnostic]) {
        let pattern = guide.pattern
        var diagnostics: [Diagnostic] = []
        let inline = InlineHTML(links: links, source: pattern.source.path, page: page)
        func html(_ texts: [InlineText]) -> [String] { texts.map(inline.render) }
        var context = site.chrome.context(page: page, title: "Deployment guide: \(pattern.title)",
                                          description: pattern.description ?? "How to deploy \(pattern.title), from \(overview.ownerName(of: pattern)).",
                                          ogType: "article")
        context["title"] = pattern.title
        context["markdownHref"] = "../\(pattern.id).md"
        context["sourcePath"] = pattern.source.path
        if let source = overview.sourcePage(of: pattern) { context["sourceHref"] = SitePaths.relative(from: page, to: source) }
        let ownerPage = guide.owner.flatMap { overview.record(ofProfile: $0.id) }?.page
        let anchors = guide.owner.map(overview.anchors(of:))

        var summary: [[String: Any]] = []
        if let confidence = pattern.confidence {
            summary.append(["k": "Confidence", "v": Format.confidence(confidence) + (pattern.level.map { " (\($0))" } ?? "")])
        }
        if let cost = Format.cost(pattern.cost) { summary.append(["k": "Cost", "v": cost]) }
        if !pattern.provenIn.isEmpty { summary.append(["k": "Proven in", "v": pattern.provenIn.joined(separator: ", ")]) }
        var owner: [String: Any] = ["k": "Owner", "v": guide.owner?.title ?? overview.ownerName(of: pattern)]
        if let ownerPage { owner["href"] = SitePaths.relative(from: page, to: ownerPage) }
        summary.append(owner)
        if let status = pattern.status { summary.append(["k": "Status", "v": status]) }
        if let type = pattern.patternType { summary.append(["k": "Type", "v": type]) }
        if let date = SiteOverview.date(of: pattern) { summary.append(["k": "Last updated", "v": date]) }
        context["summary"] = summary

        if let figureHTML {
            context["diagram"] = figureHTML
        } else if let figure = Self.figure(pattern, services: guide.services, ownerPage: ownerPage, anchors: anchors) {
            switch figure.render(site: site) {
            case .success(let html): context["diagram"] = html
            case .failure(let error): diagnostics.append(error.diagnostic(for: figure.diagram))
            }
        }

        let weakest = guide.weakest
        context["services"] = guide.services.map { service -> [String: Any] in
            var row: [String: Any] = ["name": service.name, "category": service.category ?? "", "isWeakest": service == weakest]
            if let confidence = service.confidence {
                row["value"] = Format.confidence(confidence)
                row["heat"] = Format.heat(confidence)
                row["level"] = Format.level(confidence).rawValue
            }
            if let ownerPage, let anchor = anchors?.serviceByName[service.name] {
                row["href"] = SitePaths.relative(from: page, to: ownerPage + "#" + anchor)
            }
            return row
        }
        context["hasServices"] = !guide.services.isEmpty
        if let weakest, let confidence = weakest.confidence {
            context["weakest"] = ["name": weakest.name, "value": Format.confidence(confidence), "level": Format.level(confidence).rawValue]
        }
        context["whenToUse"] = html(Guide.formatted(pattern.whenToUse, pattern.whenToUseFormatted))
        context["hasWhenToUse"] = !pattern.whenToUse.isEmpty
        context["whenNotToUse"] = html(Guide.formatted(pattern.whenNotToUse, pattern.whenNotToUseFormatted))
        context["hasWhenNotToUse"] = !pattern.whenNotToUse.isEmpty
        context["prerequisites"] = html(Guide.formatted(pattern.prerequisites, pattern.prerequisitesFormatted))
        context["hasPrerequisites"] = !pattern.prerequisites.isEmpty
        if let problem = pattern.problem {
            let facts = [("Scenario", problem.scenario), ("Challenge", problem.challenge), ("Goal", problem.goal), ("Symptoms", problem.symptoms)]
                .compactMap { key, value in value.map { ["k": key, "v": $0] } }
            context["problem"] = facts
            context["hasProblem"] = !facts.isEmpty
        }
        context["steps"] = guide.steps.map { step -> [String: Any] in
            ["title": inline.render(Guide.formatted(step.title, step.titleFormatted)),
             "text": step.text.map { inline.render(Guide.formatted($0, step.textFormatted)) } ?? "", "hasText": !(step.text ?? "").isEmpty,
             "items": html(Guide.formatted(step.items, step.itemsFormatted)), "hasItems": !step.items.isEmpty,
             "code": step.code.map { CodeBlockHTML.render(info: $0.language ?? "", code: $0.code, templates: site.templates) }]
        }
        context["hasSteps"] = !guide.steps.isEmpty
        // A code block written under an entry goes inside that entry; the rest after the list.
        func withCode(_ entries: [String], _ code: [CodeSnippet]) -> (entries: [String], code: [String]) {
            var entries = entries
            var rest: [String] = []
            for snippet in code {
                let block = CodeBlockHTML.render(info: snippet.language ?? "", code: snippet.code, templates: site.templates)
                if let index = snippet.detail, entries.indices.contains(index) { entries[index] += block } else { rest.append(block) }
            }
            return (entries, rest)
        }
        context["bestPractices"] = guide.bestPractices.map { practice -> [String: Any] in
            let (items, code) = withCode(html(Guide.formatted(practice.items, practice.itemsFormatted)), practice.code)
            return ["title": practice.title, "learnedFrom": practice.learnedFrom ?? "", "hasLearnedFrom": !(practice.learnedFrom ?? "").isEmpty,
                    "items": items, "hasItems": !practice.items.isEmpty, "code": code]
        }
        context["commonPatterns"] = guide.commonPatterns.map { common -> [String: Any] in
            // The facts line, joined in the template: only what is there, so no separator dangles.
            let meta = [common.confidence.map { "Confidence " + Format.confidence($0) }, common.usage, common.source]
                .compactMap { $0 }.filter { !$0.isEmpty }
            let (details, code) = withCode(html(Guide.formatted(common.details, common.detailsFormatted)), common.code)
            return ["name": common.name, "meta": meta, "hasMeta": !meta.isEmpty, "details": details, "hasDetails": !common.details.isEmpty,
                    "code": code]
        }
        context["hasKnowledge"] = !guide.bestPractices.isEmpty || !guide.commonPatterns.isEmpty
        context["troubleshooting"] = guide.troubleshooting.map { entry -> [String: Any] in
            let solution = entry.solution.map { inline.render(Guide.formatted($0, entry.solutionFormatted)) }
            return ["problem": entry.problem, "solution": solution ?? entry.resolution.map(\.htmlEscaped) ?? "", "rate": entry.successRate.map(Format.rate) ?? "—"]
        }
        context["hasTroubleshooting"] = !guide.troubleshooting.isEmpty
        if let cost = pattern.cost {
            var view: [String: Any] = ["text": cost.text]
            if cost.parsed, let range = Format.cost(cost) { view["range"] = range }
            view["hasRange"] = view["range"] != nil
            if let qualifier = cost.qualifier, !qualifier.isEmpty { view["qualifier"] = qualifier }
            view["hasQualifier"] = view["qualifier"] != nil
            context["cost"] = view
        }
        context["monitoring"] = html(Guide.formatted(pattern.monitoring, pattern.monitoringFormatted))
        context["hasMonitoring"] = !pattern.monitoring.isEmpty
        context["monitoringNodes"] = guide.monitoringNodes
        context["hasMonitoringNodes"] = !guide.monitoringNodes.isEmpty
        context["rollback"] = html(Guide.formatted(pattern.rollback, pattern.rollbackFormatted))
        context["hasRollback"] = !pattern.rollback.isEmpty
        context["related"] = pattern.relatedPatterns.map { link -> [String: Any] in
            var row: [String: Any] = ["title": link.title, "note": link.note ?? "", "hasNote": !(link.note ?? "").isEmpty]
            if let target = RelatedPatternTarget.resolve(link, of: pattern, overview: overview, links: links) {
                row["href"] = target.href(from: page)
            } else {
                // Leads nowhere in the handbook: what the author wrote, as text.
                row["target"] = link.target ?? ""
                row["hasTarget"] = !(link.target ?? "").isEmpty
            }
            return row
        }
        context["hasRelated"] = !pattern.relatedPatterns.isEmpty
        return (site.templates.render("guide", context), diagnostics)
    }
}
