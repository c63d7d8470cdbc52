import Benchmark
import DossierBenchSupport
import DossierExtract
import DossierGraphviz
import DossierMarkdown
import DossierRender

/// Rendering the seed profile's page from its extracted document, as `dossier build` does
/// after extraction: the regions (capability bars, service tables, stat cards, diagrams),
/// the Markdown body with anchors and resolved links, and the Mustache `profile` template
/// inside `base`. Also the Mustache template alone, with a context of the same shape and a
/// body rendered beforehand, and loading the built-in templates (once per build).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3, maxDuration: .seconds(2), maxIterations: 2_000)

    let extracted = Fixtures.extractSeed()
    let record = Fixtures.record(extracted, page: Fixtures.seedPage, path: Fixtures.seedPath)
    let links = Fixtures.links(extracted, record: record)
    guard let profile = extracted.profile else { fatalError("the seed did not extract as a profile") }
    let page = ProfilePage(extracted: extracted, profile: profile, patterns: extracted.patterns, record: record, links: links)

    // One renderer for every iteration, as in a build: the seed's diagrams are laid out
    // during warm-up and come from the cache afterwards.
    let site = Fixtures.site()
    Benchmark("Render seed profile page (diagram layouts cached)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(page.render(site: site))
        }
    }

    // A new Graphviz renderer each time: the page's diagrams are laid out again.
    Benchmark("Render seed profile page (diagrams laid out, new renderer)") { benchmark in
        var fresh = site
        fresh.graphviz = GraphvizRenderer()
        benchmark.startMeasurement()
        blackHole(page.render(site: fresh))
    }

    // The Mustache part alone: `profile` inside `base`, header, toc and footer partials.
    let context = mustacheContext(extracted)
    Benchmark("Mustache profile template only (body pre-rendered)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Fixtures.templates.render("profile", context))
        }
    }

    Benchmark("Load built-in templates (TemplateSet.load)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(TemplateSet.load(overrides: nil))
        }
    }
}

/// A context shaped like the one `ProfilePage` builds (`PageChrome.context` is internal),
/// with the body as the Markdown renderer's HTML of the seed.
func mustacheContext(_ extracted: ExtractedDocument) -> [String: Any] {
    let nav: [[String: Any]] = PageChrome.standardNavigation.map { ["title": $0.title, "href": "../../" + $0.page, "current": false] }
    var toc: [[String: Any]] = []
    for heading in extracted.headings where heading.level == 2 || heading.level == 3 {
        if heading.level == 2 || toc.isEmpty {
            toc.append(["text": heading.text, "id": heading.anchor, "children": [[String: Any]](), "hasChildren": false])
        } else {
            var children = toc[toc.count - 1]["children"] as! [[String: Any]]
            children.append(["text": heading.text, "id": heading.anchor])
            toc[toc.count - 1]["children"] = children
            toc[toc.count - 1]["hasChildren"] = true
        }
    }
    let profile = extracted.profile
    return [
        "site": ["title": "Benchmark Handbook", "description": "", "baseURL": ""] as [String: Any],
        "root": "../../", "pageTitle": extracted.title, "description": profile?.description ?? "",
        "generator": "Dossier", "nav": nav, "ogType": "profile",
        "title": extracted.title, "kind": "profile", "source": Fixtures.seedPath,
        "facts": [[String: Any]](),
        "tiers": (profile?.tiers ?? []).map { ["title": $0.title, "level": $0.level.rawValue, "count": 7] as [String: Any] },
        "hasTiers": true, "relations": [[String: Any]](), "hasRelations": false,
        "patterns": extracted.patterns.map { ["title": $0.title, "href": "../../guides/\($0.id)/"] },
        "toc": toc, "hasToc": true,
        "body": HTMLRenderer(document: extracted.markdown).render(),
    ]
}
