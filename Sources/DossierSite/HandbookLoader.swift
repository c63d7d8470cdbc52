import DossierCore
import DossierExtract
import DossierModel
import DossierRender
import Foundation

/// The handbook as found on disk, before its documents are extracted: the first stage that
/// `build`, `check` and `export` share.
struct LoadedHandbook: Sendable {
    var config: SiteConfig
    var templates: TemplateSet
    var routes: [Route]
    var statics: [StaticFile]
    var directory: ProfileDirectory
    var diagnostics: [Diagnostic]
    /// `false` when there is no `content/` folder: nothing else can happen.
    var hasContent: Bool

    /// Resolves links between documents to their pages.
    var links: LinkResolver {
        LinkResolver(pages: Dictionary(uniqueKeysWithValues: routes.map { ($0.file.path, $0.page) }), files: Set(statics.map(\.sitePath)))
    }
}

enum HandbookLoader {
    /// Reads `dossier.yml` and the templates, finds the content, reads and decodes every file
    /// (in parallel) and gives each document its id and page. Files `sources` holds as
    /// they are on disk are not read again.
    static func load(root: URL, width: Int, sources: SourceMemo? = nil) async -> LoadedHandbook {
        var diagnostics: [Diagnostic] = []
        let (config, configDiagnostics) = ConfigLoader.load(root: root)
        diagnostics += configDiagnostics
        let (templates, templateDiagnostics) = TemplateSet.load(overrides: root.appendingPathComponent("templates"))
        diagnostics += templateDiagnostics

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            diagnostics.append(.error("content.missing", "no content/ folder in \(root.path): put the handbook's Markdown files there", at: nil))
            return LoadedHandbook(config: config, templates: templates, routes: [], statics: [], directory: ProfileDirectory(),
                                  diagnostics: diagnostics, hasContent: false)
        }
        let (files, statics) = ContentScanner.scan(root: root)
        let identified = await concurrentMap(files, width: width) { Identified.read($0, memo: sources) }
        sources?.keepOnly(Set(files.map(\.path)))
        for item in identified { diagnostics += item.diagnostics }
        let (routes, directory, routeDiagnostics) = Router.assign(identified)
        diagnostics += routeDiagnostics
        return LoadedHandbook(config: config, templates: templates, routes: routes, statics: statics, directory: directory,
                              diagnostics: diagnostics, hasContent: true)
    }
}
