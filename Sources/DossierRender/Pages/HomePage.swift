import DossierModel

/// Renders the home page: the handbook's title and description, the optional introduction
/// from `content/index.md`, and the documents grouped by kind.
public struct HomePage {
    public var records: [DocumentRecord]
    /// HTML of `content/index.md`, when the handbook has one.
    public var introHTML: String

    public init(records: [DocumentRecord], introHTML: String) {
        self.records = records
        self.introHTML = introHTML
    }

    public func render(chrome: PageChrome, templates: TemplateSet) -> String {
        var context = chrome.context(page: "", title: chrome.site.title, description: chrome.site.description)
        context["intro"] = introHTML
        var groups: [[String: Any]] = []
        for (kind, title) in [(DocumentKind.profile, "Profiles"), (.pattern, "Patterns"), (.page, "Pages")] {
            let members = records.filter { $0.kind == kind && !$0.page.isEmpty }
            guard !members.isEmpty else { continue }
            groups.append([
                "id": kind.rawValue,
                "title": title,
                "documents": members.map { record -> [String: Any] in
                    ["title": record.title, "href": SitePaths.relative(from: "", to: record.page), "summary": record.summary]
                },
            ])
        }
        context["groups"] = groups
        return templates.render("home", context)
    }
}
