import DossierModel

/// Reads a cost estimate: `$10-20/month moderate usage`, `$5/month`, `~$100/mo`,
/// `$0.20 per 1M requests`, `€1,200–1,500 per year`, `$2.5k/month`. Text it cannot read is
/// kept with `parsed: false`.
enum CostParser {
    static func parse(_ text: String) -> Cost {
        var cost = Cost(text: text, parsed: false)
        let chars = Array(text)
        var i = 0
        // The first amount with a currency sign (or a currency code before it).
        var currency: String?
        var amounts: [Double] = []
        var end = 0
        while i < chars.count {
            let c = chars[i]
            if let code = Self.symbols[c] {
                currency = code
                guard let (value, next) = amount(chars, i + 1) else { i += 1; continue }
                amounts = [value]
                end = next
                // A range: `-20`, `–$20`, ` to $20`.
                var j = next
                while j < chars.count && chars[j] == " " { j += 1 }
                var k = j
                if k < chars.count && "-–—".contains(chars[k]) { k += 1 }
                else if String(chars[k..<min(chars.count, k + 2)]) == "to" { k += 2 }
                if k > j {
                    while k < chars.count && chars[k] == " " { k += 1 }
                    if k < chars.count && Self.symbols[chars[k]] != nil { k += 1 }
                    if let (second, afterSecond) = amount(chars, k), second >= value {
                        amounts.append(second)
                        end = afterSecond
                    }
                }
                break
            }
            i += 1
        }
        guard let low = amounts.first else {
            if TitleMatch.normalized(text).hasPrefix("free") {
                cost.min = 0; cost.max = 0; cost.parsed = true
            }
            return cost
        }
        cost.parsed = true
        cost.currency = currency
        cost.min = low
        cost.max = amounts.last
        // What the amount is per: `/month`, `per month`, `per 1M requests`.
        var rest = Substring(String(chars[end...])).trimmed
        var period: String?
        if rest.hasPrefix("/") {
            let word = rest.dropFirst().prefix { $0.isLetter }
            period = Self.periods[word.lowercased()]
            rest = rest.dropFirst(1 + word.count).trimmed
        } else if rest.lowercased().hasPrefix("per ") {
            let afterPer = rest.dropFirst(4).trimmed
            let word = afterPer.prefix { $0.isLetter }
            if let known = Self.periods[word.lowercased()] {
                period = known
                rest = afterPer.dropFirst(word.count).trimmed
            } else {
                // `per 1M requests`: up to the next comma or parenthesis.
                let unit = afterPer.prefix { $0 != "," && $0 != "(" && $0 != ";" }
                cost.unit = String(unit.trimmed)
                rest = afterPer.dropFirst(unit.count).trimmed
            }
        } else {
            let word = rest.prefix { $0.isLetter }
            if let known = Self.periods[word.lowercased()] {
                period = known
                rest = rest.dropFirst(word.count).trimmed
            }
        }
        cost.period = period
        let qualifier = rest.trimmingCharacters(" ,;-–()")
        if !qualifier.isEmpty { cost.qualifier = String(qualifier) }
        if text.trimmed.hasPrefix("~") || text.trimmed.hasPrefix("≈") {
            cost.qualifier = ["approximately", cost.qualifier].compactMap { $0 }.joined(separator: ", ")
        }
        return cost
    }

    static let symbols: [Character: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"]

    static let periods: [String: String] = [
        "month": "month", "months": "month", "mo": "month", "mth": "month", "monthly": "month",
        "year": "year", "years": "year", "yr": "year", "annually": "year", "annual": "year", "yearly": "year",
        "day": "day", "daily": "day", "hour": "hour", "hr": "hour", "hourly": "hour", "week": "week", "wk": "week", "weekly": "week",
    ]

    /// `1,200`, `0.20`, `2.5k`, `1M` starting at `i`.
    static func amount(_ chars: [Character], _ start: Int) -> (Double, Int)? {
        var i = start
        var digits = ""
        while i < chars.count, chars[i].isASCIIDigit || chars[i] == "." || (chars[i] == "," && i + 1 < chars.count && chars[i + 1].isASCIIDigit) {
            if chars[i] != "," { digits.append(chars[i]) }
            i += 1
        }
        if digits.hasSuffix(".") { digits.removeLast(); i -= 1 }
        guard var value = Double(digits) else { return nil }
        if i < chars.count {
            switch chars[i] {
            case "k", "K": value *= 1_000; i += 1
            case "M" where i + 1 >= chars.count || !chars[i + 1].isLetter: value *= 1_000_000; i += 1
            default: break
            }
        }
        return (value, i)
    }
}
