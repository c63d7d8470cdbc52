/// Detects and undoes double encoding: UTF-8 text that was read as Windows-1252 and saved as
/// UTF-8 again, so `→` became `â†’`, `≥` became `â‰¥` and an emoji `ðŸ¤”`.
///
/// The decision is made for the whole file, never per sequence: every character must map back
/// to a single Windows-1252 byte (bytes Windows-1252 leaves undefined were kept as Latin-1
/// control characters by the damage), the bytes must form valid UTF-8, and the result must
/// have fewer suspicious characters than the input. French or Portuguese text with a genuine
/// `Ã` or `â` fails the second test — a lone `é` byte is not UTF-8 — and is left alone.
public enum Mojibake {
    public struct Repair: Sendable {
        public var text: String
        /// Where the first damaged text is, and a short sample of it.
        public var line: Int
        public var column: Int
        public var sample: String
    }

    public static func repair(_ text: String) -> Repair? {
        // Fast exit: pure ASCII cannot be double-encoded.
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return nil }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var suspiciousBefore = 0
        for scalar in text.unicodeScalars {
            guard let byte = windows1252Byte(for: scalar) else { return nil }
            if byte >= 0x80 { suspiciousBefore += 1 }
            bytes.append(byte)
        }
        guard SourceText.firstInvalidUTF8Offset(bytes[...]) == nil else { return nil }
        let repaired = String(decoding: bytes, as: UTF8.self)
        let suspiciousAfter = repaired.unicodeScalars.count { windows1252Byte(for: $0).map { $0 >= 0x80 } ?? false }
        guard suspiciousAfter < suspiciousBefore else { return nil }

        // Locate the first damaged character for the diagnostic.
        var line = 1, column = 1
        var sample = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar.value >= 0x80 {
                sample.unicodeScalars.append(scalar)
                while sample.unicodeScalars.count < 6, let next = iterator.next(), next.value >= 0x80 {
                    sample.unicodeScalars.append(next)
                }
                break
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return Repair(text: repaired, line: line, column: column, sample: sample)
    }

    /// The Windows-1252 byte that decodes to `scalar`, treating the five bytes Windows-1252
    /// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) as Latin-1, which is how they survive
    /// a double encoding.
    static func windows1252Byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 { return UInt8(value) }
        if value >= 0xA0 && value <= 0xFF { return UInt8(value) }
        switch value {
        case 0x81, 0x8D, 0x8F, 0x90, 0x9D: return UInt8(value)
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }
}
