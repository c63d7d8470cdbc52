/// The `Content-Type` a file is served with, from its extension.
///
/// Text types carry `charset=utf-8` because Dossier writes UTF-8 and browsers otherwise
/// guess (and show `→` as `â†’`). Markdown is `text/markdown`, which browsers display as
/// text rather than download. Anything unknown is `application/octet-stream`; with
/// `X-Content-Type-Options: nosniff` the browser then offers it as a download instead of
/// guessing that it is HTML.
enum ContentType {
    static let html = "text/html; charset=utf-8"
    static let plainText = "text/plain; charset=utf-8"
    static let eventStream = "text/event-stream"
    static let fallback = "application/octet-stream"

    static func forPath(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return fallback }
        return byExtension[path[path.index(after: dot)...].lowercased()] ?? fallback
    }

    static let byExtension: [String: String] = [
        "html": html,
        "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "map": "application/json",
        "webmanifest": "application/manifest+json",
        "csv": "text/csv; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "txt": plainText,
        "yml": "text/yaml; charset=utf-8",
        "yaml": "text/yaml; charset=utf-8",
        "xml": "application/xml",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "ttf": "font/ttf",
        "otf": "font/otf",
        "wasm": "application/wasm",
        "mp4": "video/mp4",
        "webm": "video/webm",
        "mp3": "audio/mpeg",
        "ogg": "audio/ogg",
        "wav": "audio/wav",
        "zip": "application/zip",
    ]
}
