/// A diagram read from a profile or pattern document: a graph of labelled nodes and edges,
/// drawn at build time and exported as data.
public struct Diagram: Hashable, Sendable, Codable {
    /// How the diagram was written: arrow text (`A → B`) or a Mermaid flowchart.
    public enum Kind: String, Hashable, Sendable, Codable {
        case arrow, mermaid
    }

    /// Which way the graph flows.
    public enum Direction: String, Hashable, Sendable, Codable {
        case LR, TB, RL, BT
    }

    public var kind: Kind
    public var direction: Direction
    public var nodes: [DiagramNode]
    public var edges: [DiagramEdge]
    public var clusters: [DiagramCluster]
    /// The same graph as Mermaid flowchart text, valid for GitHub and mermaid.js.
    public var mermaid: String
    /// Where the diagram's code block starts (the fence line).
    public var source: SourceRef

    public init(kind: Kind, direction: Direction, nodes: [DiagramNode], edges: [DiagramEdge],
                clusters: [DiagramCluster] = [], mermaid: String = "", source: SourceRef) {
        self.kind = kind
        self.direction = direction
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.mermaid = mermaid
        self.source = source
    }
}

/// A node of a diagram.
public struct DiagramNode: Hashable, Sendable, Codable {
    /// Mermaid's node shapes; arrow diagrams use `box`.
    public enum Shape: String, Hashable, Sendable, Codable {
        /// `A[text]`
        case box
        /// `A(text)`
        case rounded
        /// `A([text])`
        case stadium
        /// `A[[text]]`
        case subroutine
        /// `A[(text)]`
        case cylinder
        /// `A((text))`
        case circle
        /// `A>text]`
        case asymmetric
        /// `A{text}`
        case rhombus
        /// `A{{text}}`
        case hexagon
    }

    /// Unique within the diagram; for arrow diagrams derived from the label.
    public var id: String
    public var label: String
    public var shape: Shape
    /// The service from the owning profile's service matrix this node stands for, if any.
    public var service: String?
    /// Marked `(future)` in its label: drawn dashed.
    public var future: Bool
    /// Presentation from Mermaid `style` / `classDef` lines, where it maps onto SVG.
    public var style: DiagramStyle?

    public init(id: String, label: String, shape: Shape = .box, service: String? = nil, future: Bool = false, style: DiagramStyle? = nil) {
        self.id = id
        self.label = label
        self.shape = shape
        self.service = service
        self.future = future
        self.style = style
    }
}

/// A directed connection between two nodes.
public struct DiagramEdge: Hashable, Sendable, Codable {
    public enum Style: String, Hashable, Sendable, Codable {
        case solid, dotted, thick
    }

    public var from: String
    public var to: String
    public var label: String?
    public var style: Style
    /// `false` for Mermaid's `---` (a line without an arrowhead).
    public var arrow: Bool
    /// Presentation from Mermaid `linkStyle`, where it maps onto SVG.
    public var color: String?

    public init(from: String, to: String, label: String? = nil, style: Style = .solid, arrow: Bool = true, color: String? = nil) {
        self.from = from
        self.to = to
        self.label = label
        self.style = style
        self.arrow = arrow
        self.color = color
    }
}

/// A group of nodes drawn in one box (Mermaid's `subgraph`).
public struct DiagramCluster: Hashable, Sendable, Codable {
    public var id: String
    public var label: String
    /// Node ids, in order of appearance.
    public var nodes: [String]

    public init(id: String, label: String, nodes: [String]) {
        self.id = id
        self.label = label
        self.nodes = nodes
    }
}

/// Colours and strokes a Mermaid diagram asks for. Values are CSS colours or lengths as
/// written (`#f9f`, `2px`).
public struct DiagramStyle: Hashable, Sendable, Codable {
    public var fill: String?
    public var stroke: String?
    public var strokeWidth: String?
    public var color: String?
    public var dashed: Bool?

    public init(fill: String? = nil, stroke: String? = nil, strokeWidth: String? = nil, color: String? = nil, dashed: Bool? = nil) {
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.color = color
        self.dashed = dashed
    }
}
