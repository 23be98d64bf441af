package io.procnet.graph;

import static io.procnet.graph.Sockets.T0;
import static io.procnet.graph.Sockets.est;
import static io.procnet.graph.Sockets.listen;
import static io.procnet.graph.Sockets.snapshot;
import static io.procnet.graph.Sockets.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripted streams of snapshots, each for one way in which what a reusing builder keeps could go
 * stale: every graph must be what a fresh builder draws of the same snapshot, and the traffic
 * what the counters say.
 */
class IncrementalScenariosTest {
    private static final GraphOptions TCP = new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of());

    static Stream<Arguments> streams() {
        SocketEntry listener = listen(20, "0.0.0.0:5432");
        SocketEntry server = tcp(-1, "127.0.0.1:5432", "127.0.0.1:40000", SocketState.TIME_WAIT);
        return Stream.of(
                Arguments.of("a replayed connection whose second half then changes takes out what it added", List.of(
                        List.of(listener, counted(10, "127.0.0.1:40000", "127.0.0.1:5432", 0, 0),
                                counted(20, "127.0.0.1:5432", "127.0.0.1:40000", 0, 0)),
                        List.of(listener, counted(10, "127.0.0.1:40000", "127.0.0.1:5432", 1_000, 2_000),
                                counted(20, "127.0.0.1:5432", "127.0.0.1:40000", 2_000, 1_000)),
                        List.of(listener, counted(10, "127.0.0.1:40000", "127.0.0.1:5432", 2_000, 4_000),
                                with(counted(20, "127.0.0.1:5432", "127.0.0.1:40000", 4_000, 2_000),
                                        SocketState.CLOSE_WAIT))),
                        "tcp:proc:10->proc:20:5432", new EdgeTraffic(1_000, 2_000)),
                Arguments.of("a replayed connection whose metered half then changes adds its rates once", List.of(
                        List.of(listener, est(20, "127.0.0.1:5432", "127.0.0.1:40000"),
                                counted(10, "127.0.0.1:40000", "127.0.0.1:5432", 0, 0)),
                        List.of(listener, est(20, "127.0.0.1:5432", "127.0.0.1:40000"),
                                counted(10, "127.0.0.1:40000", "127.0.0.1:5432", 3_000, 1_000)),
                        List.of(listener, est(20, "127.0.0.1:5432", "127.0.0.1:40000"),
                                with(counted(10, "127.0.0.1:40000", "127.0.0.1:5432", 4_000, 1_500),
                                        SocketState.FIN_WAIT_1))),
                        "tcp:proc:10->proc:20:5432", new EdgeTraffic(1_000, 500)),
                Arguments.of("a replayed connection that then draws nothing leaves its listener unreached", List.of(
                        List.of(listener, server, est(10, "127.0.0.1:40000", "127.0.0.1:5432")),
                        List.of(listener, server, est(10, "127.0.0.1:40000", "127.0.0.1:5432")),
                        List.of(listener, server, tcp(-1, "127.0.0.1:40000", "127.0.0.1:5432", SocketState.FIN_WAIT_2))),
                        "tcp:listen:tcp:5432->proc:20:5432", null),
                Arguments.of("a local pair is metered by the half that has counters", List.of(
                        List.of(est(10, "127.0.0.1:40000", "127.0.0.1:5432"), listener,
                                counted(20, "127.0.0.1:5432", "127.0.0.1:40000", 1_000, 500)),
                        List.of(est(10, "127.0.0.1:40000", "127.0.0.1:5432"), listener,
                                counted(20, "127.0.0.1:5432", "127.0.0.1:40000", 3_000, 1_500))),
                        "tcp:proc:10->proc:20:5432", new EdgeTraffic(1_000, 2_000)),
                Arguments.of("an address bound in an earlier snapshot only is no longer this host's", List.of(
                        List.of(listen(20, "0.0.0.0:6379"), est(30, "192.168.1.7:5000", "10.0.0.1:443")),
                        List.of(listen(20, "0.0.0.0:6379"), est(10, "192.168.1.5:40000", "192.168.1.7:6379"))),
                        "tcp:proc:10->ext:192.168.1.7:6379", null),
                Arguments.of("an address bound again after a gap is this host's again", List.of(
                        List.of(listen(20, "0.0.0.0:6379"), est(30, "192.168.1.7:5000", "10.0.0.1:443")),
                        List.of(listen(20, "0.0.0.0:6379")),
                        List.of(listen(20, "0.0.0.0:6379"), est(30, "192.168.1.7:5000", "10.0.0.1:443"),
                                est(10, "192.168.1.5:40000", "192.168.1.7:6379"))),
                        "tcp:proc:10->proc:20:6379", null),
                Arguments.of("a snapshot that lists one inode for two sockets draws both", List.of(
                        List.of(inode(est(10, "192.168.1.5:50000", "10.0.0.1:443"), 5)),
                        List.of(inode(est(11, "192.168.1.5:50001", "10.0.0.2:443"), 5),
                                inode(est(10, "192.168.1.5:50000", "10.0.0.1:443"), 5)),
                        List.of(inode(est(11, "192.168.1.5:50001", "10.0.0.2:443"), 5),
                                inode(est(10, "192.168.1.5:50000", "10.0.0.1:443"), 5))),
                        "tcp:proc:10->ext:10.0.0.1:443", null),
                Arguments.of("a listener that comes and goes redecides the connections it served", List.of(
                        List.of(listen(20, "0.0.0.0:7000"), est(10, "127.0.0.1:40000", "127.0.0.1:7000")),
                        List.of(est(10, "127.0.0.1:40000", "127.0.0.1:7000")),
                        List.of(listen(21, "0.0.0.0:7000"), est(10, "127.0.0.1:40000", "127.0.0.1:7000")),
                        List.of(listen(21, "0.0.0.0:7000"), est(10, "127.0.0.1:40000", "127.0.0.1:7000"))),
                        "tcp:proc:10->proc:21:7000", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void drawsWhatAFreshBuilderDraws(String name, List<List<SocketEntry>> stream, String edgeId, EdgeTraffic traffic) {
        TopologyBuilder reusing = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        Graph last = null;
        for (int round = 0; round < stream.size(); round++) {
            io.procnet.model.Snapshot snapshot = snapshot(T0.plusSeconds(round), stream.get(round));
            last = reusing.build(snapshot);
            Graph fresh = new TopologyBuilder(NodeClassifier.DEFAULT, TCP).build(snapshot);

            assertThat(last.nodes()).as("round %d", round).isEqualTo(fresh.nodes());
            assertThat(withoutTraffic(last.edges())).as("round %d", round).isEqualTo(withoutTraffic(fresh.edges()));
        }
        assertThat(last.edge(edgeId)).as("%s in %s", edgeId, last.edges()).isNotNull();
        assertThat(last.edge(edgeId).traffic()).isEqualTo(traffic);
    }

    @Test
    void nodesThatNoEdgeUsesAreForgottenOnceMoreThanAThousandPileUp() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        List<SocketEntry> many = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            many.add(est(10, "192.168.1.5:" + (20000 + i), "10.1." + (i / 200) + "." + (i % 200) + ":443"));
        }
        Graph first = builder.build(snapshot(T0, many));
        SocketEntry stays = many.get(0);
        SocketEntry comesBack = many.get(1);

        builder.build(snapshot(T0.plusSeconds(1), List.of(stays)));
        Graph back = builder.build(snapshot(T0.plusSeconds(2), List.of(stays, comesBack)));

        assertThat(back.node("ext:10.1.0.0")).isSameAs(first.node("ext:10.1.0.0"));
        assertThat(back.node("ext:10.1.0.1")).isEqualTo(first.node("ext:10.1.0.1"))
                .isNotSameAs(first.node("ext:10.1.0.1")); // its identity was let go: it is made anew
    }

    @Test
    void aFewUnusedNodesAreKeptAndComeBackAsTheyWere() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        List<SocketEntry> some = List.of(est(10, "192.168.1.5:20000", "10.1.0.0:443"),
                est(10, "192.168.1.5:20001", "10.1.0.1:443"));
        Graph first = builder.build(snapshot(T0, some));

        builder.build(snapshot(T0.plusSeconds(1), some.subList(0, 1)));
        Graph back = builder.build(snapshot(T0.plusSeconds(2), some));

        assertThat(back.node("ext:10.1.0.1")).isSameAs(first.node("ext:10.1.0.1"));
    }

    private static SocketEntry counted(long pid, String local, String remote, long sent, long received) {
        return est(pid, local, remote, sent, received);
    }

    private static SocketEntry with(SocketEntry socket, SocketState state) {
        return new SocketEntry(socket.protocol(), socket.local(), socket.remote(), state, socket.pid(), socket.inode(),
                socket.traffic(), socket.namespace());
    }

    private static SocketEntry inode(SocketEntry socket, long inode) {
        return new SocketEntry(socket.protocol(), socket.local(), socket.remote(), socket.state(), socket.pid(), inode,
                socket.traffic(), socket.namespace());
    }

    private static List<String> withoutTraffic(List<Edge> edges) {
        return edges.stream()
                .map(edge -> edge.id() + " " + edge.kind() + " " + edge.count() + " " + edge.states() + " " + edge.reason())
                .collect(Collectors.toList());
    }
}
