import DossierCore
import DossierMustache
import Foundation

/// The Mustache templates and static assets a site is rendered with: the built-in defaults
/// (the repository's `templates/` folder, embedded at build time), with any file of the same
/// name in the handbook's own `templates/` folder taking its place.
///
/// `*.mustache` files are templates, named by their path without the extension (`profile`,
/// `partials/toc`); every other file is an asset copied into the site at the same path
/// (`assets/dossier.css`).
public struct TemplateSet: Sendable {
    public let library: TemplateLibrary
    /// Asset files by site path.
    public let assets: [String: [UInt8]]
    /// Files the handbook's `templates/` folder supplied, sorted.
    public let overridden: [String]
    /// The template and asset sources by file name, for `dossier init --templates`.
    public let files: [String: [UInt8]]

    /// The page templates the generator renders; each must exist.
    public static let required = ["home", "profile", "pattern", "page", "404"]

    /// The built-in files, decoded once.
    public static let builtIn: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for entry in EmbeddedTemplates.base64 {
            files[entry.name] = Data(base64Encoded: entry.data).map { Array($0) } ?? []
        }
        return files
    }()

    /// Loads the built-in templates overlaid with the files under `overrides` (when it
    /// exists). A template that does not parse is an error at its line and column, and the
    /// built-in one of the same name is used instead.
    public static func load(overrides: URL?, displayPrefix: String = "templates") -> (TemplateSet, [Diagnostic]) {
        var files = builtIn
        var overridden: [String] = []
        var diagnostics: [Diagnostic] = []
        if let overrides, let custom = readFolder(overrides) {
            for (name, bytes) in custom {
                files[name] = bytes
                overridden.append(name)
            }
        }
        overridden.sort()

        var library = TemplateLibrary()
        var assets: [String: [UInt8]] = [:]
        for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
            guard name.hasSuffix(".mustache") else {
                assets[name] = bytes
                continue
            }
            let templateName = String(name.dropLast(".mustache".count))
            let path = "\(displayPrefix)/\(name)"
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(.error("template.invalid-utf8", "template is not valid UTF-8", at: SourceLocation(path: path, line: 1)))
                continue
            }
            do {
                library.register(try Template(text), named: templateName)
            } catch {
                diagnostics.append(.error(
                    "template.syntax", "template does not parse: \(error.message)",
                    at: SourceLocation(path: path, line: error.line, column: error.column),
                    notes: ["the built-in ‘\(templateName)’ template is used instead"]))
                if let fallback = builtIn[name].flatMap({ String(validating: $0, as: UTF8.self) }),
                   let template = try? Template(fallback) {
                    library.register(template, named: templateName)
                }
            }
        }
        for name in required where library.template(named: name) == nil {
            diagnostics.append(.error("template.missing", "no ‘\(name).mustache’ template", at: nil))
        }
        return (TemplateSet(library: library, assets: assets, overridden: overridden, files: files), diagnostics)
    }

    /// Renders a view with the named template; an unknown name renders nothing (the
    /// missing template was reported when the set was loaded).
    public func render(_ name: String, _ view: Any) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    /// Every non-hidden file under `folder`, by path relative to it; `nil` if it is not a folder.
    static func readFolder(_ folder: URL) -> [String: [UInt8]]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return nil }
        let base = folder.standardizedFileURL.path
        var files: [String: [UInt8]] = [:]
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            files[String(path.dropFirst(base.count + 1))] = Array(data)
        }
        return files
    }
}
