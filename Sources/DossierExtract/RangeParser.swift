import DossierModel

/// Reads the confidence band from a tier heading: `(≥0.85)`, `(0.60-0.84)`, `(<0.60)`,
/// `≥ 0.85`, `>=0.85`, `85%+`, `0.85+`, `60–84%`, `below 0.60`, `0.85 and above`.
enum RangeParser {
    static func parse(_ title: String) -> ConfidenceRange? {
        let text = title.lowercased()
        let characters = Array(text)
        var numbers: [(value: Double, start: Int, end: Int, percent: Bool)] = []
        var i = 0
        while i < characters.count {
            if characters[i].isASCIIDigit, i == 0 || !(characters[i - 1].isASCIIDigit || characters[i - 1] == "."),
               let token = NumberToken.scan(characters, from: i) {
                let percent = token.endOffset < characters.count && characters[token.endOffset] == "%"
                let value = percent || token.value > 1 ? token.value / 100 : token.value
                if value <= 1 { numbers.append((value, token.startOffset, token.endOffset + (percent ? 1 : 0), percent)) }
                i = token.endOffset
            } else {
                i += 1
            }
        }
        guard let first = numbers.first else { return nil }
        if numbers.count >= 2 {
            let between = String(characters[first.end..<numbers[1].start])
            if between.trimmed.allSatisfy({ "-–—to ".contains($0) }) {
                return ConfidenceRange(min: first.value, max: numbers[1].value)
            }
        }
        let before = String(characters[..<first.start]).trimmed
        let after = String(characters[first.end...]).trimmed
        if before.hasSuffix("≥") || before.hasSuffix(">=") || after.hasPrefix("+") || after.hasPrefix("and above") || after.hasPrefix("or above") || after.hasPrefix("or higher") || before.hasSuffix("at least") {
            return ConfidenceRange(min: first.value, max: 1)
        }
        if before.hasSuffix(">") || before.hasSuffix("above") {
            return ConfidenceRange(min: first.value, max: 1, minInclusive: false)
        }
        if before.hasSuffix("≤") || before.hasSuffix("<=") || after.hasPrefix("or below") || after.hasPrefix("or lower") {
            return ConfidenceRange(min: 0, max: first.value)
        }
        if before.hasSuffix("<") || before.hasSuffix("below") || before.hasSuffix("under") {
            return ConfidenceRange(min: 0, max: first.value, maxInclusive: false)
        }
        return nil
    }
}
