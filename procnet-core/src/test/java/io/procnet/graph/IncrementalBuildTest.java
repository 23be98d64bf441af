package io.procnet.graph;

import static io.procnet.graph.Sockets.T0;
import static io.procnet.graph.Sockets.est;
import static io.procnet.graph.Sockets.listen;
import static io.procnet.graph.Sockets.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Snapshot;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A builder that reuses what did not change must give the same graphs as a fresh one. */
class IncrementalBuildTest {
    /** Sockets per snapshot of the changing load; fewer under mutation testing, which runs this test per mutant. */
    private static final int SOCKETS = Integer.getInteger("procnet.incremental.sockets", 5_000);

    @Test
    void reusingBuilderMatchesFreshBuildsOverAChangingLoad() {
        SyntheticLoad load = new SyntheticLoad(SOCKETS, SOCKETS * 3 / 100);
        GraphOptions options = GraphOptions.defaults().withUdp(true);
        TopologyBuilder incremental = new TopologyBuilder(NodeClassifier.DEFAULT, options);
        for (int round = 0; round < 12; round++) {
            Snapshot snapshot = load.next();
            Graph reused = incremental.build(snapshot);
            Graph fresh = new TopologyBuilder(NodeClassifier.DEFAULT, options).build(snapshot);

            assertThat(reused.nodes()).as("round %d", round).isEqualTo(fresh.nodes());
            assertThat(withoutTraffic(reused.edges())).as("round %d", round).isEqualTo(withoutTraffic(fresh.edges()));
            if (round > 0) {
                assertThat(reused.edges()).anySatisfy(edge -> assertThat(edge.traffic()).isNotNull());
            }
        }
    }

    @Test
    void unchangedElementsAreTheSameInstancesAndChangedOnesAreNew() {
        TopologyBuilder builder = TopologyBuilder.withDefaults();
        Graph first = builder.build(snapshot(List.of(listen(20, "0.0.0.0:80"),
                est(10, "192.168.1.5:50000", "10.0.0.1:443"), est(11, "192.168.1.5:50001", "10.0.0.2:443"))));
        Graph second = builder.build(snapshot(T0.plusSeconds(1), List.of(listen(20, "0.0.0.0:80"),
                est(10, "192.168.1.5:50000", "10.0.0.1:443"), est(11, "192.168.1.5:50001", "10.0.0.2:443"),
                est(11, "192.168.1.5:50002", "10.0.0.2:443"))));

        assertThat(second.edge("tcp:proc:10->ext:10.0.0.1:443")).isSameAs(first.edge("tcp:proc:10->ext:10.0.0.1:443"));
        assertThat(second.node("ext:10.0.0.1")).isSameAs(first.node("ext:10.0.0.1"));
        assertThat(second.node("proc:20")).isSameAs(first.node("proc:20"));
        assertThat(second.node("listen:tcp:80")).isNotNull().isSameAs(first.node("listen:tcp:80"));
        assertThat(second.edge("tcp:listen:tcp:80->proc:20:80")).isSameAs(first.edge("tcp:listen:tcp:80->proc:20:80"));
        assertThat(second.edge("tcp:proc:11->ext:10.0.0.2:443")).isNotSameAs(first.edge("tcp:proc:11->ext:10.0.0.2:443"));
        assertThat(second.edge("tcp:proc:11->ext:10.0.0.2:443").count()).isEqualTo(2);
    }

    @Test
    void edgesThatComeBackAfterAGapAreBuiltAgain() {
        TopologyBuilder builder = TopologyBuilder.withDefaults();
        List<io.procnet.model.SocketEntry> sockets = List.of(est(10, "192.168.1.5:50000", "10.0.0.1:443"));
        Graph first = builder.build(snapshot(T0, sockets));
        Graph empty = builder.build(snapshot(T0.plusSeconds(1), List.of()));
        Graph again = builder.build(snapshot(T0.plusSeconds(2), sockets));

        assertThat(empty.edges()).isEmpty();
        assertThat(empty.nodes()).isEmpty();
        assertThat(again.edges()).isEqualTo(first.edges());
        assertThat(again.nodes()).isEqualTo(first.nodes());
    }

    @Test
    void manyNewEdgesAtOnceKeepIdOrder() {
        TopologyBuilder builder = TopologyBuilder.withDefaults();
        builder.build(snapshot(List.of(est(10, "192.168.1.5:50000", "10.0.0.1:443"))));
        List<io.procnet.model.SocketEntry> many = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(est(10 + i % 7, "192.168.1.5:" + (40000 + i), "10.0." + (i / 200) + "." + (i % 200) + ":443"));
        }
        Graph graph = builder.build(snapshot(T0.plusSeconds(1), many));

        List<String> ids = graph.edges().stream().map(Edge::id).collect(Collectors.toList());
        assertThat(ids).isSorted().doesNotHaveDuplicates().hasSize(500);
    }

    private static List<String> withoutTraffic(List<Edge> edges) {
        return edges.stream()
                .map(edge -> edge.id() + " " + edge.kind() + " " + edge.count() + " " + edge.states() + " " + edge.reason())
                .collect(Collectors.toList());
    }
}
