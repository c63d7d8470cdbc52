/// Breaks a label into lines no wider than a limit, with lines of even length.
///
/// Step-by-step diagrams have labels of 40 characters and more; unbroken they make boxes as
/// wide as a phone screen. Lines break only at spaces (a long word such as a URL stays whole
/// and makes its box wider), explicit line breaks in the label are kept, a parenthesised
/// part stays on one line when it fits ("Lambda" / "(Python + Mangum)", not "Lambda (Python"
/// / "+ Mangum)"), and a lone symbol such as `+` or `&` never ends a line. Once the number of
/// lines is known, break points move so the lines come out about equally long.
struct LabelWrapper {
    /// Widest line, in points.
    var maxWidth: Double
    var fontSize: Double

    func lines(_ label: String) -> [String] {
        var result: [String] = []
        for paragraph in label.split(separator: "\n", omittingEmptySubsequences: true) {
            let words = paragraph.split(whereSeparator: \.isWhitespace).map(String.init)
            guard !words.isEmpty else { continue }
            result += balanced(units(words))
        }
        return result
    }

    /// Words grouped into the pieces lines are made of.
    private func units(_ words: [String]) -> [String] {
        var units: [String] = []
        var index = 0
        while index < words.count {
            var unit = words[index]
            // A parenthesised run, kept whole when it fits on a line.
            if unit.hasPrefix("("), !unit.contains(")"),
               let close = words[(index + 1)...].firstIndex(where: { $0.contains(")") }) {
                let group = words[index...close].joined(separator: " ")
                if width(group) <= maxWidth {
                    unit = group
                    index = close
                }
            }
            // A symbol standing alone joins the next word.
            if unit.count == 1, !unit.first!.isLetter, !unit.first!.isNumber, index + 1 < words.count {
                index += 1
                unit += " " + words[index]
            }
            units.append(unit)
            index += 1
        }
        return units
    }

    private func balanced(_ units: [String]) -> [String] {
        let greedy = wrap(units, within: maxWidth)
        guard greedy.count > 1 else { return greedy }
        // The narrowest limit that still gives the same number of lines.
        var low = units.map { width($0) }.max() ?? 0
        var high = maxWidth
        for _ in 0..<12 where high - low > 0.5 {
            let middle = (low + high) / 2
            if wrap(units, within: middle).count <= greedy.count { high = middle } else { low = middle }
        }
        return wrap(units, within: high)
    }

    private func wrap(_ units: [String], within limit: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for unit in units {
            let candidate = current.isEmpty ? unit : current + " " + unit
            if current.isEmpty || width(candidate) <= limit {
                current = candidate
            } else {
                lines.append(current)
                current = unit
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private func width(_ text: String) -> Double {
        TextMetrics.width(of: text, fontSize: fontSize)
    }
}
