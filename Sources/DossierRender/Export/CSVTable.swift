/// A table written as RFC 4180 CSV: UTF-8, a header row, CRLF line ends, fields quoted when
/// they hold a comma, a quote or a line break.
public struct CSVTable: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[String]]

    public init(name: String, header: [String], rows: [[String]] = []) {
        self.name = name
        self.header = header
        self.rows = rows
    }

    public var bytes: [UInt8] {
        var out: [UInt8] = []
        for row in [header] + rows { Self.append(row, to: &out) }
        return out
    }

    /// One row, CRLF included, as `bytes` writes it.
    static func append(_ row: [String], to out: inout [UInt8]) {
        for (i, value) in row.enumerated() {
            if i > 0 { out.append(0x2C) }
            if value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out.append(0x22)
                for byte in value.utf8 {
                    if byte == 0x22 { out.append(0x22) }
                    out.append(byte)
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: value.utf8)
            }
        }
        out.append(0x0D)
        out.append(0x0A)
    }
}

extension Optional where Wrapped == Double {
    /// A number as CSV text (shortest form that reads back the same), empty when absent.
    var csv: String { map { $0.csv } ?? "" }
}

extension Double {
    var csv: String {
        if self == rounded() && abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
