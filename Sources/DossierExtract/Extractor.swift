import DossierCore
import DossierDiagrams
import DossierMarkdown
import DossierModel

/// One content file read and understood: its Markdown (for the page), its front matter, and
/// the typed model of what it says.
public struct ExtractedDocument: Sendable {
    public var kind: DocumentKind
    public var id: String
    public var title: String
    public var description: String?
    public var template: Bool
    public var frontMatter: FrontMatter
    public var markdown: MarkdownDocument
    public var headings: [MarkdownHeading]
    /// For profiles.
    public var profile: Profile?
    /// A profile's architecture patterns, or the pattern document as a pattern.
    public var patterns: [Pattern]
    /// For plain pages.
    public var page: Page?
    /// Blocks the page shows as pictures (bars, heat tables, stat cards, facts).
    public var regions: [PageRegion]
    /// Fenced code blocks that are diagrams or other Mermaid, by node.
    public var readings: [Int32: BlockReading]
    public var diagnostics: [Diagnostic]
}

/// Turns a file's text into an ``ExtractedDocument``. Extraction is driven by the shapes of
/// headings and lines, never by exact titles, and never drops anything: a section it does
/// not understand stays in the Markdown the page renders.
public enum Extractor {
    /// Anchors the page templates use themselves, kept away from headings.
    public static let reservedAnchors = ["main", "toc-title", "contents", "top", "relations-title", "search-header", "search-header-results", "search-home", "search-home-results"]

    /// - Parameters:
    ///   - text: the decoded file.
    ///   - path: relative to the handbook root, for diagnostics.
    ///   - id: the document's id as the router assigned it (file name slug, or front matter
    ///     `name`).
    public static func extract(text: String, path: String, kind: DocumentKind, id: String, frontMatter: FrontMatter? = nil) -> ExtractedDocument {
        let frontMatter = frontMatter ?? FrontMatter.split(text, path: path)
        let markdown = MarkdownParser.parse(frontMatter.body)
        let headings = markdown.headings(reserving: reservedAnchors)
        var context = ExtractionContext(path: path, document: markdown, headings: headings, frontMatter: frontMatter)
        context.diagnostics += frontMatter.diagnostics
        context.diagnostics += MarkdownHazards.unclosedFences(context)
        context.diagnostics += MarkdownHazards.nestedFences(context)
        context.diagnostics += MarkdownHazards.referenceDefinitionItems(context)

        let fileName = String(path.split(separator: "/").last ?? "").replacingEvery(".md", with: "")
        let title = headings.first { $0.level == 1 }?.text ?? frontMatter["name"] ?? fileName
        let template = fileName.hasSuffix("-template") || fileName == "template" || frontMatter.isTemplate
        var result = ExtractedDocument(kind: kind, id: id, title: title, description: frontMatter["description"], template: template,
                                       frontMatter: frontMatter, markdown: markdown, headings: headings,
                                       profile: nil, patterns: [], page: nil, regions: [], readings: [:], diagnostics: [])
        let source = SourceRef(path: path, line: 1)
        switch kind {
        case .profile:
            var profile = ProfileAssembler(id: id, title: title, fileName: fileName).assemble(&context)
            profile.source = source
            profile.template = template
            result.description = profile.description
            let diagrams = DiagramExtraction(&context, services: profile.services.map(\.name))
            profile.diagrams = diagrams.diagrams
            result.readings = diagrams.readings
            let patterns = ArchitecturePatternExtractor(profileID: id).extract(&context)
            profile.patterns = patterns.map(\.id)
            result.patterns = patterns.map { pattern in
                var pattern = pattern
                pattern.template = template
                pattern.diagram = diagrams.diagram(startingOn: pattern.diagramBlock?.line)
                pattern.services = Self.services(of: pattern.diagram)
                return pattern
            }
            result.profile = profile
        case .pattern:
            var pattern = PatternDocumentExtractor(id: id, title: title).extract(&context)
            let diagrams = DiagramExtraction(&context, services: [])
            result.readings = diagrams.readings
            pattern.diagrams = diagrams.diagrams
            pattern.diagram = diagrams.diagram(startingOn: pattern.diagramBlock?.line) ?? diagrams.diagrams.first
            pattern.template = template
            pattern.frontMatter = frontMatter.values
            pattern.sections = context.sections.tree
            pattern.scores = ScoreScanner(document: markdown, sections: context.sections).scan()
            pattern.description = frontMatter["description"] ?? pattern.problem?.scenario ?? pattern.problem?.goal ?? firstParagraph(context)
            result.description = pattern.description
            result.patterns = [pattern]
        case .page:
            result.readings = DiagramExtraction(&context, services: []).readings
            let description = frontMatter["description"] ?? firstParagraph(context)
            result.description = description
            result.page = Page(id: id, title: title, description: description, frontMatter: frontMatter.values, source: source,
                               sections: context.sections.tree)
        }
        result.regions = context.regions
        result.diagnostics = context.diagnostics
        return result
    }

    /// The distinct services a diagram's nodes stand for, in the order they appear.
    static func services(of diagram: Diagram?) -> [String] {
        var seen = Set<String>()
        return (diagram?.nodes ?? []).compactMap(\.service).filter { seen.insert($0).inserted }
    }

    /// The first paragraph of the document that is not a `**Key**: value` line.
    static func firstParagraph(_ context: ExtractionContext) -> String? {
        for block in context.document.children(of: context.document.root) where context.document[block].kind == .paragraph {
            let lines = context.document.inlineLines(of: block)
            if lines.allSatisfy({ !MarkdownDocument.labelParts(of: $0).isEmpty }) { continue }
            let text = lines.map { $0.text.trimmingSpaces }.joined(separator: " ")
            if !text.isEmpty { return text }
        }
        return nil
    }
}

/// Puts a profile together from the section readers.
struct ProfileAssembler {
    let id: String
    let title: String
    let fileName: String

    func assemble(_ context: inout ExtractionContext) -> Profile {
        var profile = Profile(id: id, title: title, source: SourceRef(path: context.path, line: 1))
        profile.frontMatter = context.frontMatter.values
        profile.role = role(context)
        profile.description = context.frontMatter["description"] ?? profile.role
        profile.responsibilities = context.sections(titled: ["core responsibilities", "responsibilities", "key responsibilities"])
            .flatMap { context.document.listItems(in: context.sections[$0].blocks) }
            .map { context.document.headText(of: $0) }
        (profile.tiers, profile.capabilities) = TierExtractor.extract(&context)
        profile.services = ServiceExtractor.extract(&context)
        profile.metrics = MetricsExtractor.extract(&context)
        profile.knowledge = KnowledgeExtractor.extract(&context)
        profile.troubleshooting = TroubleshootingExtractor.extract(&context)
        let selfNames: Set<String> = [id, Slug.make(title), Slug.make(fileName), context.frontMatter["name"].map { Slug.make($0) } ?? id]
        let heads = ItemHeads(context.document)
        profile.relations = RelationExtractor(selfNames: selfNames).extract(context, heads: heads)
        profile.scores = ScoreScanner(document: context.document, sections: context.sections, heads: heads).scan()
        profile.sections = context.sections.tree
        return profile
    }

    /// The first paragraph of the role section (`Role & Expertise`, `Role`, `Expertise`,
    /// `Core Expertise`), else of the text before the first section.
    func role(_ context: ExtractionContext) -> String? {
        let names: Set<String> = ["expertise", "core expertise", "your role", "about", "overview"]
        let candidates = context.sections.sections { entry in
            let title = TitleMatch.normalized(entry.title)
            return title.hasPrefix("role") || names.contains(title)
        }
        for section in candidates {
            for block in context.sections[section].blocks where context.document[block].kind == .paragraph {
                return context.document.flatText(of: block)
            }
        }
        let preamble = context.sections[0].blocks + (context.sections.sections { $0.level == 1 }.first.map { context.sections[$0].blocks } ?? [])
        for block in preamble where context.document[block].kind == .paragraph {
            return context.document.flatText(of: block)
        }
        return nil
    }
}
