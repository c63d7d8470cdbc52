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
        /// A list of lines (`.gitignore`) that, when the file exists, is added to it: the
        /// lines it lacks are appended and the rest is kept as it is.
        public var addsMissingLines = false

        public init(path: String, bytes: [UInt8], addsMissingLines: Bool = false) {
            self.path = path
            self.bytes = bytes
            self.addsMissingLines = addsMissingLines
        }

        init(path: String, text: String, addsMissingLines: Bool = false) {
            self.init(path: path, bytes: Array(text.utf8), addsMissingLines: addsMissingLines)
        }

        /// `existing` with the lines of this file it lacks appended, under this file's
        /// comments; `nil` when it lacks none. Ignore patterns match with or without a
        /// leading or trailing `/` (`/site` ignores what `site/` does, and more).
        func adding(to existing: [UInt8]) -> [UInt8]? {
            func key(_ line: Substring) -> Substring {
                var line = line.drop { $0 == " " || $0 == "\t" }
                while line.last == " " || line.last == "\t" || line.last == "\r" { line = line.dropLast() }
                if line.first == "/" { line = line.dropFirst() }
                if line.last == "/" { line = line.dropLast() }
                return line
            }
            let present = Set(String(decoding: existing, as: UTF8.self).split(separator: "\n").map(key))
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            let missing = lines.filter { !$0.hasPrefix("#") && !key($0).isEmpty && !present.contains(key($0)) }
            guard !missing.isEmpty else { return nil }
            var merged = existing
            if let last = merged.last, last != UInt8(ascii: "\n") { merged.append(UInt8(ascii: "\n")) }
            if !merged.isEmpty { merged.append(UInt8(ascii: "\n")) }
            for comment in lines where comment.hasPrefix("#") { merged += Array(comment.utf8) + [UInt8(ascii: "\n")] }
            for line in missing { merged += Array(line.utf8) + [UInt8(ascii: "\n")] }
            return merged
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

    /// A new handbook: `dossier.yml`, `.gitignore` (or the lines an existing one lacks), an
    /// example profile and an example pattern document that name each other, and with
    /// `templates`, a copy of every built-in template under `templates/` to customise.
    public static func handbook(templates: Bool = false) -> Scaffold {
        let name = ScaffoldName(title: "Example", slug: exampleID)
        var files = [
            File(path: "dossier.yml", text: HandbookSettings.configuration),
            File(path: ".gitignore", text: HandbookSettings.gitignore, addsMissingLines: true),
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
