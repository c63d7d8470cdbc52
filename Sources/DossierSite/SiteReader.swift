import DossierCore
import DossierModel
import Foundation

/// Loads and extracts a handbook without rendering or writing anything: what `dossier check`
/// and `dossier export` run.
public struct SiteReader: Sendable {
    public var root: URL
    public var width: Int = ProcessInfo.processInfo.activeProcessorCount

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func read() async -> SiteModel {
        let handbook = await HandbookLoader.load(root: root, width: width)
        let directory = handbook.directory
        let links = handbook.links
        let results = await concurrentMap(handbook.routes, width: width) { DocumentBuild.run($0, directory: directory, links: links, output: nil) }
        return SiteModel.assemble(config: handbook.config, results: results, diagnostics: handbook.diagnostics)
    }
}

extension SiteModel {
    /// Gathers per-document results, in file order, into the site's model.
    static func assemble(config: SiteConfig, results: [DocumentResult], diagnostics: [Diagnostic]) -> SiteModel {
        var model = SiteModel(config: config, diagnostics: diagnostics)
        for result in results {
            model.diagnostics += result.diagnostics
            if let profile = result.profile { model.profiles.append(profile) }
            model.patterns += result.patterns
            if let page = result.page { model.pages.append(page) }
        }
        model.diagnostics += Self.guideChecks(model)
        model.diagnostics.sort()
        return model
    }

    /// Every published pattern gets a deployment guide; one whose source documents no
    /// rollback gets a guide that says so, and a warning here.
    static func guideChecks(_ model: SiteModel) -> [Diagnostic] {
        model.publishedPatterns.filter(\.rollback.isEmpty).map { pattern in
            .warning("guide.no-rollback",
                     "pattern ‘\(pattern.title)’ documents no rollback procedure; its deployment guide says so (add a **Rollback**: list or a “Rollback” section)",
                     at: SourceLocation(path: pattern.source.path, line: pattern.source.line))
        }
    }
}
