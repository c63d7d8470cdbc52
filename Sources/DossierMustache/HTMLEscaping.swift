/// How `{{name}}` escapes text for HTML: `&`, `<`, `>`, `"` and `'` as `&amp;`, `&lt;`,
/// `&gt;`, `&quot;` and `&#39;`, the entities swift-mustache wrote.
///
/// Most values have nothing to escape, so the bytes between special ones are copied in runs.
enum HTMLEscaping {
    /// Appends `text`, escaped, to `output`.
    static func append(_ text: String, to output: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            for index in 0 ..< bytes.count {
                guard let entity = entity(for: bytes[index]) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< index]))
                output.append(contentsOf: entity)
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        if done == nil {
            // A bridged or small string without contiguous UTF-8: a native copy has it.
            var copy = text
            copy.makeContiguousUTF8()
            append(copy, to: &output)
        }
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    @inline(__always)
    private static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): amp
        case UInt8(ascii: "<"): lt
        case UInt8(ascii: ">"): gt
        case UInt8(ascii: "\""): quot
        case UInt8(ascii: "'"): apos
        default: nil
        }
    }
}
