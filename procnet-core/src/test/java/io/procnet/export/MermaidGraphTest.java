package io.procnet.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.graph.Graph;
import org.junit.jupiter.api.Test;

class MermaidGraphTest {

    @Test
    void aSmallGraphHasGeneratedIdsShapesByKindAndDottedHeuristicEdges() {
        assertThat(MermaidGraph.render(Graphs.small())).isEqualTo(SMALL);
    }

    @Test
    void anEmptyGraphIsAnEmptyFlowchart() {
        assertThat(MermaidGraph.render(Graph.empty())).isEqualTo("flowchart LR\n");
    }

    @Test
    void aFoldedGroupIsOneNodeWithItsMemberCount() {
        assertThat(MermaidGraph.render(Graphs.folded().graph())).isEqualTo(FOLDED);
    }

    @Test
    void hostileNamesAreEntityCodesInsideTheirQuotedLabels() {
        Graph graph = Graphs.hostileNames();
        String mermaid = MermaidGraph.render(graph);

        assertThat(mermaid).isEqualTo(HOSTILE);
        assertThat(mermaid.lines()).hasSize(2 + graph.nodes().size() + graph.edges().size());
        String text = "\"(?:[^\"\\[\\]{}|<>`%\\\\:]|<br/>)*\""; // a quoted label: no delimiter of Mermaid or HTML but our <br/>
        assertThat(mermaid.lines().skip(1)).allSatisfy(line -> assertThat(line).matches(
                "  n\\d+(?:\\[\\[" + text + "]]|\\[" + text + "]|\\(\\[" + text + "]\\)|\\{\\{" + text + "}})"
                        + "|  n\\d+ (?:-->|-\\.->)\\|" + text + "\\| n\\d+|  linkStyle [\\d,]+ stroke-dasharray:6 4"));
    }

    @Test
    void aGraphIsRequired() {
        assertThatThrownBy(() -> MermaidGraph.render(null)).isInstanceOf(NullPointerException.class);
    }

    /** The graph of {@link Graphs#small()}. */
    static final String SMALL = """
            flowchart LR
              n0(["10.0.0.1"])
              n1(["2001#58;db8#58;#58;9"])
              n2{{"tcp/8080"}}
              n3["psql<br/>pid 10"]
              n4["postgres<br/>pid 20"]
              n2 -->|"tcp/8080"| n4
              n3 -->|"tcp/5432 \u00d73"| n4
              n4 -.->|"tcp/443"| n1
              n3 -.->|"udp/53"| n0
              linkStyle 3 stroke-dasharray:6 4
            """
;

    static final String FOLDED = """
            flowchart LR
              n0[["postgres \u00d73<br/>3 processes"]]
              n1{{"tcp/5433"}}
              n2["psql<br/>pid 10"]
              n1 -->|"tcp/5433"| n0
              n2 -->|"tcp/5432 \u00d72"| n0
            """
;

    /** {@link Graphs#hostileNames()}: nothing but letters, digits and harmless punctuation outside entity codes. */
    static final String HOSTILE = """
            flowchart LR
              n0(["evil#quot;#93;; x --#62; y"])
              n1(["127.0.0.1 (net#58;#91;4026532200#93;)"])
              n2["a#quot;b#93;#92;n--#62; x #123;y#125; #60;html#62;<br/>pid 10"]
              n3["#92;<br/>pid 11"]
              n4["#60;script#62;alert('x')#60;/script#62;<br/>pid 12"]
              n5["pipe#124;tick#96;hash#35;quot; #38;amp; #38;#35;60; 100#37;<br/>pid 13"]
              n6["#37;#37;#123;init#58; #123;#quot;theme#quot;#58; #quot;dark#quot;#125;#125;#37;#37;<br/>pid 14"]
              n7["style#58;#35;x;  two  spaces <br/>pid 15"]
              n8["n0 --#62; n1; n1#91;#quot;x#quot;#93;#92;r#92;n#92;tsubgraph<br/>pid 16"]
              n9["\u6570\u636e\u5e93 \ud83d\udc18 e\u0301 #92;u202eevil#92;u200b<br/>pid 17"]
              n10["#92;N #92;G #92;l #92;#92;#quot; end#92;<br/>pid 18"]
              n3 -->|"tcp/7002"| n4
              n5 -.->|"tcp/7004 \u00d73"| n6
              n7 -->|"tcp/7006 \u00d72"| n8
              n9 -.->|"tcp/7008"| n10
              n10 -->|"tcp/443 \u00d72"| n0
              n10 -->|"tcp/80"| n1
              n2 -->|"udp/7001 \u00d73"| n3
              n4 -->|"udp/7003 \u00d72"| n5
              n6 -->|"udp/7005"| n7
              n8 -->|"udp/7007 \u00d73"| n9
              linkStyle 6,7,8,9 stroke-dasharray:6 4
            """
;
}
