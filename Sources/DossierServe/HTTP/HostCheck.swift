/// Which `Host` headers the server answers.
///
/// Listening on loopback keeps other machines out, but not other web sites: a page on
/// `attacker.example` whose name is made to resolve to 127.0.0.1 (DNS rebinding) could
/// read the handbook through the visitor's browser, as the same-origin rule sees one
/// origin. So while only this machine may connect, only names that mean this machine are
/// answered. When the site was put on the network on purpose (`--host 0.0.0.0`), people
/// reach it by whatever name the machine has, and every name is answered.
struct HostCheck: Sendable {
    /// Answer any name.
    var allowsAnyName: Bool
    /// The address the server was told to listen on (`127.0.0.2`, `localhost`).
    var listeningHost: String

    init(configuration: ServeConfiguration) {
        allowsAnyName = !configuration.isLoopbackOnly
        listeningHost = configuration.host.lowercased()
    }

    func allows(_ header: String?) -> Bool {
        guard !allowsAnyName, let header else { return true }  // HTTP/1.0 sends no Host
        let name = Self.name(of: header.lowercased())
        return name == "localhost" || name.hasSuffix(".localhost") || Self.isLoopbackIPv4(name) || name == "::1"
            || name == listeningHost
    }

    /// `127.x.y.z` written as an address, not a name that starts like one
    /// (`127.0.0.1.attacker.example`).
    static func isLoopbackIPv4(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil } && parts[0] == "127"
    }

    /// The name without its port: `localhost:4000` → `localhost`, `[::1]:4000` → `::1`.
    static func name(of host: String) -> String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<close])
        }
        return String(host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
