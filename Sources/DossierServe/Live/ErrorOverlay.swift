import DossierCore
import Foundation

/// The panel pages show while the last build had errors: each error with its place, its
/// message and the source line it points at, over the last good version of the page.
///
/// Styles are inline on every element, and set every property that matters, because the
/// page's own stylesheet comes from the handbook's templates and may style `pre`, `button`
/// or `h2` in any way. The panel is an `alertdialog` (announced when it appears), its
/// Dismiss button is a real button that takes focus, and Escape closes it; the injected
/// script wires both.
enum ErrorOverlay {
    static let elementID = "dossier-overlay"
    /// At most this many errors are listed; a count says how many more there are.
    static let shownLimit = 50

    /// The panel's HTML for the build's errors, or `nil` when there are none. Source lines
    /// are read from the files under `root` the diagnostics name.
    static func html(for diagnostics: [Diagnostic], root: URL) -> String? {
        let errors = diagnostics.filter { $0.severity == .error }.sorted()
        guard !errors.isEmpty else { return nil }
        var sources = SourceLines(root: root)
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        var html = #"<div id="\#(elementID)" role="alertdialog" aria-modal="false" aria-labelledby="dossier-overlay-title" aria-describedby="dossier-overlay-hint" style="\#(Style.backdrop)">"#
        html += #"<div style="\#(Style.panel)">"#
        html += #"<div style="\#(Style.header)"><h2 id="dossier-overlay-title" style="\#(Style.title)">The build has \#(count)</h2>"#
        html += #"<button type="button" data-dossier-dismiss style="\#(Style.button)">Dismiss</button></div>"#
        html += #"<p id="dossier-overlay-hint" style="\#(Style.hint)">This is the last version that built. Fix the files and save: the page updates by itself. Escape or Dismiss hides this panel.</p>"#
        html += #"<ol style="\#(Style.list)">"#
        for error in errors.prefix(shownLimit) {
            html += #"<li style="\#(Style.item)">"#
            html += #"<p style="\#(Style.message)">"#
            if let location = error.location {
                html += #"<code style="\#(Style.location)">\#(escape(location.description))</code> "#
            }
            html += escape(error.message)
            html += #" <code style="\#(Style.code)">[\#(escape(error.code))]</code></p>"#
            for note in error.notes {
                html += #"<p style="\#(Style.note)">note: \#(escape(note))</p>"#
            }
            if let location = error.location, let line = sources.line(location.line, of: location.path) {
                html += excerpt(line, at: location)
            }
            html += "</li>"
        }
        html += "</ol>"
        if errors.count > shownLimit {
            html += #"<p style="\#(Style.hint)">… and \#(errors.count - shownLimit) more; the terminal lists them all.</p>"#
        }
        html += "</div></div>"
        return html
    }

    /// The source line with its number, and a caret under the column. Columns count UTF-8
    /// bytes (as compilers do), so the caret is placed after the characters those bytes
    /// hold; tabs before it are kept so it lines up.
    static func excerpt(_ line: [UInt8], at location: SourceLocation) -> String {
        let shown = line.count > 400 ? Array(line.prefix(400)) : line
        let text = String(decoding: shown, as: UTF8.self)
        let before = String(decoding: shown.prefix(max(0, location.column - 1)), as: UTF8.self)
        let padding = String(before.map { $0 == "\t" ? "\t" : " " })
        let number = "\(location.line) | "
        var html = #"<pre style="\#(Style.source)">"#
        html += #"<span style="\#(Style.gutter)">\#(number)</span>\#(escape(text))"#
        html += "\n" + String(repeating: " ", count: number.count) + #"<span style="\#(Style.caret)">\#(escape(padding))^</span>"#
        return html + "</pre>"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Inline styles: a dimmed backdrop over the page and a dark, high-contrast panel.
    enum Style {
        static let reset = "margin:0;padding:0;border:0;text-transform:none;letter-spacing:normal;text-align:left;text-shadow:none;"
        static let backdrop = reset + "position:fixed;inset:0;z-index:2147483647;display:flex;align-items:flex-start;justify-content:center;overflow:auto;background:rgba(0,0,0,.6);padding:5vh 16px;box-sizing:border-box;"
        static let panel = reset + "box-sizing:border-box;width:min(960px,100%);background:#1b1d21;color:#ececec;border-top:6px solid #ff5c5c;border-radius:6px;padding:20px 24px;box-shadow:0 12px 40px rgba(0,0,0,.5);font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;"
        static let header = reset + "display:flex;gap:16px;align-items:center;justify-content:space-between;"
        static let title = reset + "font:600 19px/1.3 system-ui,-apple-system,'Segoe UI',sans-serif;color:#ff8a8a;"
        static let button = reset + "font:600 14px/1 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1d21;background:#ececec;border-radius:4px;padding:8px 14px;cursor:pointer;outline-offset:2px;"
        static let hint = reset + "margin-top:8px;color:#b8b8b8;font:14px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;"
        static let list = reset + "list-style:none;margin-top:16px;"
        static let item = reset + "margin-top:14px;padding-top:14px;border-top:1px solid #3a3d44;"
        static let message = reset + "color:#ececec;font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;overflow-wrap:anywhere;"
        static let note = reset + "color:#b8b8b8;font:14px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;padding-left:1.5em;"
        static let mono = "font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;"
        static let location = reset + mono + "color:#9cdcfe;background:none;"
        static let code = reset + mono + "color:#b8b8b8;background:none;"
        static let source = reset + mono + "margin-top:8px;padding:10px 12px;background:#111214;color:#ececec;border-radius:4px;overflow:auto;white-space:pre;tab-size:4;"
        static let gutter = reset + "color:#7d8590;"
        static let caret = reset + "color:#ff5c5c;font-weight:700;"
    }
}

/// Lines of source files, each file read once per overlay.
struct SourceLines {
    let root: URL
    private var files: [String: [ArraySlice<UInt8>]] = [:]

    init(root: URL) {
        self.root = root
    }

    /// Line `number` (1-based) of the file at `path` (relative to the root), without its
    /// line ending; `nil` when the file or the line is not there.
    mutating func line(_ number: Int, of path: String) -> [UInt8]? {
        if files[path] == nil {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
            files[path] = Array(data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        }
        guard let lines = files[path], number >= 1, number <= lines.count else { return nil }
        var line = Array(lines[number - 1])
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return line
    }
}
