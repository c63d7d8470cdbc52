/// Turns names into the identifiers Dossier uses in URLs and anchors.
public enum Slug {
    /// A URL-safe identifier for a document or pattern: lowercase ASCII letters, digits,
    /// `-` and `_`; any other run of characters becomes one `-`; never empty.
    ///
    /// `"AWS Expert"` → `aws-expert`, `"Pattern 1: Serverless API"` → `pattern-1-serverless-api`.
    public static func make(_ text: some StringProtocol, fallback: String = "untitled") -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
            let keep = (lowered >= 0x61 && lowered <= 0x7A) || (lowered >= 0x30 && lowered <= 0x39) || lowered == 0x5F
            if keep {
                if pendingDash && !out.isEmpty { out.append(0x2D) }
                pendingDash = false
                out.append(lowered)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? fallback : String(decoding: out, as: UTF8.self)
    }

    /// GitHub's heading anchor: lowercased, punctuation and symbols removed, each space a `-`.
    ///
    /// Matching GitHub matters: profiles link to their own sections with the anchors GitHub
    /// shows (`#role--expertise`), and those links must keep working in the handbook.
    public static func heading(_ text: some StringProtocol) -> String {
        // Bytes, ASCII decided without Unicode properties: every heading, service and
        // capability of every profile gets one of these.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: " "): out.append(UInt8(ascii: "-"))
                case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                    out.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 0x20)
                default: break
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                out += String(scalar).lowercased().utf8
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark {
                out += String(scalar).utf8
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Hands out unique anchors within one page, the way GitHub does: the second `Usage`
/// heading becomes `usage-1`, the third `usage-2`.
public struct AnchorAllocator: Sendable {
    private var used: Set<String> = []

    public init(reserved: some Sequence<String> = []) {
        used = Set(reserved)
    }

    public mutating func allocate(_ base: String) -> String {
        let base = base.isEmpty ? "section" : base
        if used.insert(base).inserted { return base }
        var n = 1
        while !used.insert("\(base)-\(n)").inserted { n += 1 }
        return "\(base)-\(n)"
    }
}
