/// What a rebuild changed in the served site, and so which open pages must reload.
public struct SiteChanges: Sendable, Equatable {
    /// Site paths that were added, changed or removed, sorted.
    public var paths: [String]
    /// Every open page should reload, not only those whose own file changed: something all
    /// pages share changed (a template, `dossier.yml`, a stylesheet, a script, an image),
    /// or which pages changed cannot be known.
    public var reloadsEveryPage: Bool

    public init(paths: [String], reloadsEveryPage: Bool) {
        self.paths = paths
        self.reloadsEveryPage = reloadsEveryPage
    }

    public static let none = SiteChanges(paths: [], reloadsEveryPage: false)

    public var isEmpty: Bool { paths.isEmpty && !reloadsEveryPage }

    /// The changed pages, by the folder readers see in the address bar (`profiles/a/`).
    public var pages: [String] {
        paths.filter { $0.hasSuffix(".html") }.map { $0.hasSuffix("index.html") ? String($0.dropLast("index.html".count)) : $0 }
    }
}

extension SiteChanges {
    /// The changes from one snapshot to the next, by comparing each path's hash.
    ///
    /// This is the only place changes are worked out: when `BuildReport` lists the files a
    /// build wrote differently, that list replaces this diff and nothing else changes.
    static func between(_ old: SiteSnapshot, _ new: SiteSnapshot, sources: ChangeBatch?) -> SiteChanges {
        var paths: [String] = []
        for (path, file) in new.files where old.files[path]?.hash != file.hash { paths.append(path) }
        for path in old.files.keys where new.files[path] == nil { paths.append(path) }
        paths.sort()
        guard !paths.isEmpty || old.mount != new.mount else { return .none }
        let everyPage = old.mount != new.mount
            || sources?.touchesEveryPage == true
            || paths.contains { isSharedByPages($0) }
        return SiteChanges(paths: paths, reloadsEveryPage: everyPage)
    }

    /// Whether pages embed this kind of file (a stylesheet, a script, a picture, a font), so
    /// that any page may look different when it changes. The export (`data/`), Markdown
    /// guides and the sitemap are read by people and programs, not embedded in pages; nor
    /// is the search index, a script only so that search works from `file://`, which pages
    /// load when someone searches (it changes with most edits, and reloading every page
    /// for it would make every edit a full reload).
    static func isSharedByPages(_ path: String) -> Bool {
        guard path != "search-index.js", let dot = path.lastIndex(of: ".") else { return false }
        return embeddedExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    static let embeddedExtensions: Set<String> = [
        "css", "js", "mjs", "svg", "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "woff", "woff2", "ttf", "otf",
    ]
}
