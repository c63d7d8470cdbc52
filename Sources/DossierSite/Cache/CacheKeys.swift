import Crypto
import DossierCore
import DossierModel
import DossierRender
import Foundation

/// A SHA-256 over a sequence of fields, each prefixed by its length so that no two different
/// sequences hash the same bytes (`"ab","c"` and `"a","bc"` differ).
struct KeyHasher {
    private var hash = SHA256()

    mutating func add(_ text: String) {
        add(Array(text.utf8))
    }

    mutating func add(_ bytes: [UInt8]) {
        var count = UInt64(bytes.count).littleEndian
        withUnsafeBytes(of: &count) { hash.update(bufferPointer: $0) }
        hash.update(data: bytes)
    }

    mutating func add(_ number: Int) {
        add(String(number))
    }

    /// The digest as 64 lowercase hex digits.
    func finish() -> String {
        hash.finalize().map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
        }.joined()
    }

    static func digest(_ fields: String...) -> String {
        var hasher = KeyHasher()
        for field in fields { hasher.add(field) }
        return hasher.finish()
    }
}

/// What decides whether something a previous build made can be used again.
///
/// A document's page depends on its own text and on a few things about the whole site: the
/// configuration, the templates, and every document's identity (path, id, page, title and
/// names), which decide links, navigation, relation targets and titles shown on other pages.
/// Those go into the *site key*; a document's own text into its *document key*. A page is
/// reused only when both match. Changing a title or adding a document changes the site key and
/// every page is rendered again: conservative, and always correct.
enum CacheKeys {
    /// Dossier's version and the identity of the running executable: a rebuilt binary, whose
    /// extraction or rendering may differ, never trusts what another binary cached.
    static let toolIdentity: String = {
        var hasher = KeyHasher()
        hasher.add(DossierVersion.name)
        hasher.add(DossierVersion.current)
        hasher.add(BuildCache.format)
        #if os(Linux)
        let executable = "/proc/self/exe"
        #else
        let executable = CommandLine.arguments.first ?? ""
        #endif
        var info = stat()
        if stat(executable, &info) == 0 {
            hasher.add(Int(info.st_size))
            #if os(Linux)
            hasher.add(Int(info.st_mtim.tv_sec))
            hasher.add(Int(info.st_mtim.tv_nsec))
            hasher.add(Int(info.st_ino))
            #else
            hasher.add(Int(info.st_mtimespec.tv_sec))
            hasher.add(Int(info.st_mtimespec.tv_nsec))
            #endif
        }
        return hasher.finish()
    }()

    static func site(config: SiteConfig, templates: TemplateSet, routes: [Route], statics: [StaticFile]) -> String {
        var hasher = KeyHasher()
        hasher.add(toolIdentity)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        hasher.add((try? encoder.encode(config)).map { Array($0) } ?? [])
        for (name, bytes) in templates.files.sorted(by: { $0.key < $1.key }) {
            hasher.add(name)
            hasher.add(bytes)
        }
        hasher.add(routes.count)
        for route in routes {
            hasher.add(route.file.path)
            hasher.add(route.file.kind.rawValue)
            hasher.add(route.id)
            hasher.add(route.page)
            hasher.add(route.title)
            hasher.add(route.frontMatter.values["name"]?.text ?? "")
        }
        hasher.add(statics.count)
        for file in statics { hasher.add(file.sitePath) }
        return hasher.finish()
    }

    /// The document's text and identity, and the site key: a document entry is only ever
    /// used in the site it was made for.
    static func document(_ route: Route, siteKey: String) -> String {
        var hasher = KeyHasher()
        hasher.add(siteKey)
        hasher.add(route.file.path)
        hasher.add(route.file.kind.rawValue)
        hasher.add(route.id)
        hasher.add(route.page)
        hasher.add(route.textDigest)
        return hasher.finish()
    }

    /// Everything the aggregate pages are made from: the site, every document (by key, in
    /// order), and the diagnostics found before documents were read.
    static func aggregates(siteKey: String, documentKeys: [String], diagnostics: [Diagnostic]) -> String {
        var hasher = KeyHasher()
        hasher.add(siteKey)
        hasher.add(documentKeys.count)
        for key in documentKeys { hasher.add(key) }
        for diagnostic in diagnostics.sorted() { hasher.add(diagnostic.description) }
        return hasher.finish()
    }

    /// A deployment guide is made from its pattern (its document's text), the profile that
    /// owns it (whose matrix, knowledge and troubleshooting it quotes), the site, and the
    /// handbook's list of patterns (related patterns link to their guides). When none of
    /// these changed, the guide's files are kept: editing one profile renders its own
    /// guides again, not every guide of the handbook.
    static func guides(siteKey: String, routes: [Route], documentKeys: [String], patterns: [Pattern]) -> [String: String] {
        var byPath: [String: String] = [:]
        var byProfile: [String: String] = [:]
        for (route, key) in zip(routes, documentKeys) {
            byPath[route.file.path] = key
            if route.file.kind == .profile { byProfile[route.id] = key }
        }
        var catalogue = KeyHasher()
        for pattern in patterns {
            for field in [pattern.id, pattern.title, pattern.profile ?? "", pattern.document ?? "", pattern.source.path] { catalogue.add(field) }
        }
        let patternsKey = catalogue.finish()
        var keys: [String: String] = [:]
        for pattern in patterns {
            var hasher = KeyHasher()
            hasher.add(siteKey)
            hasher.add(patternsKey)
            hasher.add(pattern.id)
            hasher.add(byPath[pattern.source.path] ?? "")
            // The owner: the profile named, or the first relation that resolves to one.
            let owners = [pattern.profile].compactMap { $0 } + pattern.relations.compactMap(\.targetID)
            for owner in owners { hasher.add(byProfile[owner] ?? "") }
            keys[pattern.id] = hasher.finish()
        }
        return keys
    }
}

