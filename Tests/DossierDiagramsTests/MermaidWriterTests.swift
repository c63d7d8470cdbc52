import DossierCore
import DossierDiagrams
import DossierModel
import Testing

struct MermaidWriterTests {
    @Test func writesNodesEdgesAndStyles() {
        let diagram = Diagram(
            kind: .mermaid, direction: .LR,
            nodes: [
                DiagramNode(id: "A", label: "Start", shape: .stadium, style: DiagramStyle(fill: "#f9f", dashed: true)),
                DiagramNode(id: "B", label: "Check", shape: .rhombus),
                DiagramNode(id: "C", label: "Store", shape: .cylinder),
            ],
            edges: [
                DiagramEdge(from: "A", to: "B"),
                DiagramEdge(from: "B", to: "C", label: "ok", style: .dotted),
                DiagramEdge(from: "B", to: "A", style: .thick, arrow: false, color: "#f00"),
            ],
            source: SourceRef(path: "doc.md", line: 1))
        #expect(MermaidWriter.write(diagram) == """
            flowchart LR
                A(["Start"])
                B{"Check"}
                C[("Store")]
                A --> B
                B -.->|"ok"| C
                B === A
                style A fill:#f9f,stroke-dasharray:5 5
                linkStyle 2 stroke:#f00

            """)
    }

    @Test func labelsAreQuotedAndEscaped() {
        let diagram = Diagram(kind: .arrow, direction: .TB, nodes: [
            DiagramNode(id: "a", label: "Lambda (Python + Mangum) [v2] {x} | y"),
            DiagramNode(id: "b", label: "Say \"hi\" #1 <model> & `code` 🚀"),
            DiagramNode(id: "c", label: "two\nlines"),
        ], edges: [DiagramEdge(from: "a", to: "b", label: "if \"ok\"")], source: SourceRef(path: "d.md", line: 1))
        #expect(MermaidWriter.write(diagram) == """
            flowchart TB
                a["Lambda (Python + Mangum) [v2] {x} | y"]
                b["Say #quot;hi#quot; #35;1 #60;model#62; #38; #96;code#96; 🚀"]
                c["two<br>lines"]
                a -->|"if #quot;ok#quot;"| b

            """)
    }

    @Test func idsMermaidWouldMisreadAreRewritten() {
        let diagram = Diagram(kind: .arrow, direction: .LR, nodes: [
            DiagramNode(id: "end", label: "End"), DiagramNode(id: "a-b", label: "AB"), DiagramNode(id: "a_b", label: "A_B"),
            DiagramNode(id: "classify", label: "C"), DiagramNode(id: "Größe", label: "G"),
        ], edges: [DiagramEdge(from: "a-b", to: "end")], source: SourceRef(path: "d.md", line: 1))
        #expect(MermaidWriter.write(diagram) == """
            flowchart LR
                n_end["End"]
                a_b_2["AB"]
                a_b["A_B"]
                n_classify["C"]
                Größe["G"]
                a_b_2 --> n_end

            """)
    }

    @Test func arrowDiagramsCarryTheirMermaid() {
        let (diagram, _) = Fixtures.arrow(SeedDiagramTests.pattern2)
        #expect(diagram.mermaid == """
            flowchart LR
                alb["ALB"]
                fargate_ecs["Fargate (ECS)"]
                rds["RDS"]
                cloudwatch_container_insights["CloudWatch Container Insights"]
                alb --> fargate_ecs
                fargate_ecs --> rds
                fargate_ecs --> cloudwatch_container_insights

            """)
    }

    /// Parse → write → parse gives the same graph.
    @Test(arguments: [
        """
        flowchart LR
          A[Open] --> B(Auto-Triage) --> C([Match]) --> D{Known?}
          D -->|Yes| E[[Label]] -.-> F[(Store)]
          D -- No --- G((Manual)) ==> H>Flag] === I{{Prep}}
          A & B --> J["Quote #quot;this#quot; (and that) #35; <br> done"]
        """,
        """
        graph TB
          subgraph outer[Outer box]
            a --> b
            subgraph inner["Inner (nested)"]
              c --> d
            end
          end
          subgraph side
            e
          end
          d -.-> e
          classDef hot fill:#f96,stroke:#333,stroke-width:4px,color:#fff
          class a hot
          style e fill:#bbf,stroke-dasharray: 5 5
          style d stroke-dasharray: 0
          linkStyle 1 stroke:#f00
        """,
        "flowchart RL\n  x1 --> x2\n  x2 --> x1\n",
    ])
    func roundTrip(_ source: String) throws {
        let first = try #require(Fixtures.mermaid(source).diagram)
        let written = MermaidWriter.write(first)
        let (again, diagnostics) = Fixtures.mermaid(written)
        #expect(diagnostics.isEmpty, "\(written)")
        let second = try #require(again)
        #expect(second.nodes == first.nodes)
        #expect(second.edges == first.edges)
        #expect(second.clusters == first.clusters)
        #expect(second.direction == first.direction)
        #expect(second.mermaid == written)
    }

    /// Arrow diagrams with every kind of awkward label survive as Mermaid.
    @Test func arrowDiagramsRoundTripThroughMermaid() throws {
        let (arrow, _) = Fixtures.arrow("""
            Is this a model change?
            ├─ Yes → dbt test --select <model>+
            └─ No → "Quoted" [step] {x} | 50% & more #1 (future)
            """)
        let parsed = try #require(Fixtures.mermaid(arrow.mermaid).diagram)
        #expect(parsed.labels == arrow.labels)
        #expect(parsed.links == arrow.links)
        #expect(parsed.nodes.map(\.future) == arrow.nodes.map(\.future))
    }
}
