import Foundation

/// What `dossier serve` was asked for.
public struct ServeConfiguration: Sendable {
    /// The handbook folder (with `content/`, and optionally `dossier.yml`, `templates/`).
    public var root: URL
    /// The address to listen on: loopback unless asked otherwise.
    public var host: String
    /// The port; 0 lets the system choose a free one (tests do).
    public var port: Int
    /// How long sources must stay unchanged before a rebuild starts: long enough to take an
    /// editor's write and rename as one save, short enough not to be felt.
    public var quietPeriod: Duration
    /// How often open event streams get a heartbeat, so gone browsers are noticed.
    public var heartbeatInterval: Duration
    /// Where the session's private build folder is made (and removed at the end).
    public var temporaryFolder: URL

    public init(root: URL, host: String = "127.0.0.1", port: Int = 4000,
                quietPeriod: Duration = .milliseconds(40), heartbeatInterval: Duration = .seconds(15),
                temporaryFolder: URL = FileManager.default.temporaryDirectory) {
        self.root = root.standardizedFileURL
        self.host = host
        self.port = port
        self.quietPeriod = quietPeriod
        self.heartbeatInterval = heartbeatInterval
        self.temporaryFolder = temporaryFolder
    }

    /// Whether only this machine can connect: a loopback address or `localhost`. Any other
    /// address (`0.0.0.0`, a network interface) makes the site reachable from elsewhere.
    public var isLoopbackOnly: Bool {
        host == "localhost" || host == "::1" || HostCheck.isLoopbackIPv4(host)
    }

    /// The address to open in a browser, for the port actually bound. A wildcard address is
    /// shown as `localhost`, which browsers can open.
    public func url(port: Int, path: String = "/") -> URL? {
        var name = host == "0.0.0.0" || host == "::" ? "localhost" : host
        if name.contains(":") { name = "[\(name)]" }  // IPv6 literal
        return URL(string: "http://\(name):\(port)\(path)")
    }
}
