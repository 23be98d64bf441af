package io.procnet.graph;

import static io.procnet.graph.Sockets.T0;
import static io.procnet.graph.Sockets.est;
import static io.procnet.graph.Sockets.listen;
import static io.procnet.graph.Sockets.snapshot;
import static io.procnet.graph.Sockets.tcp;
import static io.procnet.graph.Sockets.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link TopologyBuilder#socketEdgeIds}: which edge of the graph each socket of the snapshot counts in. */
class SocketEdgeIdsTest {
    private static final GraphOptions TCP = new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of());
    private static final GraphOptions UDP = TCP.withUdp(true);
    private static final String POSTGRES = "/usr/lib/postgresql/16/bin/postgres";
    /** Rounds per seed, and seeds (1..n) of the property; fewer under mutation testing. */
    private static final int ROUNDS = Integer.getInteger("procnet.equivalence.rounds", 400) / 2;
    private static final int SEEDS = Integer.getInteger("procnet.equivalence.seeds", 8);

    @Test
    void bothHalvesOfALoopbackConnectionCountInOneEdgeAndTheListenerTheyReachInNone() {
        List<String> ids = idsOf(TCP, listen(20, "0.0.0.0:5432"),
                est(10, "127.0.0.1:40000", "127.0.0.1:5432"),
                est(20, "127.0.0.1:5432", "127.0.0.1:40000"));

        assertThat(ids).containsExactly(null, "tcp:proc:10->proc:20:5432", "tcp:proc:10->proc:20:5432");
    }

    @Test
    void anOutboundConnectionCountsInItsEdgeToTheRemote() {
        assertThat(idsOf(TCP, est(10, "192.168.1.5:40000", "10.0.0.1:443")))
                .containsExactly("tcp:proc:10->ext:10.0.0.1:443");
    }

    @Test
    void anInboundConnectionFromARemoteCountsInTheEdgeToItsServer() {
        assertThat(idsOf(TCP, listen(20, "0.0.0.0:22"), est(20, "192.168.1.5:22", "10.0.0.1:50000")))
                .containsExactly(null, "tcp:ext:10.0.0.1->proc:20:22");
    }

    @Test
    void listeningSocketsThatNoConnectionReachedCountInTheirListenerEdge() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        Snapshot snapshot = snapshot(List.of(listen(20, "0.0.0.0:8080"), listen(20, "[::]:8080"),
                listen(30, "127.0.0.1:9090")));
        Graph graph = builder.build(snapshot);

        assertThat(builder.socketEdgeIds(snapshot)).containsExactly("tcp:listen:tcp:8080->proc:20:8080",
                "tcp:listen:tcp:8080->proc:20:8080", "tcp:listen:tcp:9090->proc:30:9090");
        assertThat(graph.edge("tcp:listen:tcp:8080->proc:20:8080").count()).isEqualTo(2);
    }

    @Test
    void socketsThatDrawNothingCountInNoEdge() {
        List<String> ids = idsOf(UDP, listen(20, "0.0.0.0:5432"),
                tcp(SocketEntry.NO_PID, "127.0.0.1:40001", "127.0.0.1:5432", SocketState.TIME_WAIT), // no one holds it
                est(SocketEntry.NO_PID, "192.168.1.5:40002", "10.0.0.1:443"), // another user's
                listen(SocketEntry.NO_PID, "0.0.0.0:631"),
                udp(10, "0.0.0.0:45000", null), // a client that sends with sendto, from an ephemeral port
                new SocketEntry(Protocol.TCP, Sockets.ep("0.0.0.0:7777"), null, SocketState.CLOSED, 10, 0, null)); // bound

        assertThat(ids).containsExactly("tcp:listen:tcp:5432->proc:20:5432", null, null, null, null, null);
    }

    @Test
    void aHalfInTheAcceptQueueCountsInTheEdgeOfItsListenersOwner() {
        assertThat(idsOf(TCP, listen(20, "0.0.0.0:5432"),
                tcp(SocketEntry.NO_PID, "192.168.1.5:5432", "10.0.0.1:50000", SocketState.SYN_RECEIVED)))
                .containsExactly(null, "tcp:ext:10.0.0.1->proc:20:5432");
    }

    @Test
    void udpCountsWhereItIsDrawn() {
        SocketEntry dns = udp(10, "0.0.0.0:53", null);
        SocketEntry query = udp(11, "192.168.1.5:45000", "10.0.0.1:53");

        assertThat(idsOf(UDP, dns, query)).containsExactly("udp:listen:udp:53->proc:10:53", "udp:proc:11->ext:10.0.0.1:53");
        assertThat(idsOf(TCP, dns, query)).containsExactly(null, null);
    }

    @Test
    void rowsThatRepeatAConnectionCountInItsEdge() {
        SocketEntry parent = new SocketEntry(Protocol.TCP, Sockets.ep("192.168.1.5:40000"), Sockets.ep("10.0.0.1:443"),
                SocketState.ESTABLISHED, 10, 77, null);
        SocketEntry child = new SocketEntry(Protocol.TCP, parent.local(), parent.remote(), SocketState.ESTABLISHED, 11,
                77, null); // shared after fork: the lower pid stands for both

        assertThat(idsOf(TCP, child, parent)).containsExactly("tcp:proc:10->ext:10.0.0.1:443",
                "tcp:proc:10->ext:10.0.0.1:443");
    }

    @Test
    void p2pOnlyCountsProcessToProcessConnectionsOnly() {
        List<String> ids = idsOf(TCP.withP2pOnly(true), listen(20, "0.0.0.0:5432"), listen(20, "0.0.0.0:8080"),
                est(10, "127.0.0.1:40000", "127.0.0.1:5432"),
                est(20, "127.0.0.1:5432", "127.0.0.1:40000"),
                est(10, "192.168.1.5:40001", "10.0.0.1:443"));

        assertThat(ids).containsExactly(null, null, "tcp:proc:10->proc:20:5432", "tcp:proc:10->proc:20:5432", null);
    }

    @Test
    void foldedGroupsCountInTheFoldedEdges() {
        Map<Long, ProcessInfo> processes = new HashMap<>();
        for (ProcessInfo process : List.of(process(100, 1, POSTGRES), process(101, 100, POSTGRES),
                process(102, 100, POSTGRES), process(10, 9, "/usr/bin/psql"))) {
            processes.put(process.pid(), process);
        }
        List<SocketEntry> sockets = List.of(listen(100, "0.0.0.0:5432"), listen(100, "0.0.0.0:5433"),
                est(10, "127.0.0.1:40001", "127.0.0.1:5432"),
                est(101, "127.0.0.1:5432", "127.0.0.1:40001"),
                est(10, "127.0.0.1:40002", "127.0.0.1:5432"),
                est(102, "127.0.0.1:5432", "127.0.0.1:40002"),
                est(101, "192.168.1.5:40003", "10.0.0.1:443"));
        Snapshot snapshot = new Snapshot(T0, 0, "test", sockets, processes, List.of());
        TopologyBuilder folding = new TopologyBuilder(NodeClassifier.DEFAULT, TCP.withFoldGroups(true));
        Graph folded = folding.build(snapshot);
        TopologyBuilder plain = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        plain.build(snapshot);

        String toGroup = "tcp:proc:10->group:100:5432";
        assertThat(folding.socketEdgeIds(snapshot)).containsExactly(null, "tcp:listen:tcp:5433->group:100:5433",
                toGroup, toGroup, toGroup, toGroup, "tcp:group:100->ext:10.0.0.1:443");
        assertThat(folded.edge(toGroup).count()).isEqualTo(2);
        assertThat(plain.socketEdgeIds(snapshot)).containsExactly(null, "tcp:listen:tcp:5433->proc:100:5433",
                "tcp:proc:10->proc:101:5432", "tcp:proc:10->proc:101:5432", "tcp:proc:10->proc:102:5432",
                "tcp:proc:10->proc:102:5432", "tcp:proc:101->ext:10.0.0.1:443");
    }

    @Test
    void aStandingDecisionAndListenersListedInAnotherOrderCountAsBefore() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        SocketEntry web = listen(20, "0.0.0.0:8080");
        SocketEntry admin = listen(30, "0.0.0.0:9090");
        SocketEntry client = est(10, "127.0.0.1:40000", "127.0.0.1:8080");
        builder.build(snapshot(List.of(web, admin, client)));
        // the same listeners in another order: the listener table stays, and the connection's decision stands
        Snapshot second = snapshot(T0.plusSeconds(1), List.of(client, admin, web));
        builder.build(second);

        assertThat(builder.socketEdgeIds(second)).containsExactly("tcp:proc:10->proc:20:8080",
                "tcp:listen:tcp:9090->proc:30:9090", null);
    }

    @Test
    void onlyTheSnapshotBuiltLastCanBeAskedAbout() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        Snapshot first = snapshot(List.of(listen(20, "0.0.0.0:8080")));
        Snapshot equal = snapshot(List.of(listen(20, "0.0.0.0:8080")));

        assertThatThrownBy(() -> builder.socketEdgeIds(first)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the snapshot this builder built last");
        builder.build(first);
        assertThatThrownBy(() -> builder.socketEdgeIds(equal)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taken at " + T0 + " by test");
        builder.build(equal);
        assertThatThrownBy(() -> builder.socketEdgeIds(first)).isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.socketEdgeIds(equal)).containsExactly("tcp:listen:tcp:8080->proc:20:8080");
        assertThatThrownBy(() -> builder.socketEdgeIds(equal).set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * Over seeded random streams: each id names an edge of the graph; the sockets of one connection
     * count in one edge (or none); an edge's count is the number of distinct connections among the
     * sockets that count in it, or of listening sockets for a listener edge; and a builder that
     * reuses its decisions tells what a fresh one tells.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyEdgeCountsTheConnectionsOfTheSocketsThatCountInIt(long seed) {
        Random random = new Random(seed);
        GraphOptions options = new GraphOptions(random.nextBoolean(), true, Set.of(7000), PortRange.LINUX_DEFAULT,
                Set.of()).withFoldGroups(random.nextBoolean());
        RandomWorld world = new RandomWorld(random, true);
        TopologyBuilder reusing = new TopologyBuilder(NodeClassifier.DEFAULT, options);
        boolean folded = false;
        for (int round = 0; round < ROUNDS; round++) {
            world.change();
            Snapshot snapshot = world.snapshot(round);
            Graph graph = reusing.build(snapshot);
            List<String> ids = reusing.socketEdgeIds(snapshot);
            TopologyBuilder fresh = new TopologyBuilder(NodeClassifier.DEFAULT, options);
            fresh.build(snapshot);
            String context = "seed " + seed + " round " + round + " " + options + ": " + snapshot.sockets();

            assertThat(ids).as(context).hasSameSizeAs(snapshot.sockets()).isEqualTo(fresh.socketEdgeIds(snapshot));
            Map<String, Set<ConnectionOf>> connections = new HashMap<>();
            Map<String, Integer> listening = new HashMap<>();
            Map<ConnectionOf, String> edgeOfConnection = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                SocketEntry socket = snapshot.sockets().get(i);
                String id = ids.get(i);
                if (socket.remote() != null) {
                    ConnectionOf connection = ConnectionOf.of(socket);
                    if (edgeOfConnection.containsKey(connection)) {
                        assertThat(id).as("%s: socket %d, %s", context, i, socket)
                                .isEqualTo(edgeOfConnection.get(connection));
                    }
                    edgeOfConnection.put(connection, id);
                }
                if (id == null) {
                    continue;
                }
                Edge edge = graph.edge(id);
                assertThat(edge).as("%s: socket %d, %s counts in %s", context, i, socket, id).isNotNull();
                if (edge.kind() == EdgeKind.LISTENER) {
                    assertThat(socket.isListening()).as(context).isTrue();
                    listening.merge(id, 1, Integer::sum);
                } else {
                    assertThat(socket.remote()).as(context).isNotNull();
                    connections.computeIfAbsent(id, key -> new HashSet<>()).add(ConnectionOf.of(socket));
                }
                folded |= edge.from().startsWith(GroupNode.ID_PREFIX) || edge.to().startsWith(GroupNode.ID_PREFIX);
            }
            for (Edge edge : graph.edges()) {
                int counted = edge.kind() == EdgeKind.LISTENER ? listening.getOrDefault(edge.id(), 0)
                        : connections.getOrDefault(edge.id(), Set.of()).size();
                assertThat(counted).as("%s: sockets of %s", context, edge).isEqualTo(edge.count());
            }
        }
        assertThat(folded).as("a stream with groups folded counts sockets in group edges")
                .isEqualTo(options.foldGroups());
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, SEEDS);
    }

    /**
     * A connection as the socket table shows it: protocol and both endpoints in either order, and
     * for a loopback address the namespace, where the same addresses are another connection.
     */
    private record ConnectionOf(Protocol protocol, Set<Endpoint> ends, String namespace) {
        static ConnectionOf of(SocketEntry socket) {
            Set<Endpoint> ends = new HashSet<>(Arrays.asList(socket.local(), socket.remote()));
            return new ConnectionOf(socket.protocol(), ends,
                    socket.local().address().isLoopbackAddress() ? socket.namespace() : null);
        }
    }

    private static List<String> idsOf(GraphOptions options, SocketEntry... sockets) {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, options);
        Snapshot snapshot = snapshot(new ArrayList<>(List.of(sockets)));
        builder.build(snapshot);
        return builder.socketEdgeIds(snapshot);
    }

    private static ProcessInfo process(long pid, long parent, String executable) {
        return new ProcessInfo(pid, parent, "p" + pid, "p" + pid, "user", Instant.parse("2026-11-27T08:00:00Z")
                .plusSeconds(pid), executable, List.of());
    }
}
