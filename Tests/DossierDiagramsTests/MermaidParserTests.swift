import DossierCore
import DossierDiagrams
import DossierModel
import Testing

struct MermaidParserTests {
    func parse(_ text: String) throws -> Diagram {
        let (diagram, diagnostics) = Fixtures.mermaid(text)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return try #require(diagram)
    }

    @Test(arguments: [
        ("TB", Diagram.Direction.TB), ("TD", .TB), ("BT", .BT), ("LR", .LR), ("RL", .RL),
    ])
    func directions(_ written: String, _ direction: Diagram.Direction) throws {
        #expect(try parse("flowchart \(written)\n  A --> B\n").direction == direction)
        #expect(try parse("graph \(written)\n  A --> B\n").direction == direction)
    }

    @Test func noDirectionMeansTopToBottom() throws {
        #expect(try parse("flowchart\n  A --> B\n").direction == .TB)
    }

    @Test(arguments: [
        ("A[text]", DiagramNode.Shape.box), ("A(text)", .rounded), ("A([text])", .stadium),
        ("A[[text]]", .subroutine), ("A[(text)]", .cylinder), ("A((text))", .circle),
        ("A>text]", .asymmetric), ("A{text}", .rhombus), ("A{{text}}", .hexagon),
    ])
    func everyShape(_ written: String, _ shape: DiagramNode.Shape) throws {
        let diagram = try parse("flowchart LR\n  \(written) --> B\n")
        #expect(diagram.nodes.first == DiagramNode(id: "A", label: "text", shape: shape))
    }

    @Test func quotedLabelsMayHoldAnything() throws {
        let diagram = try parse("""
            flowchart LR
              A["Lambda (Python + Mangum)"] --> B["a | b [c] {d}"]
              C(" spaced ") --> D{"Is it #quot;done#quot;? #35;1"}
            """)
        #expect(diagram.labels == ["Lambda (Python + Mangum)", "a | b [c] {d}", " spaced ", "Is it \"done\"? #1"])
    }

    @Test func markdownStringsAndLineBreaks() throws {
        let diagram = try parse("flowchart LR\n  A[\"`**bold** text`\"] --> B[one<br>two]\n")
        #expect(diagram.labels == ["**bold** text", "one\ntwo"])
    }

    @Test func aNodeWithoutALabelIsLabelledWithItsID() throws {
        #expect(try parse("graph LR\n  start --> finish\n").labels == ["start", "finish"])
    }

    @Test func theLastDeclarationWins() throws {
        let diagram = try parse("graph LR\n  A[First] --> B\n  A(Second)\n")
        #expect(diagram.nodes[0] == DiagramNode(id: "A", label: "Second", shape: .rounded))
    }

    @Test(arguments: [
        ("-->", DiagramEdge.Style.solid, true), ("--->", .solid, true), ("---", .solid, false),
        ("-.->", .dotted, true), ("-..->", .dotted, true), ("-.-", .dotted, false),
        ("==>", .thick, true), ("===>", .thick, true), ("===", .thick, false),
    ])
    func everyLink(_ link: String, _ style: DiagramEdge.Style, _ arrow: Bool) throws {
        for text in ["graph LR\n  A \(link) B\n", "graph LR\n  A\(link)B\n"] {
            let diagram = try parse(text)
            #expect(diagram.edges == [DiagramEdge(from: "A", to: "B", style: style, arrow: arrow)])
        }
    }

    @Test(arguments: [
        ("A -- yes --> B", DiagramEdge.Style.solid, true), ("A -->|yes| B", .solid, true),
        ("A---|yes|B", .solid, false), ("A -- yes --- B", .solid, false),
        ("A -. yes .-> B", .dotted, true), ("A-.->|yes|B", .dotted, true), ("A -. yes .- B", .dotted, false),
        ("A == yes ==> B", .thick, true), ("A ==>|yes| B", .thick, true), ("A -->|\"yes\"| B", .solid, true),
        ("A -- \"yes\" --> B", .solid, true),
    ])
    func linkText(_ statement: String, _ style: DiagramEdge.Style, _ arrow: Bool) throws {
        let diagram = try parse("flowchart LR\n  \(statement)\n")
        #expect(diagram.edges == [DiagramEdge(from: "A", to: "B", label: "yes", style: style, arrow: arrow)])
    }

    @Test func linkTextMayHoldParenthesesAndSingleDashes() throws {
        let diagram = try parse("flowchart LR\n  A -- retry (x-2) --> B\n")
        #expect(diagram.edges.first?.label == "retry (x-2)")
    }

    @Test func chains() throws {
        let diagram = try parse("flowchart LR\n  A --> B -.-> C ==>|go| D\n")
        #expect(diagram.links == ["A → B", "B → C", "C → D [go]"])
        #expect(diagram.edges.map(\.style) == [.solid, .dotted, .thick])
    }

    @Test func ampersandJoinsEveryNodeOnEachSide() throws {
        let diagram = try parse("flowchart TB\n  A & B --> C & D\n  C --> E & F\n")
        #expect(diagram.links == ["A → C", "A → D", "B → C", "B → D", "C → E", "C → F"])
    }

    @Test func semicolonsSeparateStatementsAndCommentsAreSkipped() throws {
        let diagram = try parse("""
            graph LR; A-->B; B-->C;
            %% a comment line
              %%{init: {"theme": "dark"}}%%
            C --> D
            """)
        #expect(diagram.links == ["A → B", "B → C", "C → D"])
    }

    @Test func idsWithHyphensDotsAndUnicode() throws {
        let diagram = try parse("flowchart LR\n  my-node --> v1.2 --> Größe\n")
        #expect(diagram.nodes.map(\.id) == ["my-node", "v1.2", "Größe"])
    }

    @Test func subgraphsBecomeClusters() throws {
        let diagram = try parse("""
            flowchart LR
              subgraph api [API layer]
                gw[Gateway] --> fn[Lambda]
              end
              subgraph "Data stores"
                db[(RDS)]
              end
              subgraph Monitoring
                cw[CloudWatch]
              end
              fn --> db
              fn -.-> cw
            """)
        #expect(diagram.clusters == [
            DiagramCluster(id: "api", label: "API layer", nodes: ["gw", "fn"]),
            DiagramCluster(id: "data_stores", label: "Data stores", nodes: ["db"]),
            DiagramCluster(id: "Monitoring", label: "Monitoring", nodes: ["cw"]),
        ])
        #expect(diagram.links == ["Gateway → Lambda", "Lambda → RDS", "Lambda → CloudWatch"])
    }

    /// Nested subgraphs: a cluster lists its own nodes and those of the clusters inside it,
    /// outer clusters first.
    @Test func nestedSubgraphs() throws {
        let diagram = try parse("""
            flowchart TB
              subgraph outer[Outer]
                a --> b
                subgraph inner["Inner (nested)"]
                  c
                end
                b --> c
              end
              d --> a
            """)
        #expect(diagram.clusters == [
            DiagramCluster(id: "outer", label: "Outer", nodes: ["a", "b", "c"]),
            DiagramCluster(id: "inner", label: "Inner (nested)", nodes: ["c"]),
        ])
        #expect(diagram.labels == ["a", "b", "c", "d"])
    }

    @Test func aNodeMentionedBeforeItsSubgraphMovesIntoIt() throws {
        let diagram = try parse("flowchart TB\n  c1 --> a2\n  subgraph one\n    a1 --> a2\n  end\n")
        // Members are listed in the diagram's node order: a2 was declared first.
        #expect(diagram.clusters == [DiagramCluster(id: "one", label: "one", nodes: ["a2", "a1"])])
    }

    @Test func styleClassDefAndClassSetNodeStyles() throws {
        let diagram = try parse("""
            flowchart LR
              A --> B --> C --> D
              classDef hot fill:#f96,stroke:#333,stroke-width:4px;
              classDef cold color:#00f , stroke-dasharray: 5 5
              class A,B hot
              C:::cold
              style D fill:#bbf,stroke:#f66,stroke-width:2px,color:#fff,stroke-dasharray: 0
              style A fill:#fff
            """)
        #expect(diagram.nodes.map(\.style) == [
            DiagramStyle(fill: "#fff", stroke: "#333", strokeWidth: "4px"),
            DiagramStyle(fill: "#f96", stroke: "#333", strokeWidth: "4px"),
            DiagramStyle(color: "#00f", dashed: true),
            DiagramStyle(fill: "#bbf", stroke: "#f66", strokeWidth: "2px", color: "#fff", dashed: false),
        ])
    }

    @Test func shorthandClassInALinkStatement() throws {
        let diagram = try parse("flowchart LR\n  A:::warn --> B\n  classDef warn fill:#ff0\n")
        #expect(diagram.nodes[0].style == DiagramStyle(fill: "#ff0"))
        #expect(diagram.nodes[1].style == nil)
    }

    @Test func defaultClassAppliesToEveryNode() throws {
        let diagram = try parse("flowchart LR\n  A --> B\n  classDef default fill:#eee\n  style B fill:#000\n")
        #expect(diagram.nodes.map(\.style?.fill) == ["#eee", "#000"])
    }

    @Test func linkStyleColoursEdgesCountingInvisibleLinks() throws {
        let (diagram, diagnostics) = Fixtures.mermaid("""
            flowchart LR
              A --> B ~~~ C --> D
              linkStyle 0,2 stroke:#f00,stroke-width:2px
              linkStyle default stroke:#999
              linkStyle 2 stroke:#0f0
            """)
        let edges = try #require(diagram).edges
        #expect(edges.map(\.color) == ["#999", "#0f0"])
        #expect(edges.map(\.to) == ["B", "D"])
        #expect(diagnostics.positions == ["12:11 diagram.mermaid-ignored", "13:29 diagram.mermaid-ignored"])
        #expect(diagnostics.allSatisfy { $0.severity == .note })
    }

    @Test func whatDossierCannotDrawGetsANote() throws {
        let (diagram, diagnostics) = Fixtures.mermaid("""
            flowchart LR
              A --> B
              click A "https://example.com" "Tooltip"
              style A font-size:12px,fill:#fff
              A --o C
            """)
        #expect(diagram?.nodes.first?.style == DiagramStyle(fill: "#fff"))
        #expect(diagram?.edges.last?.arrow == true)
        #expect(diagnostics.positions == ["13:3 diagram.mermaid-ignored", "14:11 diagram.mermaid-ignored",
                                          "15:5 diagram.mermaid-ignored"])
        #expect(diagnostics.allSatisfy { $0.severity == .note })
    }

    @Test func aLinkStyleNumberPastTheLastLinkIsWarned() throws {
        let (_, diagnostics) = Fixtures.mermaid("flowchart LR\n  A --> B\n  linkStyle 3 stroke:#f00\n")
        #expect(diagnostics.positions == ["13:13 diagram.mermaid-link-style"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func mermaid11ShapeData() throws {
        let diagram = try parse("flowchart LR\n  A@{ shape: cyl, label: \"Orders DB\" } --> B@{ shape: diamond }\n")
        #expect(diagram.nodes == [DiagramNode(id: "A", label: "Orders DB", shape: .cylinder),
                                  DiagramNode(id: "B", label: "B", shape: .rhombus)])
    }

    @Test func futureAndMermaidTextAreFilled() throws {
        let diagram = try parse("flowchart LR\n  A[Auth (future)] --> B\n".replacing("(future)", with: "#40;future#41;"))
        #expect(diagram.nodes[0].label == "Auth (future)")
        #expect(diagram.nodes[0].future)
        #expect(diagram.mermaid.hasPrefix("flowchart LR\n"))
        #expect(diagram.kind == .mermaid)
    }

    @Test func theIssueLifecycleFlowchart() throws {
        let diagram = try parse("""
            graph LR
                A[Open] --> B[Auto-Triage]
                B --> C[Pattern Match]
                C --> D{Known Pattern?}
                D -->|Yes| E[Auto-Label & Assign]
                D -->|No| F[Manual Triage]
                E --> G[Expert Investigation]
                F --> G
            """)
        #expect(diagram.node("Known Pattern?")?.shape == .rhombus)
        #expect(diagram.links.contains("Known Pattern? → Auto-Label & Assign [Yes]"))
        #expect(diagram.nodes.count == 7)
    }
}
