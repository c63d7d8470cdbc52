import DossierModel
import Testing

/// `Diagram.ClusterNesting`, the rule that recovers nested subgraphs from the flat cluster
/// lists, checked on hand-written lists and on what the Mermaid parser produces.
struct ClusterNestingTests {
    /// Clusters written as `id:node,node`, `id:` for an empty one.
    static func clusters(_ spec: String) -> [DiagramCluster] {
        spec.split(separator: " ").map { entry in
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
            let nodes = parts[1].split(separator: ",").map(String.init)
            return DiagramCluster(id: String(parts[0]), label: String(parts[0]), nodes: nodes)
        }
    }

    @Test(arguments: [
        // Separate subgraphs.
        ("a:x b:y c:z", [nil, nil, nil] as [Int?]),
        // outer(x, inner(y)).
        ("outer:x,y inner:y", [nil, 0]),
        // Three deep, then a sibling of the middle one.
        ("a:p,q,r,s b:q,r c:r d:s", [nil, 0, 1, 0]),
        // Equal lists: the later one is inside the earlier.
        ("a:x b:x", [nil, 0]),
        // An empty cluster goes inside the one just before it, or nowhere when first.
        ("e: a:x f: g:y", [nil, nil, 1, nil]),
        // Not a subset of the one before, but of an earlier one.
        ("a:x,y,z b:x c:z", [nil, 0, 0]),
        // Overlapping without containment: no nesting.
        ("a:x,y b:y,z", [nil, nil]),
    ])
    func parents(_ spec: String, _ expected: [Int?]) {
        #expect(Diagram.ClusterNesting(Self.clusters(spec)).parents == expected)
    }

    @Test func childrenAndRootsFollowTheParents() {
        let nesting = Diagram.ClusterNesting(Self.clusters("a:p,q,r,s b:q,r c:r d:s e:t"))
        #expect(nesting.roots == [0, 4])
        #expect(nesting.children == [[1, 3], [2], [], [], []])
    }

    @Test func aNodeBelongsToTheLastClusterListingIt() {
        let nesting = Diagram.ClusterNesting(Self.clusters("a:x,y,y,z b:y c:z,w a2:x"))
        #expect(nesting.ownNodes == [[], ["y"], ["z", "w"], ["x"]])
        #expect(nesting.innermostCluster(ofNode: "x") == 3)
        #expect(nesting.innermostCluster(ofNode: "y") == 1)
        #expect(nesting.innermostCluster(ofNode: "w") == 2)
        #expect(nesting.innermostCluster(ofNode: "elsewhere") == nil)
    }

    @Test func noClustersNoNesting() {
        let nesting = Diagram.ClusterNesting([])
        #expect(nesting.parents.isEmpty && nesting.roots.isEmpty && nesting.ownNodes.isEmpty)
    }

    /// The parser's lists for nested subgraphs come back as the tree that was written.
    @Test func recoversTheSubgraphsMermaidTextNests() throws {
        let diagram = try #require(Fixtures.mermaid("""
            flowchart TB
              subgraph outer[Outer]
                a --> b
                subgraph inner[Inner]
                  c --> d
                  subgraph deepest[Deepest]
                    e
                  end
                end
                subgraph side[Side]
                  f
                end
              end
              subgraph other[Other]
                g
              end
              b --> g
            """).diagram)
        let nesting = diagram.clusterNesting
        #expect(diagram.clusters.map(\.id) == ["outer", "inner", "deepest", "side", "other"])
        #expect(nesting.parents == [nil, 0, 1, 0, nil])
        #expect(nesting.ownNodes == [["a", "b"], ["c", "d"], ["e"], ["f"], ["g"]])
        for node in diagram.nodes {
            let owner = try #require(nesting.innermostCluster(ofNode: node.id))
            #expect(nesting.ownNodes[owner].contains(node.id))
        }
    }
}
