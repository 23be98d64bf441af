package io.procnet.graph;

import static io.procnet.graph.Sockets.T0;
import static io.procnet.graph.Sockets.est;
import static io.procnet.graph.Sockets.listen;
import static io.procnet.graph.Sockets.snapshot;
import static io.procnet.graph.Sockets.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Two defects of the graph engine, found when the seeded equivalence test ran more seeds and rounds
 * than it does in the build ({@code -Dprocnet.equivalence.seeds=60 -Dprocnet.equivalence.rounds=600}
 * fails on seeds 10, 38, 39, 40, 55 and 57): reported, not fixed here. Each test fails today (run them
 * with {@code -Djunit.jupiter.conditions.deactivate=org.junit.*DisabledCondition}); enable each with
 * its fix.
 */
class TopologyBuilderBugsTest {

    /**
     * {@code ConnectionTable.endTracking} keeps its spare order array for the next round when it
     * holds this round's rows; after a first round without connected sockets the spare one is the
     * initial zero-length array, which {@code track} then cannot grow ({@code copyOf(order, 0 * 2)}):
     * every later snapshot with a connection throws {@link ArrayIndexOutOfBoundsException}, and the
     * builder never recovers.
     */
    @Test
    @Disabled("bug, reported: after a first snapshot without connected sockets every build throws")
    void aFirstSnapshotWithoutConnectionsDoesNotBreakTheNextOnes() {
        TopologyBuilder builder = TopologyBuilder.withDefaults();
        builder.build(snapshot(T0, List.of(listen(20, "0.0.0.0:80")))); // or no socket at all

        Graph next = builder.build(snapshot(T0.plusSeconds(1), List.of(listen(20, "0.0.0.0:80"),
                est(10, "192.168.1.5:50000", "10.0.0.1:443"))));

        assertThat(next.edge("tcp:proc:10->ext:10.0.0.1:443")).isNotNull();
    }

    /**
     * A non-loopback address may exist in two network namespaces (two container networks of one
     * subnet). Connection keys of non-loopback addresses carry no namespace, so the two sockets are
     * rows of one connection, and of the same half; {@code Connection.preferred} compares owner, pid,
     * inode and state only, so two unowned rows without inode tie and the row found first stands
     * for the half. Which listener owner serves then depends on the order of the rows: in one
     * snapshot on the collector's order, for a reusing builder on the order the rows first came in,
     * so that it draws what a fresh builder does not.
     */
    @Test
    @Disabled("bug, reported: rows of one half in two namespaces tie, and the order of the rows decides")
    void oneHalfInTwoNamespacesIsDrawnWhateverTheOrderOfItsRows() {
        SocketEntry queuedHere = tcp(-1, "172.17.0.2:8080", "10.0.0.1:50000", SocketState.ESTABLISHED)
                .inNamespace("net:[2]");
        SocketEntry queuedThere = tcp(-1, "172.17.0.2:8080", "10.0.0.1:50000", SocketState.ESTABLISHED)
                .inNamespace("net:[3]");
        List<SocketEntry> listeners = List.of(listen(20, "0.0.0.0:8080").inNamespace("net:[2]"),
                listen(30, "0.0.0.0:8080").inNamespace("net:[3]"));

        Graph one = TopologyBuilder.withDefaults().build(snapshot(List.of(listeners.get(0), listeners.get(1),
                queuedHere, queuedThere)));
        Graph other = TopologyBuilder.withDefaults().build(snapshot(List.of(listeners.get(0), listeners.get(1),
                queuedThere, queuedHere)));

        // today: tcp:ext:10.0.0.1->proc:20:8080 in one, tcp:ext:10.0.0.1->proc:30:8080 in the other
        assertThat(GraphDiff.between(one, other).isEmpty()).as("%s / %s", one.edges(), other.edges()).isTrue();
    }

    /** The same defect as a reusing builder meets it: the row it saw first stands, a fresh builder takes the first listed. */
    @Test
    @Disabled("bug, reported: rows of one half in two namespaces tie, and the order of the rows decides")
    void aReusingBuilderDrawsWhatAFreshOneDrawsOfOneHalfInTwoNamespaces() {
        SocketEntry here = tcp(-1, "192.168.1.5:40001", "10.0.0.1:443", SocketState.ESTABLISHED);
        List<SocketEntry> first = List.of(here);
        List<SocketEntry> second = List.of(here.inNamespace("net:[2]"), listen(15, "[::]:40001"), here);
        TopologyBuilder reusing = TopologyBuilder.withDefaults();
        reusing.build(snapshot(T0, first));

        Graph incremental = reusing.build(snapshot(T0.plusSeconds(1), second));
        Graph fresh = TopologyBuilder.withDefaults().build(snapshot(T0.plusSeconds(1), second));

        assertThat(incremental.edges()).extracting(Edge::id).isEqualTo(fresh.edges().stream().map(Edge::id).toList());
    }
}
