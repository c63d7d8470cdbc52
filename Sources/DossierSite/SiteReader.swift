import DossierCore
import DossierModel
import DossierRender
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
        model.diagnostics += Self.anchorChecks(results)
        model.diagnostics.sort()
        return model
    }

    /// Links to `#section` anchors that no heading (or capability, or service) of the target
    /// document has: warnings at the line that wrote them.
    static func anchorChecks(_ results: [DocumentResult]) -> [Diagnostic] {
        brokenAnchorLinks(results).map { link in
            .warning("link.missing-anchor", "link to ‘\(link.url)’: \(link.source) has no section ‘\(link.fragment)’", at: link.location)
        }
    }

    /// Links into sections of other documents that those documents do not have. Only the
    /// documents linked into have their anchors gathered: `serve` asks this after every
    /// edit, and a profile's anchors (its services and capabilities) take a while to make.
    static func brokenAnchorLinks(_ results: [DocumentResult]) -> [DocumentPage.AnchorLink] {
        let links = results.flatMap(\.anchorLinks).filter { $0.fragment != "top" }
        guard !links.isEmpty else { return [] }
        let targets = Set(links.map(\.source))
        var anchors: [String: Set<String>] = [:]
        for result in results {
            guard let record = result.record, targets.contains(record.source.path) else { continue }
            var ids = Set(record.outline.map(\.id))
            if let profile = result.profile {
                let profileAnchors = ProfileAnchors(profile)
                ids.formUnion(profileAnchors.services.values)
                ids.formUnion(profileAnchors.capabilities.values)
            }
            anchors[record.source.path] = ids
        }
        return links.filter { link in
            guard let ids = anchors[link.source] else { return false }
            return !ids.contains(link.fragment)
        }
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
