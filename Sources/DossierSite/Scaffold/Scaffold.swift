import DossierRender

/// Files to add to a handbook: what `dossier init` and `dossier new` write.
///
/// A scaffold is a plan, made without touching the disk; ``write(to:)`` carries it out all
/// or nothing, never replacing a file that exists.
public struct Scaffold: Sendable, Hashable {
    /// One file to create, by path relative to the handbook folder (`/`-separated).
    public struct File: Sendable, Hashable {
        public var path: String
        public var bytes: [UInt8]

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }

        init(path: String, text: String) {
            self.init(path: path, bytes: Array(text.utf8))
        }
    }

    /// What `dossier new` adds.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case profile, pattern

        /// The folder under `content/` documents of this kind live in.
        public var folder: String { "content/\(rawValue)s" }
    }

    public var files: [File]

    public init(files: [File]) {
        self.files = files
    }

    /// The id of the example documents `dossier init` writes.
    public static let exampleID = "example"

    /// A new handbook: `dossier.yml`, `.gitignore`, an example profile and an example pattern
    /// document that name each other, and with `templates`, a copy of every built-in template
    /// under `templates/` to customise.
    public static func handbook(templates: Bool = false) -> Scaffold {
        let name = ScaffoldName(title: "Example", slug: exampleID)
        var files = [
            File(path: "dossier.yml", text: HandbookSettings.configuration),
            File(path: ".gitignore", text: HandbookSettings.gitignore),
            document(.profile, name: name, companion: exampleID),
            document(.pattern, name: name, companion: exampleID),
        ]
        if templates {
            files += TemplateSet.builtIn.keys.sorted().map { File(path: "templates/\($0)", bytes: TemplateSet.builtIn[$0]!) }
        }
        return Scaffold(files: files)
    }

    /// One profile or pattern document named `name`, at `content/<kind>s/<slug>.md`.
    ///
    /// `dossier new` passes no companion: the new document then links to nothing that may
    /// not exist, so it checks clean in any handbook.
    public static func newDocument(_ kind: Kind, name: ScaffoldName, companion: String? = nil) -> Scaffold {
        Scaffold(files: [document(kind, name: name, companion: companion)])
    }

    static func document(_ kind: Kind, name: ScaffoldName, companion: String?) -> File {
        let text = switch kind {
        case .profile: ExampleProfile.markdown(title: name.title, slug: name.slug, companion: companion)
        case .pattern: ExamplePattern.markdown(title: name.title, slug: name.slug, companion: companion)
        }
        return File(path: "\(kind.folder)/\(name.slug).md", text: text)
    }
}
