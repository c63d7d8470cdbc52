import Foundation
import Hummingbird

/// Answers every request: the live-reload stream at its reserved path, and otherwise the
/// file the path names in the current snapshot.
///
/// One responder rather than Hummingbird's router: the site is a flat map of paths, and
/// the raw request target must be checked before anything decodes or normalises it.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    typealias View = LiveSite.View

    let live: LiveSite
    let hosts: HostCheck

    func respond(to request: Request, context: Context) async throws -> Response {
        guard hosts.allows(request.head.authority) else {  // HTTP/1 Host, as HTTPTypes calls it
            return Self.plain(.forbidden, "dossier serve only answers requests for this machine (localhost, 127.0.0.1); to reach it by another name, listen on the network with --host.\n")
        }
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"])
        }
        let response: Response
        switch RequestTarget.parse(request.head.path ?? "") {
        case .failure(let refusal):
            response = Self.plain(.badRequest, "Bad request: \(refusal).\n")
        case .success(let target) where target.segments.first == LiveEvents.reservedSegment:
            response = target.rawPath == LiveEvents.path ? eventStream() : Self.plain(.notFound, "Not found.\n")
        case .success(let target):
            response = siteResponse(for: target, request: request)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// A file of the site, a redirect, the site's 404 page, or (while the first build runs)
    /// a page that waits for it.
    func siteResponse(for target: RequestTarget, request: Request) -> Response {
        let view = live.view
        guard let snapshot = view.snapshot else {
            return page(.serviceUnavailable, Self.buildingPage, view: view, watch: .anyUpdate, extra: [.retryAfter: "1"])
        }
        switch snapshot.resolve(target) {
        case .file(let path):
            guard let file = snapshot.files[path] else { return notFound(target, in: snapshot, view: view) }
            return serve(file, path: path, request: request, view: view)
        case .redirect(let location):
            var headers = Self.commonHeaders
            headers[.location] = location
            return Response(status: .found, headers: headers)
        case .notFound:
            return notFound(target, in: snapshot, view: view)
        }
    }

    /// A file with its entity tag, or `304 Not Modified` when the browser has it already.
    /// HTML carries the script (and the overlay), so its tag also names the site version.
    func serve(_ file: SiteFile, path: String, request: Request, view: View) -> Response {
        let etag = file.isHTML ? "\"\(ContentHash.hex(file.hash))-\(view.version)\"" : file.etag
        var headers = Self.commonHeaders
        headers[.contentType] = file.contentType
        headers[.eTag] = etag
        if Self.matches(request.headers[values: .ifNoneMatch], etag) {
            return Response(status: .notModified, headers: headers)
        }
        let body = file.isHTML
            ? LiveReloadScript.inject(into: file.body, overlay: view.overlay, version: view.version, watch: .paths([path]))
            : file.body
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// The site's own `404.html` with status 404 (a plain page when the site has none). The
    /// page reloads when its address starts to exist.
    func notFound(_ target: RequestTarget, in snapshot: SiteSnapshot, view: View) -> Response {
        let asked = target.segments.dropFirst(snapshot.mount.count).joined(separator: "/")
        let watch = ["404.html", asked, asked.isEmpty ? "index.html" : asked + "/index.html"]
        guard let file = snapshot.files["404.html"] else {
            return page(.notFound, Self.plainNotFoundPage, view: view, watch: .paths(watch))
        }
        var headers = Self.commonHeaders
        headers[.contentType] = file.contentType
        let body = LiveReloadScript.inject(into: file.body, overlay: view.overlay, version: view.version, watch: .paths(watch))
        return Response(status: .notFound, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// One of the server's own small HTML pages, with the script and overlay.
    func page(_ status: HTTPResponse.Status, _ html: String, view: View, watch: LiveReloadScript.Watch, extra: HTTPFields = [:]) -> Response {
        var headers = Self.commonHeaders
        headers[.contentType] = ContentType.html
        headers.append(contentsOf: extra)
        let body = LiveReloadScript.inject(into: ByteBuffer(string: html), overlay: view.overlay, version: view.version, watch: watch)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// The live-reload stream: `hello`, then an `update` after every build that changed
    /// something, and heartbeats; it ends when the server shuts down.
    func eventStream() -> Response {
        var headers = Self.commonHeaders
        headers[.contentType] = ContentType.eventStream
        let frames = live.listen()
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await frame in frames {
                try await writer.write(ByteBuffer(string: frame))
            }
            try await writer.finish(nil)
        })
    }

    /// `If-None-Match` holds the tag, or `*` (weak comparison, as RFC 9110 asks for this
    /// header: `W/"x"` matches `"x"`). Lists may come in one header or several.
    static func matches(_ values: [String], _ etag: String) -> Bool {
        for value in values {
            for candidate in value.split(separator: ",") {
                var tag = candidate.trimmingCharacters(in: .whitespaces)
                if tag == "*" { return true }
                if tag.hasPrefix("W/") { tag.removeFirst(2) }
                if tag == etag { return true }
            }
        }
        return false
    }

    /// On every response: always revalidate, so an edit shows on the next load, and never
    /// let the browser guess a type.
    static let commonHeaders: HTTPFields = [.cacheControl: "no-cache", .xContentTypeOptions: "nosniff"]

    static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers = commonHeaders
        headers[.contentType] = ContentType.plainText
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static let buildingPage = """
    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Building…</title></head>
    <body style="font:16px/1.5 system-ui,sans-serif;margin:3em"><p>Dossier is building the site; this page shows it as soon as it is ready.</p></body></html>
    """

    static let plainNotFoundPage = """
    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head>
    <body style="font:16px/1.5 system-ui,sans-serif;margin:3em"><h1>Page not found</h1><p>There is no page at this address.</p></body></html>
    """
}
