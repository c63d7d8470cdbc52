import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 client over a plain socket, so tests can send request targets exactly
/// as written (`/../etc/passwd`, `%2e%2e`, `%00`): URLSession would normalise them first.
///
/// Socket calls block, so they run on a thread of their own; blocking a thread of the
/// cooperative pool (two threads on a two-core machine) could starve the server running in
/// the same process.
enum RawHTTP {
    struct Response {
        var status: Int
        /// Header names lower-cased.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends one request (with `Connection: close`) and reads the response to the end.
    static func request(port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:],
                        timeout: Duration = .seconds(10)) async throws -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\nConnection: close\r\n"
        var headers = headers
        if headers["Host"] == nil { headers["Host"] = "127.0.0.1:\(port)" }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let request = Array(head.utf8)
        do {
            let bytes = try await onThread {
                let socket = try Socket(port: port, timeout: timeout)
                defer { socket.disconnect() }
                try socket.write(request)
                return try socket.readToEnd()
            }
            return try parse(bytes)
        } catch {
            // Name the request: a test sends dozens, and a bare "recv: …" says not which.
            throw Failure(description: "\(method) \(target): \(error)")
        }
    }

    static func parse(_ bytes: [UInt8]) throws -> Response {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
            throw Failure(description: "no complete response head in \(bytes.count) bytes: \(String(decoding: bytes, as: UTF8.self))")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + separator.count)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = try dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard let lineEnd = bytes[i...].firstIndex(of: UInt8(ascii: "\r")),
                  let size = Int(String(decoding: bytes[i..<lineEnd], as: UTF8.self).split(separator: ";")[0], radix: 16)
            else { throw Failure(description: "bad chunk") }
            if size == 0 { break }
            let start = lineEnd + 2
            out += bytes[start..<min(bytes.count, start + size)]
            i = start + size + 2
        }
        return out
    }

    /// Runs blocking work on a new thread and waits for it without holding a pool thread.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}

/// A connected TCP socket to 127.0.0.1 with a read timeout.
final class Socket: @unchecked Sendable {
    private let descriptor: Int32
    private let closed = LockedFlag()

    init(port: Int, timeout: Duration) throws {
        descriptor = socket(AF_INET, Self.streamType, 0)
        guard descriptor >= 0 else { throw RawHTTP.Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var time = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw RawHTTP.Failure(description: "connect to port \(port): \(reason)")
        }
    }

    #if canImport(Glibc)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    static let streamType = SOCK_STREAM
    static let sendFlags: Int32 = 0
    #endif

    func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + sent, bytes.count - sent, Self.sendFlags) }
            guard n > 0 else { throw RawHTTP.Failure(description: "send: \(String(cString: strerror(errno)))") }
            sent += n
        }
    }

    /// Some bytes, or `nil` at the end of the stream; throws on timeout.
    func receive() throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let n = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if n == 0 { return nil }
        guard n > 0 else { throw RawHTTP.Failure(description: "recv: \(String(cString: strerror(errno)))") }
        return Array(buffer[..<n])
    }

    func readToEnd() throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let chunk = try receive() { bytes += chunk }
        return bytes
    }

    /// Closes once; also wakes a thread blocked in `receive`.
    func disconnect() {
        guard closed.set() else { return }
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }
}

/// A flag that is set once, from any thread.
final class LockedFlag: @unchecked Sendable {
    private var value = false
    private let lock = NSLock()

    /// Sets the flag; `true` the first time only.
    func set() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if value { return false }
        value = true
        return true
    }
}
