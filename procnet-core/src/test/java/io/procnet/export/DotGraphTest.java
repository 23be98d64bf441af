package io.procnet.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.graph.Graph;
import org.junit.jupiter.api.Test;

class DotGraphTest {

    @Test
    void aSmallGraphHasItsNodesByKindAndItsEdgesByProtocolAndReason() {
        assertThat(DotGraph.render(Graphs.small())).isEqualTo(SMALL);
    }

    @Test
    void anEmptyGraphIsAnEmptyDigraph() {
        assertThat(DotGraph.render(Graph.empty())).isEqualTo("digraph procnet {\n  rankdir=LR;\n}\n");
    }

    @Test
    void aFoldedGroupIsOneNodeWithItsMemberCount() {
        assertThat(DotGraph.render(Graphs.folded().graph())).isEqualTo(FOLDED);
    }

    @Test
    void hostileNamesStayInsideTheirQuotedLabelsOnOneLine() {
        Graph graph = Graphs.hostileNames();
        String dot = DotGraph.render(graph);

        assertThat(dot).isEqualTo(HOSTILE);
        assertThat(dot.lines()).hasSize(3 + graph.nodes().size() + graph.edges().size());
    }

    @Test
    void aGraphIsRequired() {
        assertThatThrownBy(() -> DotGraph.render(null)).isInstanceOf(NullPointerException.class);
    }

    /** The graph of {@link Graphs#small()}. */
    static final String SMALL = """
            digraph procnet {
              rankdir=LR;
              "ext:10.0.0.1" [label="10.0.0.1", shape=ellipse];
              "ext:2001:db8::9" [label="2001:db8::9", shape=ellipse];
              "listen:tcp:8080" [label="tcp/8080", shape=diamond];
              "proc:10" [label="psql\\npid 10", shape=box];
              "proc:20" [label="postgres\\npid 20", shape=box];
              "listen:tcp:8080" -> "proc:20" [label="tcp/8080"];
              "proc:10" -> "proc:20" [label="tcp/5432 \u00d73"];
              "proc:20" -> "ext:2001:db8::9" [label="tcp/443", color=gray50, fontcolor=gray50];
              "proc:10" -> "ext:10.0.0.1" [label="udp/53", style=dashed, color=gray50, fontcolor=gray50];
            }
            """
;

    static final String FOLDED = """
            digraph procnet {
              rankdir=LR;
              "group:100" [label="postgres \u00d73\\n3 processes", shape=box3d];
              "listen:tcp:5433" [label="tcp/5433", shape=diamond];
              "proc:10" [label="psql\\npid 10", shape=box];
              "listen:tcp:5433" -> "group:100" [label="tcp/5433"];
              "proc:10" -> "group:100" [label="tcp/5432 \u00d72"];
            }
            """
;

    /**
     * {@link Graphs#hostileNames()}: backslashes and quotes escaped, {@code &} as {@code &amp;},
     * newlines and other invisible characters as visible escapes.
     */
    static final String HOSTILE = """
            digraph procnet {
              rankdir=LR;
              "ext:10.0.0.9" [label="evil\\"]; x --> y", shape=ellipse];
              "ext:127.0.0.1@net:[4026532200]" [label="127.0.0.1 (net:[4026532200])", shape=ellipse];
              "proc:10" [label="a\\"b]\\\\n--> x {y} <html>\\npid 10", shape=box];
              "proc:11" [label="\\\\\\npid 11", shape=box];
              "proc:12" [label="<script>alert('x')</script>\\npid 12", shape=box];
              "proc:13" [label="pipe|tick`hash#quot; &amp;amp; &amp;#60; 100%\\npid 13", shape=box];
              "proc:14" [label="%%{init: {\\"theme\\": \\"dark\\"}}%%\\npid 14", shape=box];
              "proc:15" [label="style:#x;  two  spaces \\npid 15", shape=box];
              "proc:16" [label="n0 --> n1; n1[\\"x\\"]\\\\r\\\\n\\\\tsubgraph\\npid 16", shape=box];
              "proc:17" [label="\u6570\u636e\u5e93 \ud83d\udc18 e\u0301 \\\\u202eevil\\\\u200b\\npid 17", shape=box];
              "proc:18" [label="\\\\N \\\\G \\\\l \\\\\\\\\\" end\\\\\\npid 18", shape=box];
              "proc:11" -> "proc:12" [label="tcp/7002"];
              "proc:13" -> "proc:14" [label="tcp/7004 \u00d73", color=gray50, fontcolor=gray50];
              "proc:15" -> "proc:16" [label="tcp/7006 \u00d72"];
              "proc:17" -> "proc:18" [label="tcp/7008", color=gray50, fontcolor=gray50];
              "proc:18" -> "ext:10.0.0.9" [label="tcp/443 \u00d72"];
              "proc:18" -> "ext:127.0.0.1@net:[4026532200]" [label="tcp/80"];
              "proc:10" -> "proc:11" [label="udp/7001 \u00d73", style=dashed];
              "proc:12" -> "proc:13" [label="udp/7003 \u00d72", style=dashed];
              "proc:14" -> "proc:15" [label="udp/7005", style=dashed];
              "proc:16" -> "proc:17" [label="udp/7007 \u00d73", style=dashed];
            }
            """
;
}
