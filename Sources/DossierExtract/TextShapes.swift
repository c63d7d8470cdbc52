import DossierCore

/// Small readers for the line shapes profiles are written in. Each takes plain text (the
/// Markdown already read) and returns `nil` when the shape is not there.
enum TextShapes {
    /// A `Key: value` split at the first colon that follows a short label (at most eight
    /// words, no sentence punctuation), so `Note: see http://x` splits and prose does not.
    static func labelValue(_ text: Substring) -> (label: Substring, value: Substring)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = text[..<colon].trimmed
        guard !label.isEmpty, wordCount(label) <= 8,
              !label.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") })
                || label.utf8.contains(UInt8(ascii: "(")) else { return nil }
        var rest = text[text.index(after: colon)...]
        if rest.hasPrefix("//") { return nil }  // a URL, not a label
        rest = rest.trimmed
        return (label, rest)
    }

    /// Words separated by spaces, counted from the bytes (`split(separator: " ").count`
    /// without the array).
    private static func wordCount(_ text: Substring) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// Top-level parenthesised groups of a text, and the text outside them.
    /// `Name: 0.92 (note) (more)` → (`Name: 0.92`, [`note`, `more`]).
    static func parentheticals(_ text: Substring) -> (outside: String, groups: [Substring]) {
        // Without a parenthesis byte there is no parenthesis character: all of it is outside.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) else {
            return (String(text).trimmingSpaces, [])
        }
        var outside = ""
        var groups: [Substring] = []
        var depth = 0
        var start = text.startIndex
        for index in text.indices {
            let c = text[index]
            if c == "(" {
                if depth == 0 { start = text.index(after: index) }
                depth += 1
            } else if c == ")" && depth > 0 {
                depth -= 1
                if depth == 0 { groups.append(text[start..<index]) }
            } else if depth == 0 {
                outside.append(c)
            }
        }
        if depth > 0 { outside += text[text.index(before: start)...] }  // unbalanced: keep as text
        return (outside.trimmingSpaces, groups)
    }

    /// `key: value, other key: value` → pairs, splitting only at commas that start a new
    /// `key:` (values may contain commas: `source: Medium article, part 2`). Keys are
    /// lowercased.
    static func keyValues(_ text: Substring) -> [(key: String, value: String)] {
        var pairs: [(String, String)] = []
        var segments: [Substring] = []
        var current = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == ",", let next = text.index(index, offsetBy: 1, limitedBy: text.endIndex),
               startsWithKey(text[next...]) {
                segments.append(text[current..<index])
                current = next
            }
            index = text.index(after: index)
        }
        segments.append(text[current...])
        for segment in segments {
            if let (label, value) = labelValue(segment), label.split(separator: " ").count <= 4 {
                pairs.append((label.lowercased(), String(value)))
            } else {
                pairs.append(("", String(segment.trimmed)))
            }
        }
        return pairs
    }

    private static func startsWithKey(_ text: Substring) -> Bool {
        let trimmed = text.drop { $0 == " " }
        guard let colon = trimmed.firstIndex(of: ":") else { return false }
        let label = trimmed[..<colon]
        return !label.isEmpty && label.count <= 30 && label.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" }
    }

    /// `100%`, `92%`, `0%` anywhere in the text → the first as a fraction.
    static func percentage(_ text: some StringProtocol) -> Double? {
        let characters = Array(text)
        for (i, c) in characters.enumerated() where c == "%" {
            var j = i
            while j > 0 && (characters[j - 1].isNumber || characters[j - 1] == ".") { j -= 1 }
            if j < i, let value = Double(String(characters[j..<i])) { return value / 100 }
        }
        return nil
    }

    /// A success rate written as `(success rate: 100%)`, `(95% success rate)` or
    /// `(success rate from 1 project: 100%)`.
    static func successRate(_ text: some StringProtocol) -> Double? {
        let lower = text.lowercased()
        guard let range = lower.byteRange(of: "success rate") ?? lower.byteRange(of: "success") else { return nil }
        // The percentage nearest to the phrase, on either side, within the same parenthetical.
        let before = lower[..<range.lowerBound]
        let after = lower[range.upperBound...]
        let groupStart = before.lastIndex(of: "(").map { lower.index(after: $0) } ?? lower.startIndex
        let groupEnd = after.firstIndex(of: ")") ?? lower.endIndex
        return percentage(lower[range.upperBound..<groupEnd]) ?? percentage(lower[groupStart..<range.lowerBound])
    }

    /// A whole number at the start: `1 (feature-x)` → 1.
    static func leadingInteger(_ text: some StringProtocol) -> Int? {
        let digits = text.drop { $0 == " " }.prefix { $0.isNumber && $0.isASCII }
        guard !digits.isEmpty else { return nil }
        let next = text.drop { $0 == " " }.dropFirst(digits.count).first
        if let next, next == "." || next == "%" || next.isLetter { return nil }
        return Int(digits)
    }

    /// `(1 success / 1 attempt)` → (1, "success", 1, "attempt").
    static func fraction(_ text: some StringProtocol) -> (numerator: Int, numeratorLabel: String, denominator: Int, denominatorLabel: String)? {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let left = text[..<slash].split(separator: " ").suffix(2)
        let right = text[text.index(after: slash)...].split(separator: " ").prefix(2)
        guard left.count == 2, right.count == 2,
              let n = Int(String(left.first!.filter { $0.isNumber })),
              let d = Int(String(right.first!.filter { $0.isNumber })) else { return nil }
        return (n, String(left.last!).lowercased(), d, String(right.last!.filter { $0.isLetter }).lowercased())
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmed: Substring {
        let s = Substring(self)
        guard let first = s.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return s[s.endIndex...] }
        let last = s.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return s[first...last]
    }

    /// Without `**`, surrounding punctuation `:` and spaces, and decorative emoji.
    var cleanedLabel: String {
        var text = String(self).replacingEvery("**", with: "")
        while let first = text.first, first == " " || first == ":" || first == "-" || first == "–" || Emoji.isDecoration(first) { text.removeFirst() }
        while let last = text.last, last == " " || last == ":" || last == "," || last == "-" || last == "–" { text.removeLast() }
        return text
    }
}

extension String {
    /// Every occurrence of `target` replaced (standard library only: this module stays free
    /// of Foundation's string extensions, whose names would clash).
    func replacingEvery(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, includes(target) else { return self }
        return splitting(by: target).joined(separator: replacement)
    }

    func splitting(by separator: String) -> [String] {
        var parts: [String] = []
        var rest = self[...]
        while let range = rest.byteRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
