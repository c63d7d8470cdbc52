/// GFM's tag filter: in raw HTML, the `<` of `title`, `textarea`, `style`, `xmp`, `iframe`,
/// `noembed`, `noframes`, `script` and `plaintext` tags becomes `&lt;`, so they cannot
/// take over the page.
enum TagFilter {
    private static let names: [[UInt8]] = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"].map { Array($0.utf8) }

    /// Whether the text at this `<` opens or closes a filtered tag.
    static func isFiltered(_ text: Substring.UTF8View) -> Bool {
        var i = text.startIndex
        guard i < text.endIndex, text[i] == 0x3C else { return false }
        i = text.index(after: i)
        if i < text.endIndex && text[i] == 0x2F { i = text.index(after: i) }
        for name in names {
            var j = i
            var matched = true
            for expected in name {
                guard j < text.endIndex else { matched = false; break }
                let c = text[j]
                let lower = (c >= 0x41 && c <= 0x5A) ? c + 0x20 : c
                if lower != expected { matched = false; break }
                j = text.index(after: j)
            }
            guard matched, j < text.endIndex else { continue }
            switch text[j] {
            case 0x3E, 0x20, 0x09, 0x0A, 0x0D, 0x0C: return true
            case 0x2F:
                let k = text.index(after: j)
                if k < text.endIndex && text[k] == 0x3E { return true }
            default: break
            }
        }
        return false
    }

    static func write(_ html: String, into w: inout HTMLWriter) {
        let utf8 = html.utf8
        let sub = Substring(html).utf8
        var i = utf8.startIndex
        while i < utf8.endIndex {
            if utf8[i] == 0x3C && isFiltered(sub[i...]) {
                w.raw("&lt;")
            } else {
                w.raw(utf8[i])
            }
            i = utf8.index(after: i)
        }
    }
}
