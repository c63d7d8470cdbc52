import Foundation
import Hummingbird

/// The few lines of script `serve` adds to the HTML it serves (never to `dossier build`'s
/// output), before `</body>`.
///
/// The script listens to the event stream. On `update` it reloads the page when one of
/// the site paths it was served from changed (or when everything must reload), and
/// otherwise only shows or hides the error overlay, so a broken build never starts a
/// reload loop. On `hello` (every connection, reconnections included) it compares the
/// site version it was served with against the server's; a difference means the page
/// missed an update (it was served just before a rebuild, or the server restarted), and
/// it reloads.
enum LiveReloadScript {
    /// The site paths a page reloads for, besides everything-changed updates.
    enum Watch {
        /// The file the page was served from.
        case paths([String])
        /// Any update at all (the page shown while the first build runs).
        case anyUpdate
    }

    struct Settings: Encodable {
        var events: String
        var version: String
        var watch: [String]
        var any: Bool
    }

    static func tag(version: String, watch: Watch) -> String {
        var settings = Settings(events: LiveEvents.path, version: version, watch: [], any: false)
        switch watch {
        case .paths(let paths): settings.watch = paths
        case .anyUpdate: settings.any = true
        }
        return "<script>(function(c){\(body)})(\(scriptJSON(settings)));</script>"
    }

    /// JSON that is safe inside `<script>`: no `<` can close the element early.
    static func scriptJSON(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// The script's body; `c` is the settings object.
    static let body = """
    var version=c.version,id="\(ErrorOverlay.elementID)";\
    function wire(focus){var o=document.getElementById(id);if(!o)return;\
    var b=o.querySelector("[data-dossier-dismiss]");\
    b.addEventListener("click",function(){o.remove()});if(focus)b.focus()}\
    document.addEventListener("keydown",function(e){var o=document.getElementById(id);if(o&&e.key==="Escape")o.remove()});\
    function overlay(html){var o=document.getElementById(id);if(o)o.remove();\
    if(html){document.body.insertAdjacentHTML("beforeend",html);wire(true)}}\
    wire(true);\
    var s=new EventSource(c.events);\
    s.addEventListener("hello",function(e){if(JSON.parse(e.data).version!==version){s.close();location.reload()}});\
    s.addEventListener("update",function(e){var d=JSON.parse(e.data);version=d.version;\
    if(c.any||d.all||d.paths.some(function(p){return c.watch.indexOf(p)>=0})){s.close();location.reload();return}\
    overlay(d.overlay)});
    """

    /// The page with the overlay (when there is one) and the script inserted before its
    /// last `</body>`, or at the end when it has none.
    static func inject(into page: ByteBuffer, overlay: String?, version: String, watch: Watch) -> ByteBuffer {
        let addition = (overlay ?? "") + tag(version: version, watch: watch)
        let cut = page.withUnsafeReadableBytes { lastBodyClose(in: $0) } ?? page.readableBytes
        var rest = page
        let head = rest.readSlice(length: cut) ?? ByteBuffer()
        var result = ByteBuffer()
        result.reserveCapacity(page.readableBytes + addition.utf8.count)
        result.writeImmutableBuffer(head)
        result.writeString(addition)
        result.writeImmutableBuffer(rest)
        return result
    }

    /// Where the last `</body` starts, matched without regard to case.
    static func lastBodyClose(in bytes: UnsafeRawBufferPointer) -> Int? {
        let needle = Array("</body".utf8)
        guard bytes.count >= needle.count else { return nil }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1) {
            var matched = true
            for (offset, expected) in needle.enumerated() {
                let byte = bytes[start + offset]
                let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                if lowered != expected { matched = false; break }
            }
            if matched { return start }
        }
        return nil
    }
}
