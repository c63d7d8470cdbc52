extension Drawing {
    /// An axis-aligned box in Graphviz's coordinates (y grows downwards in its SVG, from
    /// negative values up to 0).
    struct Bounds: Hashable, Sendable {
        var minX: Double
        var minY: Double
        var maxX: Double
        var maxY: Double

        var width: Double { maxX - minX }
        var height: Double { maxY - minY }
        var midX: Double { (minX + maxX) / 2 }
        var midY: Double { (minY + maxY) / 2 }

        func union(_ other: Bounds) -> Bounds {
            Bounds(minX: min(minX, other.minX), minY: min(minY, other.minY),
                   maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
        }
    }
}

extension Drawing.Shape {
    /// The box around the shape's points. For a path this is the box around its control
    /// points, which for Graphviz's node outlines (rounded corners, cylinder rims) is the
    /// node's box.
    var bounds: Drawing.Bounds? {
        func value(_ name: String) -> Double? {
            geometry.first { $0.name == name }.flatMap { SVGNumber.parse($0.value) }
        }
        switch kind {
        case .ellipse:
            guard let cx = value("cx"), let cy = value("cy"), let rx = value("rx"), let ry = value("ry") else { return nil }
            return Drawing.Bounds(minX: cx - rx, minY: cy - ry, maxX: cx + rx, maxY: cy + ry)
        case .rect:
            guard let x = value("x"), let y = value("y"), let width = value("width"), let height = value("height") else { return nil }
            return Drawing.Bounds(minX: x, minY: y, maxX: x + width, maxY: y + height)
        case .polygon, .polyline, .path:
            let text = geometry.first { $0.name == "points" || $0.name == "d" }?.value ?? ""
            let numbers = Self.numbers(in: text)
            guard numbers.count >= 2, numbers.count % 2 == 0 else { return nil }
            let xs = stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
            let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
            return Drawing.Bounds(minX: xs.min()!, minY: ys.min()!, maxX: xs.max()!, maxY: ys.max()!)
        }
    }

    /// The numbers in `points` or in a path Graphviz wrote (absolute `M` and `C` commands,
    /// coordinates as `x,y` pairs). Read as bytes: every node's box is measured this way
    /// when its label is placed, and splitting the text into Characters was most of that.
    static func numbers(in text: String) -> [Double] {
        var numbers: [Double] = []
        var token: [UInt8] = []
        func flush() {
            if !token.isEmpty, let number = SVGNumber.parse(String(decoding: token, as: UTF8.self)) { numbers.append(number) }
            token.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "e"): token.append(byte)
            default: flush()
            }
        }
        flush()
        return numbers
    }
}

extension Drawing.Item {
    /// The box around all of the item's shapes.
    var bounds: Drawing.Bounds? {
        shapes.compactMap(\.bounds).reduce(nil) { $0?.union($1) ?? $1 }
    }
}
