import DossierCore
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
}

/// Gives each document an id and a page folder, and makes sure no two documents claim the
/// same page and no page takes a folder the generator uses.
enum Router {
    static func assign(_ documents: [Identified]) -> ([Route], [Diagnostic]) {
        var routes: [Route] = []
        var diagnostics: [Diagnostic] = []
        var claimed: [String: String] = [:]  // page → source path
        for document in documents {
            guard let text = document.text else { continue }
            let file = document.file
            var (id, segments) = identity(of: file)
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
            let fileName = String(file.path.split(separator: "/").last ?? "")
            routes.append(Route(file: file, id: id, page: page,
                                title: document.quickTitle ?? String(fileName.dropLast(3)), text: text))
        }
        return (routes, diagnostics)
    }

    /// A document's id and page folder segments. Profiles and patterns are identified by
    /// their file name (`profiles/team/aws-expert.md` → `aws-expert`); plain pages keep their
    /// folders (`docs/setup.md` → `docs/setup/`, `docs/index.md` → `docs/`).
    static func identity(of file: ContentFile) -> (id: String, segments: [String]) {
        let parts = file.path.split(separator: "/").dropFirst()  // drop "content"
        let name = String(parts.last!.dropLast(3))
        switch file.kind {
        case .profile:
            let id = Slug.make(name)
            return (id, ["profiles", id])
        case .pattern:
            let id = Slug.make(name)
            return (id, ["patterns", id])
        case .page:
            var segments = parts.dropLast().map { Slug.make($0) }
            if name != "index" { segments.append(Slug.make(name)) }
            return (segments.isEmpty ? "index" : segments.joined(separator: "-"), segments)
        }
    }
}
