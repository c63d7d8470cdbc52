/// Writes numbers for SVG and Graphviz attributes in one fixed form: rounded to a few
/// decimals, no trailing zeros, no exponent, no `-0`.
///
/// `Double.description` would do for determinism but writes `1e-05` and `12.000000000000002`;
/// this keeps output short and the same for the same value on every platform.
enum SVGNumber {
    static func format(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        // Whole numbers, most coordinates of a layout: no scaling, no fraction.
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled != 0 else { return "0" }
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let unit = Int64(scale)
        var text = negative ? "-" : ""
        text += String(magnitude / unit)
        var fraction = magnitude % unit
        if fraction != 0 {
            // Trailing zeros off by arithmetic, then the leading ones the division lost.
            var places = digits
            while fraction % 10 == 0 { fraction /= 10; places -= 1 }
            let fractionText = String(fraction)
            text += "."
            for _ in fractionText.utf8.count..<places { text += "0" }
            text += fractionText
        }
        return text
    }

    /// Reads a number Graphviz wrote; `nil` for anything else.
    static func parse(_ text: some StringProtocol) -> Double? {
        Double(String(text))
    }
}
