import DossierModel

/// Finds the pattern a "Related patterns" entry means, so a guide can link to that
/// pattern's guide: by where its link leads (a pattern document, or a profile's heading of
/// an architecture pattern), by the file name of a path written for another repository
/// (`.claude/memory/patterns/x.md`), or by title. Built once per site; guides ask it for
/// every entry.
struct PatternIndex: Sendable {
    /// Pattern ids by the page (and anchor, for profile patterns) that describes them.
    private var bySourcePage: [String: String] = [:]
    /// Pattern-document ids by their file name (`infrastructure-review.md`).
    private var byFileName: [String: String] = [:]
    /// Pattern ids by lowercased title.
    private var byTitle: [String: String] = [:]

    init(patterns: [Pattern], sourcePage: (Pattern) -> String?) {
        for pattern in patterns {
            if let page = sourcePage(pattern), bySourcePage[page] == nil { bySourcePage[page] = pattern.id }
            if pattern.kind == .document, let name = pattern.source.path.split(separator: "/").last.map(String.init), byFileName[name] == nil {
                byFileName[name] = pattern.id
            }
            let title = pattern.title.lowercased()
            if byTitle[title] == nil { byTitle[title] = pattern.id }
        }
    }

    /// The pattern a site page (relative to the root, with its fragment) describes.
    func pattern(atPage page: String) -> String? {
        bySourcePage[page]
    }

    /// A pattern document named by the last part of a path.
    func pattern(fileName path: String) -> String? {
        let name = path.split(separator: "#").first.flatMap { $0.split(separator: "/").last }.map(String.init) ?? ""
        guard name.hasSuffix(".md") else { return nil }
        return byFileName[name]
    }

    /// A pattern with this title, whatever its case.
    func pattern(titled title: String) -> String? {
        byTitle[title.lowercased()]
    }
}
