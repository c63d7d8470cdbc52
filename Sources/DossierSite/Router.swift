import DossierCore
import DossierExtract
import DossierModel
import DossierRender

/// A readable document with its identity and its place in the site.
struct Route: Sendable {
    var file: ContentFile
    var id: String
    /// The page's folder: `profiles/aws-expert/`; empty for `content/index.md`, which
    /// becomes the home page's introduction.
    var page: String
    /// A label for navigation, before the file is parsed.
    var title: String
    var text: String
    /// The SHA-256 of `text` (`Identified.digest`).
    var textDigest: String
    var frontMatter: FrontMatter
}

/// Gives each document an id and a page folder: front matter `name` wins over the file name
/// unless another document already has that id; no two documents may claim one page, and
/// no page may take a folder the generator uses.
enum Router {
    static func assign(_ documents: [Identified]) -> (routes: [Route], directory: ProfileDirectory, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let readable = documents.filter { $0.text != nil }

        // Which id each document asks for; a front matter name that two documents share goes
        // to the one whose file name matches it (else the first), the other keeps its file name.
        var wanted: [String] = readable.map { document in
            guard document.file.kind != .page, let name = document.frontMatter?["name"], !name.isEmpty else { return Slug.make(document.fileName) }
            return Slug.make(name)
        }
        let fileIDs = readable.map { Slug.make($0.fileName) }
        var byID: [String: [Int]] = [:]
        for (i, id) in wanted.enumerated() where readable[i].file.kind != .page { byID["\(readable[i].file.kind.rawValue)/\(id)", default: []].append(i) }
        for (_, indices) in byID where indices.count > 1 {
            let keeper = indices.first { fileIDs[$0] == wanted[$0] } ?? indices[0]
            for i in indices where i != keeper && wanted[i] != fileIDs[i] {
                diagnostics.append(.warning(
                    "document.duplicate-name",
                    "front matter name ‘\(readable[i].frontMatter?["name"] ?? "")’ is already the id of \(readable[keeper].file.path); this document keeps its file name id ‘\(fileIDs[i])’",
                    at: SourceLocation(path: readable[i].file.path, line: 2)))
                wanted[i] = fileIDs[i]
            }
        }

        var routes: [Route] = []
        var directory = ProfileDirectory()
        var claimed: [String: String] = [:]  // page → source path
        for (i, document) in readable.enumerated() {
            let file = document.file
            var (id, segments) = identity(of: file, id: wanted[i])
            let location = SourceLocation(path: file.path, line: 1)
            if file.kind == .page, let first = segments.first, SitePaths.reserved.contains(first) {
                diagnostics.append(.error("document.reserved-path",
                                          "‘\(first)/’ is used by the generated site; this page is published as ‘\(first)-page/’ — rename or move the file",
                                          at: location))
                segments[0] = first + "-page"
                id = segments.joined(separator: "-")
            }
            var page = SitePaths.pagePath(forSegments: segments)
            if let first = claimed[page] {
                var n = 2
                while claimed[SitePaths.pagePath(forSegments: segments.dropLast() + ["\(segments.last ?? id)-\(n)"])] != nil { n += 1 }
                let renamed = segments.dropLast() + ["\(segments.last ?? id)-\(n)"]
                diagnostics.append(.error("document.duplicate-id",
                                          "another document already has the id ‘\(id)’ (\(first)); this one is published as ‘\(renamed.last!)’ — rename one of the files",
                                          at: location))
                id = "\(id)-\(n)"
                segments = Array(renamed)
                page = SitePaths.pagePath(forSegments: segments)
            }
            claimed[page] = file.path
            let title = document.quickTitle ?? document.frontMatter?["name"] ?? document.fileName
            if file.kind == .profile {
                // `data-architect` names `data-architect-role.md` as readers expect.
                let base = document.fileName.hasSuffix("-role") ? String(document.fileName.dropLast(5)) : document.fileName
                directory.register(id: id, names: [document.fileName, title, document.frontMatter?["name"] ?? id, base])
            }
            routes.append(Route(file: file, id: id, page: page, title: title, text: document.text!, textDigest: document.digest,
                                frontMatter: document.frontMatter ?? FrontMatter.split(document.text!, path: file.path)))
        }
        // Two profiles with one title look like one in every list, card and graph.
        var titled: [String: Route] = [:]
        for route in routes where route.file.kind != .page {
            let key = "\(route.file.kind.rawValue)/\(route.title.lowercased())"
            if let first = titled[key] {
                diagnostics.append(.warning("document.duplicate-title",
                                            "\(first.file.path) has the same title ‘\(route.title)’; readers will not tell the two apart in lists and the graph — give one a distinct # heading",
                                            at: SourceLocation(path: route.file.path, line: 1)))
            } else {
                titled[key] = route
            }
        }
        return (routes, directory, diagnostics)
    }

    /// A document's page folder segments. Profiles and patterns live under their kind's
    /// folder by id (`profiles/team/aws-expert.md` → `profiles/aws-expert/`); plain pages
    /// keep their folders (`docs/setup.md` → `docs/setup/`, `docs/index.md` → `docs/`).
    static func identity(of file: ContentFile, id: String) -> (id: String, segments: [String]) {
        switch file.kind {
        case .profile:
            return (id, ["profiles", id])
        case .pattern:
            return (id, ["patterns", id])
        case .page:
            let parts = file.path.split(separator: "/").dropFirst()  // drop "content"
            let name = String(parts.last!.dropLast(3))
            var segments = parts.dropLast().map { Slug.make($0) }
            if name != "index" { segments.append(Slug.make(name)) }
            return (segments.isEmpty ? "index" : segments.joined(separator: "-"), segments)
        }
    }
}
