package io.procnet.graph;

import static io.procnet.graph.Sockets.T0;
import static io.procnet.graph.Sockets.est;
import static io.procnet.graph.Sockets.listen;
import static io.procnet.graph.Sockets.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.SocketEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphDiffTest {
    private static final List<SocketEntry> BASE = List.of(
            listen(20, "0.0.0.0:5432"),
            est(10, "127.0.0.1:40000", "127.0.0.1:5432"),
            est(20, "127.0.0.1:5432", "127.0.0.1:40000"),
            est(10, "192.168.1.5:50000", "10.0.0.1:443"),
            listen(30, "0.0.0.0:8080"));

    @Test
    void identicalGraphsHaveAnEmptyDelta() {
        Graph first = TopologyBuilder.withDefaults().build(snapshot(BASE));
        Graph second = TopologyBuilder.withDefaults().build(snapshot(BASE));

        GraphDelta delta = GraphDiff.between(first, second);

        assertThat(delta.isEmpty()).isTrue();
        assertThat(GraphDiff.between(first, first).isEmpty()).isTrue();
    }

    @Test
    void fromTheEmptyGraphEverythingIsAdded() {
        Graph graph = TopologyBuilder.withDefaults().build(snapshot(BASE));

        GraphDelta delta = GraphDiff.between(Graph.empty(), graph);

        assertThat(delta.fromVersion()).isZero();
        assertThat(delta.toVersion()).isEqualTo(graph.version());
        assertThat(delta.addedNodes()).isEqualTo(graph.nodes());
        assertThat(delta.addedEdges()).isEqualTo(graph.edges());
        assertThat(delta.updatedNodes()).isEmpty();
        assertThat(delta.removedNodes()).isEmpty();
        assertThat(GraphDiff.between(graph, Graph.empty()).removedNodes())
                .containsExactlyElementsOf(graph.nodes().stream().map(Node::id).toList());
    }

    @Test
    void reportsAddedUpdatedAndRemovedElementsOnly() {
        TopologyBuilder builder = TopologyBuilder.withDefaults();
        Graph before = builder.build(snapshot(BASE));
        Graph after = builder.build(snapshot(T0.plusSeconds(1), List.of(
                listen(20, "0.0.0.0:5432"),
                est(10, "127.0.0.1:40000", "127.0.0.1:5432"),
                est(20, "127.0.0.1:5432", "127.0.0.1:40000"),
                // a second connection to 10.0.0.1:443: that edge is updated
                est(10, "192.168.1.5:50000", "10.0.0.1:443"),
                est(10, "192.168.1.5:50001", "10.0.0.1:443"),
                // a new remote; the 8080 listener of pid 30 is gone
                est(10, "192.168.1.5:50002", "10.0.0.2:22"))));

        GraphDelta delta = GraphDiff.between(before, after);

        assertThat(delta.fromVersion()).isEqualTo(1);
        assertThat(delta.toVersion()).isEqualTo(2);
        assertThat(delta.addedNodes()).extracting(Node::id).containsExactly("ext:10.0.0.2");
        assertThat(delta.updatedNodes()).isEmpty();
        assertThat(delta.removedNodes()).containsExactly("listen:tcp:8080", "proc:30");
        assertThat(delta.addedEdges()).extracting(Edge::id).containsExactly("tcp:proc:10->ext:10.0.0.2:22");
        assertThat(delta.updatedEdges()).extracting(Edge::id, Edge::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tcp:proc:10->ext:10.0.0.1:443", 2));
        assertThat(delta.removedEdges()).containsExactly("tcp:listen:tcp:8080->proc:30:8080");
        assertThat(delta.isEmpty()).isFalse();
    }
}
