import DossierModel

/// Writes the SVG for one page from a laid-out `Drawing`: accessible, classed for the
/// stylesheet, without colours, with the label text written by us rather than by Graphviz.
///
/// Graphviz's own text goes through its escape handling (`\N`, HTML entities, `-` written as
/// `&#45;`), so each line Graphviz drew is replaced with the plan's line at the same
/// position; only positions and outlines come from Graphviz.
struct DiagramSVGWriter {
    var plan: DiagramPlan
    var drawing: Drawing
    var options: DrawingOptions

    func svg() -> String {
        let prefix = options.safeIDPrefix
        let width = SVGNumber.format(drawing.width), height = SVGNumber.format(drawing.height)
        let title = options.title.isEmpty ? "Diagram" : options.title
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dg-diagram dg-flow-\(plan.direction.rawValue.lowercased())\""
        out += " role=\"img\" aria-labelledby=\"\(prefix)-title \(prefix)-desc\""
        out += " viewBox=\"0 0 \(width) \(height)\""
        out += " width=\"\(Int(drawing.width.rounded(.up)))\" height=\"\(Int(drawing.height.rounded(.up)))\""
        out += " style=\"max-width: 100%; height: auto\""
        out += " font-family=\"\(Typography.fontFamily)\" font-size=\"\(SVGNumber.format(Typography.nodeFontSize))\""
        out += " text-anchor=\"middle\" fill=\"currentColor\">\n"
        out += "<title id=\"\(prefix)-title\">\(XMLEscaping.text(title))</title>\n"
        out += "<desc id=\"\(prefix)-desc\">\(XMLEscaping.text(DiagramDescription(plan: plan).text))</desc>\n"
        if options.embedsStylesheet { out += "<style>\n\(DiagramSVG.stylesheet)</style>\n" }
        out += "<g transform=\"translate(\(drawing.translation.x) \(drawing.translation.y))\">\n"
        for (index, cluster) in plan.clusters.enumerated() {
            guard let item = drawing.clusters[index] else { continue }
            out += "<g class=\"dg-cluster\" font-size=\"\(SVGNumber.format(Typography.clusterFontSize))\">\n"
            out += item.shapes.map { shape($0, presentation: Self.outline) }.joined()
            out += texts(item.texts, lines: cluster.lines, style: nil)
            out += "</g>\n"
        }
        for (index, edge) in plan.edges.enumerated() {
            guard let item = drawing.edges[index] else { continue }
            out += self.edge(edge, item)
        }
        for (index, node) in plan.nodes.enumerated() {
            guard let item = drawing.nodes[index] else { continue }
            out += self.node(node, item)
        }
        return out + "</g>\n</svg>\n"
    }

    private func node(_ node: DiagramPlan.Node, _ item: Drawing.Item) -> String {
        let source = node.source
        var classes = ["dg-node", "dg-shape-\(source.shape.rawValue)"]
        if let tier = options.tiers[source.id] { classes.append("dg-tier-\(tier.rawValue)") }
        if source.future { classes.append("dg-future") }
        let link = options.link(for: source.id)
        if link != nil { classes.append("dg-linked") }

        var presentation = Self.outline
        if source.future || source.style?.dashed == true { presentation += " stroke-dasharray=\"6 4\"" }
        if let style = Self.shapeStyle(source.style) { presentation += " style=\"\(XMLEscaping.attribute(style))\"" }

        var body = NodeOutline.shapes(for: source.shape, graphviz: item.shapes)
            .map { shape($0, presentation: presentation) }.joined()
        body += texts(item.texts, lines: node.lines, style: Self.textStyle(source.style), centeredOn: item.bounds?.midY)
        if let link { body = "<a href=\"\(XMLEscaping.attribute(link))\">\n" + body + "</a>\n" }
        return "<g class=\"\(classes.joined(separator: " "))\" data-id=\"\(XMLEscaping.attribute(source.id))\">\n" + body + "</g>\n"
    }

    private func edge(_ edge: DiagramPlan.Edge, _ item: Drawing.Item) -> String {
        let source = edge.source
        var classes = ["dg-edge", "dg-edge-\(source.style.rawValue)"]
        if !source.arrow { classes.append("dg-edge-plain") }
        let color = source.color.flatMap(CSSValue.color)
        var line = Self.outline
        switch source.style {
        case .solid: break
        case .dotted: line += " stroke-dasharray=\"2 4\""
        case .thick: line += " stroke-width=\"2.5\""
        }
        var head = " stroke=\"currentColor\""
        if let color {
            line += " style=\"stroke: \(XMLEscaping.attribute(color))\""
            head += " style=\"fill: \(XMLEscaping.attribute(color)); stroke: \(XMLEscaping.attribute(color))\""
        }
        var out = "<g class=\"\(classes.joined(separator: " "))\""
        if !edge.lines.isEmpty { out += " font-size=\"\(SVGNumber.format(Typography.edgeFontSize))\"" }
        out += ">\n"
        for shape in item.shapes {
            out += self.shape(shape, presentation: shape.kind == .polygon ? head : line)
        }
        return out + texts(item.texts, lines: edge.lines, style: nil) + "</g>\n"
    }

    /// Outlines draw in the text colour and unfilled until the stylesheet says otherwise.
    private static let outline = " fill=\"none\" stroke=\"currentColor\""

    private func shape(_ shape: Drawing.Shape, presentation: String) -> String {
        var out = "<\(shape.kind.rawValue)" + presentation
        for attribute in shape.geometry {
            out += " \(attribute.name)=\"\(XMLEscaping.attribute(attribute.value))\""
        }
        return out + "/>\n"
    }

    /// One `<text>` per line at Graphviz's positions, holding the plan's lines.
    ///
    /// Graphviz sets baselines from the metrics of the font it measured with, which leaves
    /// text a little high in other fonts. With `centeredOn` (a node's vertical middle) lines
    /// are instead placed by their middles (`dominant-baseline="central"`), which the
    /// browser works out for the font it actually uses.
    private func texts(_ positions: [Drawing.TextPosition], lines: [String], style: String?, centeredOn middle: Double? = nil) -> String {
        var out = ""
        let count = min(positions.count, lines.count)
        let lineHeight = Typography.nodeFontSize * Typography.lineHeight
        for (index, (position, line)) in zip(positions, lines).enumerated() {
            if let middle {
                let y = middle + (Double(index) - Double(count - 1) / 2) * lineHeight
                out += "<text x=\"\(position.x)\" y=\"\(SVGNumber.format(y))\" dominant-baseline=\"central\""
            } else {
                out += "<text x=\"\(position.x)\" y=\"\(position.y)\""
            }
            if position.anchor != "middle" { out += " text-anchor=\"\(XMLEscaping.attribute(position.anchor))\"" }
            if let style { out += " style=\"\(XMLEscaping.attribute(style))\"" }
            out += ">\(XMLEscaping.text(line))</text>\n"
        }
        return out
    }

    /// The author's Mermaid style for a node's outline, with values that are not plain
    /// colours or lengths left out.
    private static func shapeStyle(_ style: DiagramStyle?) -> String? {
        guard let style else { return nil }
        var declarations: [String] = []
        if let fill = style.fill.flatMap(CSSValue.color) { declarations.append("fill: \(fill)") }
        if let stroke = style.stroke.flatMap(CSSValue.color) { declarations.append("stroke: \(stroke)") }
        if let width = style.strokeWidth.flatMap(CSSValue.length) { declarations.append("stroke-width: \(width)") }
        if style.dashed == true { declarations.append("stroke-dasharray: 6 4") }
        return declarations.isEmpty ? nil : declarations.joined(separator: "; ")
    }

    /// The author's text colour, or one that reads on the author's fill when only the fill
    /// is given.
    private static func textStyle(_ style: DiagramStyle?) -> String? {
        guard let style else { return nil }
        if let color = style.color.flatMap(CSSValue.color) { return "fill: \(color)" }
        if let fill = style.fill.flatMap(CSSValue.color), let text = CSSValue.readableText(on: fill) {
            return "fill: \(text)"
        }
        return nil
    }
}
