/// Finds the confidence score in a line of text, in the forms profiles use:
/// `Name: 0.92 (note)`, `HIGH (0.92)`, `MEDIUM-HIGH (0.80-0.85)`, `(confidence: 0.85)`,
/// `(0.90 confidence)`, `0.75 → 0.95 (+0.20)`, `0.92 → **PROMOTED to Primary**`.
///
/// What is not a score: money (`$0.20`), thresholds (`≥0.85`, `<0.60`, `confidence
/// threshold: 0.60`, `when confidence 0.60-0.84`), deltas (`+0.20`), versions (`v0.9`,
/// `1.7.2`) and measurements (`0.5 vCPU`, `0.1s`).
struct ConfidenceReading: Equatable {
    /// The later value of a change, the lower bound of a range, else the number.
    var value: Double
    var previous: Double?
    var min: Double?
    var max: Double?
    /// `HIGH` in `HIGH (0.92)`.
    var level: String?
    /// Text after `→` that is not a number (`PROMOTED to Primary`).
    var status: String?
    /// Where the expression starts (the level word or the first number) and ends.
    var start: String.Index
    var end: String.Index
}

enum ConfidenceReader {
    /// The first score in `text`. With `lenient`, a number above 1 or a percentage is read
    /// too (inside a tier every `Name: N` is a confidence, and a wrong one deserves a warning
    /// rather than silence).
    static func read(_ text: String, lenient: Bool = false) -> ConfidenceReading? {
        // Every list item is read, and most hold no digit at all: those are answered from
        // the bytes, before the text is cut into characters (Unicode segmentation is the
        // expensive part of reading). The rest are cut once, into an array read by offset;
        // only a reading's two ends become `String.Index`es.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        // Without leniency only a decimal can be a score (`0.92`): a line whose digits never
        // surround a point (`Step 2`, `99%`, `2024`) is answered from the bytes too.
        guard lenient || hasDecimal(text) else { return nil }
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i].isASCIIDigit, i == 0 || !isNumberCharacter(chars[i - 1]) else { i += 1; continue }
            guard let number = NumberToken.scan(chars, from: i) else { i += 1; continue }
            defer { i = number.endOffset }
            if let reading = evaluate(text, chars, number, lenient: lenient) { return reading }
        }
        return nil
    }

    private static func hasDecimal(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 && previous == UInt8(ascii: ".") && beforePrevious >= 0x30 && beforePrevious <= 0x39 {
                return true
            }
            (beforePrevious, previous) = (previous, byte)
        }
        return false
    }

    private static func isNumberCharacter(_ c: Character) -> Bool {
        c.isASCIIDigit || c == "." || c.isQuickLetter || c == "_"
    }

    /// Money, comparisons and signs: what makes the number after it no score.
    private static let signs: Set<Character> = ["$", "€", "£", "≥", "≤", "<", ">", "=", "+", "±"]

    private static let thresholdWords: Set<String> = [
        "threshold", "when", "if", "above", "below", "under", "over", "least", "most", "than", "target",
        "minimum", "maximum", "min", "max", "exceeds", "exceed", "reaches", "reach", "until", "cls", "fid",
    ]
    private static let unitWords: Set<String> = [
        "vcpu", "vcpus", "cpu", "cpus", "gb", "mb", "kb", "tb", "gib", "mib", "ms", "s", "sec", "secs", "second", "seconds",
        "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "day", "days", "x", "credit", "credits",
        "usd", "dollars", "px", "em", "rem", "pt", "percent", "points", "pp", "mm", "cm", "m", "km", "kg", "requests",
    ]

    private static func evaluate(_ text: String, _ chars: [Character], _ number: NumberToken, lenient: Bool) -> ConfidenceReading? {
        let isDecimal = number.fractionDigits >= 1 && number.fractionDigits <= 2
        var value = number.value
        let percent = number.endOffset < chars.count && chars[number.endOffset] == "%"
        let isScoreShaped = isDecimal && !percent && value <= 1.0 + 1e-9
        if !isScoreShaped {
            // Leniency covers only the value right after a label's colon (`Name: 1.2`,
            // `Name: 85%`), never a number inside a name (`Amplify Gen 2`).
            guard lenient, followsColon(chars, number.startOffset) else { return nil }
            if percent { value /= 100 }
        }

        // What comes before: money, comparisons, deltas, versions, threshold words.
        var j = number.startOffset - 1
        while j >= 0 && chars[j] == " " { j -= 1 }
        if j >= 0 {
            let previous = chars[j]
            if Self.signs.contains(previous) { return nil }
            if previous == "-" || previous == "–" || previous == "−" {
                // A sign or the second half of a range (the range was read from its start).
                return nil
            }
            if (previous == "v" || previous == "V") && j == number.startOffset - 1 { return nil }
            if previous == ":" || previous.isQuickLetter {
                // The two words before the number: `threshold: 0.60`, `when confidence 0.60`.
                var k = previous == ":" ? j - 1 : j
                for _ in 0..<2 {
                    while k >= 0 && chars[k] == " " { k -= 1 }
                    var word = ""
                    while k >= 0 && chars[k].isQuickLetter { word = String(chars[k]) + word; k -= 1 }
                    if thresholdWords.contains(word.lowercased()) { return nil }
                    if word.isEmpty { break }
                }
            }
        }

        // What comes after: units and versions.
        var end = number.endOffset + (percent ? 1 : 0)
        if !percent && end < chars.count {
            let next = chars[end]
            if next.isQuickLetter || next == "_" { return nil }
            if next == ".", end + 1 < chars.count, chars[end + 1].isASCIIDigit { return nil }
            if next == " " {
                var k = end + 1
                var word = ""
                while k < chars.count && chars[k].isQuickLetter { word.append(chars[k]); k += 1 }
                if unitWords.contains(word.lowercased()) { return nil }
            }
        }

        var reading = ConfidenceReading(value: value, start: text.startIndex, end: text.startIndex)
        var startOffset = number.startOffset

        // A range: `0.80-0.85`, `0.90 – 0.95`, `0.6 to 0.8`.
        var k = skipSpaces(chars, end)
        if k < chars.count, "-–—".contains(chars[k]) || hasPrefix(chars, at: k, "to ") {
            let afterDash = skipSpaces(chars, k + (chars[k] == "t" ? 2 : 1))
            if afterDash < chars.count, chars[afterDash].isASCIIDigit,
               let second = NumberToken.scan(chars, from: afterDash), second.fractionDigits >= 1,
               second.value <= 1.0 + 1e-9, second.value >= value {
                reading.min = value
                reading.max = second.value
                end = second.endOffset
            }
        }

        // A change: `0.75 → 0.95`, `0.92 → **PROMOTED to Primary**`.
        k = skipSpaces(chars, end)
        if k < chars.count, chars[k] == "→" || hasPrefix(chars, at: k, "->") {
            let afterArrow = skipSpaces(chars, k + (chars[k] == "→" ? 1 : 2))
            if afterArrow < chars.count, chars[afterArrow].isASCIIDigit,
               let later = NumberToken.scan(chars, from: afterArrow), later.fractionDigits >= 1 {
                reading.previous = reading.value
                reading.value = later.value
                reading.min = nil
                reading.max = nil
                end = later.endOffset
            } else if afterArrow < chars.count {
                var stop = afterArrow
                while stop < chars.count && chars[stop] != "(" { stop += 1 }
                let status = String(chars[afterArrow..<stop]).cleanedLabel
                if !status.isEmpty && !status.first!.isASCIIDigit && !status.contains("delegate") {
                    reading.status = status
                    end = stop
                }
            }
        }
        // A score in parentheses (`HIGH (0.90)`) ends after its closing parenthesis.
        var open = number.startOffset - 1
        while open >= 0 && chars[open] == " " { open -= 1 }
        if open >= 0 && chars[open] == "(" {
            let close = skipSpaces(chars, end)
            if close < chars.count && chars[close] == ")" { end = close + 1 }
        }

        // A level word: `HIGH (0.92)`, `MEDIUM-HIGH (0.80-0.85)`.
        var b = number.startOffset - 1
        while b >= 0 && chars[b] == " " { b -= 1 }
        if b >= 0 && chars[b] == "(" {
            var w = b - 1
            while w >= 0 && chars[w] == " " { w -= 1 }
            var wordEnd = w + 1
            var word = ""
            while w >= 0 && (chars[w].isUppercase || chars[w] == "-" || (chars[w] == " " && w > 0 && chars[w - 1].isUppercase && !word.isEmpty)) {
                word = String(chars[w]) + word
                w -= 1
            }
            word = String(word.trimmed)
            if word.count >= 3, word.contains(where: \.isLetter), word.allSatisfy({ $0.isUppercase || $0 == "-" || $0 == " " }) {
                reading.level = word
                wordEnd = w + 1
                startOffset = max(0, wordEnd)
                while startOffset < chars.count && chars[startOffset] == " " { startOffset += 1 }
            }
        }
        reading.start = text.index(text.startIndex, offsetBy: startOffset)
        reading.end = text.index(reading.start, offsetBy: end - startOffset)
        return reading
    }

    private static func followsColon(_ chars: [Character], _ offset: Int) -> Bool {
        var j = offset - 1
        while j >= 0 && chars[j] == " " { j -= 1 }
        return j >= 0 && chars[j] == ":"
    }

    private static func skipSpaces(_ chars: [Character], _ from: Int) -> Int {
        var k = from
        while k < chars.count && chars[k] == " " { k += 1 }
        return k
    }

    private static func hasPrefix(_ chars: [Character], at offset: Int, _ prefix: String) -> Bool {
        var i = offset
        for character in prefix {
            guard i < chars.count, chars[i] == character else { return false }
            i += 1
        }
        return true
    }
}

/// A number in text: digits, optionally a point and more digits.
struct NumberToken {
    var value: Double
    var fractionDigits: Int
    var startOffset: Int
    var endOffset: Int

    static func scan(_ chars: [Character], from start: Int) -> NumberToken? {
        var i = start
        var digits = ""
        while i < chars.count && chars[i].isASCIIDigit { digits.append(chars[i]); i += 1 }
        guard !digits.isEmpty else { return nil }
        var fraction = 0
        if i + 1 < chars.count && chars[i] == "." && chars[i + 1].isASCIIDigit {
            digits.append(".")
            i += 1
            while i < chars.count && chars[i].isASCIIDigit { digits.append(chars[i]); i += 1; fraction += 1 }
        }
        // Thousands separators make it a count, not a score.
        if i < chars.count && chars[i] == "," && i + 1 < chars.count && chars[i + 1].isASCIIDigit { return nil }
        guard let value = Double(digits) else { return nil }
        return NumberToken(value: value, fractionDigits: fraction, startOffset: start, endOffset: i)
    }
}

extension Character {
    /// `0`–`9`, read from the byte: `isNumber` looks Unicode properties up.
    var isASCIIDigit: Bool {
        guard let byte = asciiValue else { return false }
        return byte >= 0x30 && byte <= 0x39
    }

    /// `isLetter`, answered from the byte for ASCII (nearly every character profiles hold)
    /// and from Unicode's properties for the rest.
    var isQuickLetter: Bool {
        guard let byte = asciiValue else { return isLetter }
        return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
}
