/// `subgraph`, `classDef`, `class`, `style` and `linkStyle`.
extension MermaidStatementParser {
    /// `subgraph id [label]`, `subgraph id["label"]`, `subgraph "title"`,
    /// `subgraph title words` or a bare `subgraph`.
    mutating func parseSubgraph() throws(MermaidSyntaxError) {
        let start = cursor.position
        cursor.position += "subgraph".utf8.count
        cursor.skipSpaces()
        if cursor.atStatementEnd {
            graph.openCluster(id: nil, label: "", offset: start)
            return
        }
        if cursor.peek() == UInt8(ascii: "\"") {
            let title = try parseQuoted()
            graph.openCluster(id: nil, label: title, offset: start)
            return
        }
        let titleStart = cursor.position
        let id = cursor.readID()
        if !id.isEmpty {
            let afterID = cursor.position
            cursor.skipSpaces()
            if cursor.peek() == UInt8(ascii: "[") {
                let opening = cursor.position
                cursor.position += 1
                let label = try parseLabel(closers: ["]"], opening: opening)
                graph.openCluster(id: id, label: label, offset: start)
                return
            }
            if cursor.atStatementEnd {
                cursor.position = afterID
                graph.openCluster(id: id, label: id, offset: start)
                return
            }
        }
        cursor.position = titleStart
        cursor.skipStatement()
        let title = MermaidText.decode(cursor.text(titleStart..<cursor.position).trimmingSpaces())
        graph.openCluster(id: nil, label: title, offset: start)
    }

    /// `classDef name[,name…] key:value,…`.
    mutating func parseClassDef() throws(MermaidSyntaxError) {
        cursor.position += "classDef".utf8.count
        let names = try parseIDList(what: "a class name")
        let properties = parseStyleList(allowed: MermaidStyleProperty.nodeKeys)
        for name in names { graph.defineClass(name, properties) }
    }

    /// `class id[,id…] name`.
    mutating func parseClass() throws(MermaidSyntaxError) {
        cursor.position += "class".utf8.count
        let ids = try parseIDList(what: "a node id")
        cursor.skipSpaces()
        let name = cursor.readID()
        guard !name.isEmpty else { throw unexpected("expected a class name") }
        for id in ids { graph.assignClass(name, to: id) }
    }

    /// `style id key:value,…`. Like Mermaid, styling an id declares the node.
    mutating func parseStyle() throws(MermaidSyntaxError) {
        cursor.position += "style".utf8.count
        cursor.skipSpaces()
        let id = cursor.readID()
        guard !id.isEmpty else { throw unexpected("expected a node id") }
        if !graph.hasNode(id) { graph.vertex(id) }
        graph.style(id, parseStyleList(allowed: MermaidStyleProperty.nodeKeys))
    }

    /// `linkStyle default|n[,n…] [interpolate curve] key:value,…`: the stroke colour is kept.
    mutating func parseLinkStyle() throws(MermaidSyntaxError) {
        cursor.position += "linkStyle".utf8.count
        cursor.skipSpaces()
        let targets: MermaidGraphBuilder.LinkTargets
        if cursor.peekWord() == "default" {
            _ = cursor.readID()
            targets = .all
        } else {
            var numbers: [(number: Int, offset: Int)] = []
            repeat {
                cursor.skipSpaces()
                let start = cursor.position
                while let byte = cursor.peek(), byte >= 0x30 && byte <= 0x39 { cursor.position += 1 }
                guard cursor.position > start, let number = Int(String(cursor.text(start..<cursor.position))) else {
                    throw unexpected("expected a link number or `default`")
                }
                numbers.append((number, start))
                cursor.skipSpaces()
            } while cursor.consume(UInt8(ascii: ","))
            targets = .indices(numbers)
        }
        cursor.skipSpaces()
        if cursor.peekWord() == "interpolate" {
            note("`interpolate` is ignored: edges are drawn by Dossier's layout", at: cursor.position)
            _ = cursor.readID()
            cursor.skipSpaces()
            _ = cursor.readID()
        }
        graph.styleLinks(targets, parseStyleList(allowed: ["stroke"]))
    }

    /// Ids separated by commas, after optional spaces.
    private mutating func parseIDList(what: String) throws(MermaidSyntaxError) -> [String] {
        var ids: [String] = []
        repeat {
            cursor.skipSpaces()
            let id = cursor.readID()
            guard !id.isEmpty else { throw unexpected("expected \(what)") }
            ids.append(id)
            cursor.skipSpaces()
        } while cursor.consume(UInt8(ascii: ","))
        return ids
    }

    /// The rest of the statement as style properties; those outside `allowed` get a note.
    private mutating func parseStyleList(allowed: Set<String>) -> [MermaidStyleProperty] {
        cursor.skipSpaces()
        let start = cursor.position
        cursor.skipStatement()
        let properties = MermaidStyleProperty.parse(cursor.bytes[start..<cursor.position])
        var kept: [MermaidStyleProperty] = []
        for property in properties {
            if allowed.contains(property.key) {
                kept.append(property)
            } else if property.key.isEmpty {
                note("'\(property.value)' is not a `key:value` style and is ignored", at: property.offset)
            } else {
                note("the style '\(property.key)' is ignored: Dossier draws \(allowed.sorted().joined(separator: ", "))", at: property.offset)
            }
        }
        return kept
    }
}
