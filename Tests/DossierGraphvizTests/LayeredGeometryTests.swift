import DossierModel
import Testing
@testable import DossierGraphviz

/// Geometry of the own layout: read back from the `Drawing` it produces, the way the SVG
/// writer sees it.
@Suite("Own layout: geometry")
struct LayeredGeometryTests {
    typealias Box = Drawing.Bounds

    static func drawing(_ diagram: Diagram) throws -> Drawing {
        try LayeredLayout.drawing(for: DiagramPlan(diagram)).get()
    }

    static func numbers(_ shape: Drawing.Shape) -> [Double] {
        shape.geometry.map(\.value).joined(separator: " ")
            .split { !($0.isNumber || $0 == "." || $0 == "-") }.compactMap { Double(String($0)) }
    }

    /// The points of a shape: `M x,y C x,y x,y x,y` or a polygon's `x,y x,y …`.
    static func points(_ shape: Drawing.Shape) -> [(x: Double, y: Double)] {
        let values = numbers(shape)
        return stride(from: 0, to: values.count - 1, by: 2).map { (values[$0], values[$0 + 1]) }
    }

    static func onBorder(_ point: (x: Double, y: Double), of box: Box) -> Bool {
        let inside = point.x >= box.minX - 0.01 && point.x <= box.maxX + 0.01 && point.y >= box.minY - 0.01 && point.y <= box.maxY + 0.01
        let onSide = [abs(point.x - box.minX), abs(point.x - box.maxX), abs(point.y - box.minY), abs(point.y - box.maxY)].min()! < 0.01
        return inside && onSide
    }

    @Test(arguments: Shapes.taken.indices)
    func nodesDoNotOverlap(index: Int) throws {
        let boxes = try Self.drawing(Shapes.taken[index]).nodes.values.map { $0.bounds! }
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                let overlap = min(a.maxX, b.maxX) - max(a.minX, b.minX) > 0.01 && min(a.maxY, b.maxY) - max(a.minY, b.minY) > 0.01
                #expect(!overlap, "\(a) overlaps \(b)")
            }
        }
    }

    @Test(arguments: Shapes.taken.indices)
    func edgesRunFromBorderToBorderWithTheArrowheadAtTheHead(index: Int) throws {
        let diagram = Shapes.taken[index]
        let plan = DiagramPlan(diagram)
        let drawing = try Self.drawing(diagram)
        let position = Dictionary(uniqueKeysWithValues: plan.nodes.enumerated().map { ($1.source.id, $0) })
        for (number, edge) in plan.edges.enumerated() {
            let item = try #require(drawing.edges[number])
            let tail = drawing.nodes[position[edge.source.from]!]!.bounds!
            let head = drawing.nodes[position[edge.source.to]!]!.bounds!
            let path = Self.points(item.shapes[0])
            #expect(item.shapes[0].kind == .path && path.count == 4)
            #expect(Self.onBorder(path[0], of: tail), "edge \(number) starts on its tail")
            if edge.source.arrow {
                #expect(item.shapes.count == 2)
                let arrow = Self.points(item.shapes[1])
                let (tip, base) = (arrow[1], (x: (arrow[0].x + arrow[2].x) / 2, y: (arrow[0].y + arrow[2].y) / 2))
                #expect(Self.onBorder(tip, of: head), "edge \(number)'s arrowhead touches its head")
                #expect(abs(base.x - path[3].x) < 0.02 && abs(base.y - path[3].y) < 0.02, "the line ends at the arrowhead")
                let length = ((tip.x - base.x) * (tip.x - base.x) + (tip.y - base.y) * (tip.y - base.y)).squareRoot()
                #expect(abs(length - 8) < 0.02, "arrowsize 0.8: 8 points long")
                #expect(arrow.count == 4 && arrow[0] == arrow[3])
            } else {
                #expect(item.shapes.count == 1)
                #expect(Self.onBorder(path[3], of: head), "edge \(number) ends on its head")
            }
        }
    }

    @Test(arguments: Shapes.taken.indices)
    func theCanvasHoldsEverything(index: Int) throws {
        let drawing = try Self.drawing(Shapes.taken[index])
        let pad = 0.08 * 72
        #expect(drawing.translation.x == "5.76")
        #expect(drawing.translation.y == SVGNumber.format(drawing.height - pad))
        let items = Array(drawing.nodes.values) + Array(drawing.edges.values)
        for item in items {
            let box = try #require(item.bounds)
            #expect(box.minX >= -0.01 && box.maxX <= drawing.width - 2 * pad + 0.01)
            #expect(box.minY >= -(drawing.height - 2 * pad) - 0.01 && box.maxY <= 0.01)
        }
        // Tight: some node touches each side.
        let nodes = drawing.nodes.values.map { $0.bounds! }
        #expect(abs(nodes.map(\.minX).min()!) < 0.01)
        #expect(abs(nodes.map(\.maxY).max()!) < 0.01)
    }

    @Test(arguments: [Diagram.Direction.LR, .TB, .RL, .BT])
    func aChainIsStraight(direction: Diagram.Direction) throws {
        let diagram = Diagrams.chain(["Frontend", "CloudFront", "API Gateway", "Lambda (Python + Mangum)", "DynamoDB"], direction: direction)
        let drawing = try Self.drawing(diagram)
        let boxes = (0..<5).map { drawing.nodes[$0]!.bounds! }
        let across = direction == .LR || direction == .RL
        let middles = boxes.map { across ? $0.midY : $0.midX }
        #expect(Set(middles).count == 1)
        let order = boxes.map { across ? $0.midX : $0.midY }
        #expect(order == (direction == .LR || direction == .TB ? order.sorted() : order.sorted().reversed()))
        for edge in drawing.edges.values {
            let points = Self.points(edge.shapes[0])
            #expect(Set(points.map { across ? $0.y : $0.x }).count == 1, "straight")
        }
    }

    @Test func aParentSitsCentredOverItsChildrenAndAJoinUnderItsParents() throws {
        // TB: Lambda, Step Functions, SQS Queue in a row; the gateway over the middle one.
        let fan = try Self.drawing(Shapes.fanOut)
        let (root, children) = (fan.nodes[0]!.bounds!, (1...3).map { fan.nodes[$0]!.bounds! })
        #expect(Set(children.map(\.midY)).count == 1 && children[0].midY > root.midY)
        #expect(root.midX == children[1].midX)
        // LR: the first successor on top, as dot puts it.
        let across = try Self.drawing(Shapes.fanOutAcross)
        let stack = (1...3).map { across.nodes[$0]!.bounds! }
        #expect(stack.map(\.midY) == stack.map(\.midY).sorted())
        #expect(across.nodes[0]!.bounds!.midY == stack[1].midY)
        // Two sources joining: the loader halfway between them (to the point).
        let join = try Self.drawing(Shapes.join)
        let (orders, billing, loader) = (join.nodes[0]!.bounds!, join.nodes[2]!.bounds!, join.nodes[1]!.bounds!)
        #expect(abs(loader.midX - (orders.midX + billing.midX) / 2) <= 0.5)
        #expect(join.nodes[3]!.bounds!.midX == loader.midX)
    }
}
