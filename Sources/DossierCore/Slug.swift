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
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == " " {
                out.append("-")
            } else if scalar == "-" || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if scalar.isASCII {
                    out.unicodeScalars.append(scalar.properties.isUppercase ? Unicode.Scalar(UInt8(scalar.value) + 0x20) : scalar)
                } else {
                    out += String(scalar).lowercased()
                }
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
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
