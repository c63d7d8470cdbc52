import DossierCore
import DossierExtract
import DossierModel
import Foundation
import Yams

/// Reads `dossier.yml`. A missing file means the defaults; unknown keys are warnings that
/// name the key and its line; a malformed file is an error at its line and column, and the
/// build goes on with the defaults so the rest of the site can still be checked.
public enum ConfigLoader {
    public static let fileName = "dossier.yml"

    public static let knownKeys = ["title", "description", "base_url", "unsafe_html", "mermaid_js"]

    public static func load(root: URL) -> (SiteConfig, [Diagnostic]) {
        let url = root.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return (SiteConfig(), []) }
        let decoded = SourceText.decode(Array(data), path: fileName)
        guard let text = decoded.text else { return (SiteConfig(), decoded.diagnostics) }
        var (config, diagnostics) = parse(text, path: fileName)
        diagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
        return (config, diagnostics)
    }

    public static func parse(_ text: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        let (node, problem) = YAMLText.parse(text, path: path, code: "config.invalid-yaml")
        if let problem { return (config, [problem]) }
        guard let node else { return (config, []) }  // an empty file
        guard let mapping = node.mapping else {
            return (config, [.error("config.not-a-mapping", "\(path) must be a mapping of settings (key: value)",
                                    at: SourceLocation(path: path, line: YAMLText.line(of: node)))])
        }
        var diagnostics: [Diagnostic] = []
        func location(_ node: Yams.Node) -> SourceLocation {
            SourceLocation(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        func string(_ value: Yams.Node, _ key: String) -> String? {
            guard let scalar = value.scalar else {
                diagnostics.append(.error("config.invalid-value", "‘\(key)’ must be text", at: location(value)))
                return nil
            }
            return scalar.string
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "title": if let s = string(value, key) { config.title = s }
            case "description": if let s = string(value, key) { config.description = s }
            case "base_url":
                if let s = string(value, key) {
                    config.baseURL = s.isEmpty || s.hasSuffix("/") ? s : s + "/"
                    if !s.isEmpty && !(s.hasPrefix("https://") || s.hasPrefix("http://")) {
                        diagnostics.append(.warning("config.base-url", "‘base_url’ should be an absolute http(s) URL, got ‘\(s)’", at: location(value)))
                    }
                }
            case "mermaid_js":
                if let s = string(value, key) { config.mermaidJS = s }
            case "unsafe_html":
                if let flag = value.bool { config.unsafeHTML = flag } else {
                    diagnostics.append(.error("config.invalid-value", "‘unsafe_html’ must be true or false", at: location(value)))
                }
            default:
                let known = knownKeys.joined(separator: ", ")
                diagnostics.append(.warning("config.unknown-key", "unknown key ‘\(key)’ in \(path) (known keys: \(known))", at: location(keyNode)))
            }
        }
        return (config, diagnostics)
    }
}
