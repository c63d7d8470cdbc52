import Mustache

/// How `{{name}}` escapes text in Dossier's templates: the characters swift-mustache's HTML
/// content type escapes (`&`, `<`, `>`, `"`, `'`), with the same entities, but read as UTF-8
/// bytes and returning the text itself when there is nothing to escape.
///
/// swift-mustache escapes Character by Character through a dictionary, and every page
/// escapes thousands of values, most of which need nothing: that was a twentieth of a cold
/// build. The library has no setting for the default content type, only the
/// `{{% CONTENT_TYPE: name}}` pragma, so `TemplateSet` starts every template with one on
/// a line of its own (a standalone tag, removed with its line break). A template may
/// still choose another content type with its own pragma.
struct TemplateEscaping: MustacheContentType {
    static let name = "DOSSIER_HTML"
    /// Put before each template's text; `TemplateSet` takes its line off error positions.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Registers the content type once per process, before the first template is parsed.
    static let registered: Void = MustacheContentTypes.register(TemplateEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // Most values need nothing: answer them from a scan of their bytes.
            guard let first = bytes.firstIndex(where: { Self.entity(for: $0) != nil }) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            // Runs between special bytes are copied whole.
            var start = 0
            for index in first ..< bytes.count {
                guard let entity = Self.entity(for: bytes[index]) else { continue }
                escaped += UnsafeBufferPointer(rebasing: bytes[start ..< index])
                escaped += entity.utf8
                start = index + 1
            }
            escaped += UnsafeBufferPointer(rebasing: bytes[start...])
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    @inline(__always)
    private static func entity(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
