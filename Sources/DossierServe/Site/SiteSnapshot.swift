import Foundation

/// A built site held in memory: what `serve` answers requests from.
///
/// Requests are answered from this map alone, never from the file system, so a request
/// can only ever reach a file the build produced.
struct SiteSnapshot: Sendable {
    /// Files by site path (`profiles/aws-expert/index.html`, `assets/dossier.css`).
    var files: [String: SiteFile]
    /// The path the site is served under, from `base_url` (`https://x.example/handbook/`
    /// → `["handbook"]`), as a real server would: the 404 page links from there.
    var mount: [String]

    init(files: [String: SiteFile] = [:], mount: [String] = []) {
        self.files = files
        self.mount = mount
    }

    /// `/handbook/` for a site mounted under `handbook/`, `/` at the root; percent-encoded,
    /// as it goes into `Location` headers and the address printed for people to open.
    var rootPath: String {
        let encoded = mount.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? $0 }
        return mount.isEmpty ? "/" : "/" + encoded.joined(separator: "/") + "/"
    }

    static func mount(forBaseURL baseURL: String) -> [String] {
        guard let url = URL(string: baseURL) else { return [] }
        return url.path.split(separator: "/").map(String.init)
    }

    /// What a request for `target` gets.
    enum Resolution: Equatable {
        /// The file at this site path.
        case file(String)
        /// A redirect to this location (a folder asked for without its slash, or the root of
        /// a site mounted under a path).
        case redirect(String)
        case notFound
    }

    func resolve(_ target: RequestTarget) -> Resolution {
        var segments = target.segments[...]
        if !mount.isEmpty {
            guard segments.starts(with: mount) else {
                return target.segments.isEmpty ? .redirect(rootPath + target.query) : .notFound
            }
            segments = segments.dropFirst(mount.count)
            if segments.isEmpty && !target.isFolder { return .redirect(target.rawPath + "/" + target.query) }
        }
        let path = segments.joined(separator: "/")
        if target.isFolder {
            let index = path.isEmpty ? "index.html" : path + "/index.html"
            return files[index] != nil ? .file(index) : .notFound
        }
        if files[path] != nil { return .file(path) }
        if files[path + "/index.html"] != nil { return .redirect(target.rawPath + "/" + target.query) }
        return .notFound
    }
}
