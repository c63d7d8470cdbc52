/// Which link and image URLs may appear in output.
public enum URLPolicy: Sendable {
    /// Dossier's rule, whatever `unsafe_html` says: no `javascript:`, `vbscript:`, `file:` or
    /// `data:` links; images may use `data:image/png|gif|jpeg|webp` (cmark's safe list).
    case dossier
    /// cmark's safe mode: as `.dossier`, but `data:image/…` is also allowed in links.
    case cmarkSafe
    /// Every URL passes: only for comparing with cmark's unsafe mode in tests.
    case allowAll

    public func allows(_ url: String, isImage: Bool) -> Bool {
        switch self {
        case .allowAll: return true
        case .cmarkSafe: return !URLPolicy.isDangerous(url, allowImageData: true)
        case .dossier: return !URLPolicy.isDangerous(url, allowImageData: isImage)
        }
    }

    static func isDangerous(_ url: String, allowImageData: Bool) -> Bool {
        let head = url.utf8.prefix(16).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        func starts(_ prefix: String) -> Bool { head.starts(with: prefix.utf8) }
        if starts("javascript:") || starts("vbscript:") || starts("file:") { return true }
        if starts("data:") {
            if allowImageData {
                for safe in ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"] where starts(safe) {
                    return false
                }
            }
            return true
        }
        return false
    }
}
