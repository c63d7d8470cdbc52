import Foundation

/// The live-reload event stream: Server-Sent Events at a path no site file can have.
///
/// `/.dossier/`: the build skips hidden files and folders, in `content/` and in
/// `templates/` alike, and the folders it generates have plain names, so no path of a
/// built site has a segment starting with `.`. (`__dossier` would not do: slugs keep
/// underscores, and other files keep their names, so `content/__dossier/events.md` is a
/// page.) The tests build such a handbook to hold the build to this.
enum LiveEvents {
    static let reservedSegment = ".dossier"
    static let path = "/\(reservedSegment)/events"

    /// How soon browsers reconnect after the server goes away (a restart): short, since
    /// the server is local.
    static let retryMilliseconds = 500

    /// Sent when a page connects: the site version, so a page that missed an update (or
    /// was served by an earlier run of the server) knows to reload.
    struct Hello: Encodable {
        var version: String
    }

    /// Sent after a build changed the site or its errors.
    struct Update: Encodable {
        var version: String
        /// Site paths whose pages reload (`profiles/aws-expert/index.html`).
        var paths: [String]
        /// Every page reloads.
        var all: Bool
        /// The error overlay's HTML; empty when the build had no errors.
        var overlay: String
    }

    /// The first bytes of every stream: the reconnection delay, then `hello`.
    static func opening(version: String) -> String {
        "retry: \(retryMilliseconds)\n\n" + frame("hello", Hello(version: version))
    }

    /// One event. JSON without pretty-printing has no raw line breaks, so it fits one
    /// `data:` line.
    static func frame(_ event: String, _ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return "event: \(event)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }

    /// A comment line: keeps idle connections open through proxies, and lets the server
    /// notice browsers that have gone (the write fails) and forget them.
    static let heartbeat = ": ping\n\n"
}
