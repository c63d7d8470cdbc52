import Foundation

/// Listens to a server's live-reload stream as a page would, on a thread of its own,
/// recording each event.
final class EventStreamClient: Sendable {
    struct Event: Sendable, CustomStringConvertible {
        var name: String
        var data: String

        /// The event's JSON as a dictionary (the tests read `version`, `paths`, `all`, `overlay`).
        var fields: [String: any Sendable] {
            guard let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else { return [:] }
            return object.mapValues { value -> any Sendable in
                switch value {
                case let text as String: text
                case let list as [String]: list
                case let number as NSNumber: number.boolValue
                default: "\(value)"
                }
            }
        }

        var version: String { fields["version"] as? String ?? "" }
        var paths: [String] { fields["paths"] as? [String] ?? [] }
        var all: Bool { fields["all"] as? Bool ?? false }
        var overlay: String { fields["overlay"] as? String ?? "" }
        var description: String { "\(name): \(data.prefix(200))" }
    }

    let events = Recording<Event>()
    /// The response head, for checking the stream's headers.
    let head: RawHTTP.Response
    private let socket: Socket

    private init(socket: Socket, head: RawHTTP.Response, leftover: [UInt8]) {
        self.socket = socket
        self.head = head
        let events = self.events
        Thread {
            var parser = Parser(pending: leftover)
            while true {
                for event in parser.events() { events.append(event) }
                guard let bytes = try? socket.receive() else { break }
                parser.pending += bytes
            }
            events.finish()
        }.start()
    }

    static func connect(port: Int, path: String = "/.dossier/events") async throws -> EventStreamClient {
        let (socket, head, leftover) = try await RawHTTP.onThread {
            let socket = try Socket(port: port, timeout: .seconds(60))
            try socket.write(Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8))
            var bytes: [UInt8] = []
            let separator = Array("\r\n\r\n".utf8)
            while true {
                if let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) {
                    let head = try RawHTTP.parse(Array(bytes[..<(end + separator.count)]))
                    return (socket, head, Array(bytes[(end + separator.count)...]))
                }
                guard let chunk = try socket.receive() else { throw RawHTTP.Failure(description: "the stream closed before its head") }
                bytes += chunk
            }
        }
        return EventStreamClient(socket: socket, head: head, leftover: leftover)
    }

    func close() {
        socket.disconnect()
    }

    /// Undoes chunked transfer encoding, then splits Server-Sent Events (blank-line
    /// separated; `event:` and `data:` fields; `:` comments are heartbeats).
    struct Parser {
        var pending: [UInt8]
        var text = ""

        mutating func events() -> [Event] {
            while let lineEnd = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let sizeLine = String(decoding: pending[..<lineEnd], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                guard let size = Int(sizeLine, radix: 16) else { pending = []; break }
                let start = lineEnd + 1
                guard pending.count >= start + size + 2 else { break }
                text += String(decoding: pending[start..<(start + size)], as: UTF8.self)
                pending.removeFirst(start + size + 2)
            }
            var events: [Event] = []
            while let range = text.range(of: "\n\n") {
                let block = text[..<range.lowerBound]
                text.removeSubrange(..<range.upperBound)
                var name = "message", data: [String] = []
                for line in block.split(separator: "\n") {
                    if line.hasPrefix(":") { name = "comment" }
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
                    if line.hasPrefix("retry: ") { name = "retry"; data.append(String(line.dropFirst(7))) }
                }
                events.append(Event(name: name, data: data.joined(separator: "\n")))
            }
            return events
        }
    }
}
