/// JSON string literals exactly as Foundation's `JSONEncoder` writes them with
/// `.withoutEscapingSlashes`: `"` and `\` escaped, control characters as `\n`, `\t`, `\r`,
/// `\b`, `\f` or `\u00XX`; `/`, DEL and non-ASCII as they are. For the writers that make
/// JSON without building Foundation's tree of values first (the search index, the export).
enum JSONStrings {
    /// Appends `string` as a quoted JSON string. Returns whether it was plain: ASCII with
    /// nothing escaped.
    @discardableResult
    static func append(_ string: String, to bytes: inout [UInt8]) -> Bool {
        var string = string
        bytes.append(UInt8(ascii: "\""))
        let plain = string.withUTF8 { utf8 -> Bool in
            var plain = true
            var run = 0
            for index in utf8.indices {
                let byte = utf8[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    if byte >= 0x80 { plain = false }
                    continue
                }
                plain = false
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                run = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                default:
                    bytes += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), UInt8(ascii: byte < 0x10 ? "0" : "1")]
                    let low = byte & 0xF
                    bytes.append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
            return plain
        }
        bytes.append(UInt8(ascii: "\""))
        return plain
    }
}
