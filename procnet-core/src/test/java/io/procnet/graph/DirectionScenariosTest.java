package io.procnet.graph;

import static io.procnet.graph.Sockets.est;
import static io.procnet.graph.Sockets.listen;
import static io.procnet.graph.Sockets.snapshot;
import static io.procnet.graph.Sockets.tcp;
import static io.procnet.graph.Sockets.udp;
import static io.procnet.model.SocketState.ESTABLISHED;
import static io.procnet.model.SocketState.SYN_RECEIVED;
import static io.procnet.model.SocketState.SYN_SENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.internal.host.HostNetwork;
import io.procnet.model.InetAddresses;
import io.procnet.model.SocketEntry;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * More topologies, each for one rule of the direction steps, of fan-in, of local addresses or of
 * the listeners a connection puts in use; every one is built from its sockets in order and reversed.
 */
class DirectionScenariosTest {
    private static final GraphOptions TCP = new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of());
    private static final GraphOptions UDP = TCP.withUdp(true);

    static Stream<Arguments> topologies() {
        return Stream.of(
                // ---- handshake, told by either half
                Arguments.of("the client already established, the server half still SYN_RECEIVED", TCP,
                        List.of(tcp(10, "127.0.0.1:7000", "127.0.0.1:7001", ESTABLISHED),
                                tcp(20, "127.0.0.1:7001", "127.0.0.1:7000", SYN_RECEIVED)),
                        List.of("tcp:proc:10->proc:20:7001 HANDSHAKE x1"), List.of("proc:10", "proc:20")),
                Arguments.of("an unowned SYN_RECEIVED half tells that its peer is the client", TCP,
                        List.of(tcp(10, "127.0.0.1:7000", "127.0.0.1:7001", ESTABLISHED),
                                tcp(-1, "127.0.0.1:7001", "127.0.0.1:7000", SYN_RECEIVED)),
                        List.of("tcp:proc:10->ext:127.0.0.1:7001 HANDSHAKE x1"), List.of("ext:127.0.0.1", "proc:10")),
                Arguments.of("the server half SYN_RECEIVED on the lower port", TCP,
                        List.of(tcp(20, "127.0.0.1:7000", "127.0.0.1:7001", SYN_RECEIVED),
                                tcp(10, "127.0.0.1:7001", "127.0.0.1:7000", SYN_SENT)),
                        List.of("tcp:proc:10->proc:20:7000 HANDSHAKE x1"), List.of("proc:10", "proc:20")),
                Arguments.of("a SYN_RECEIVED socket of a remote client serves", TCP,
                        List.of(tcp(20, "192.168.1.5:7000", "10.0.0.1:7001", SYN_RECEIVED)),
                        List.of("tcp:ext:10.0.0.1->proc:20:7000 HANDSHAKE x1"), List.of("ext:10.0.0.1", "proc:20")),

                // ---- the guess: equal ports fall to the lower address
                Arguments.of("equal ports, the remote address lower: the remote serves", TCP,
                        List.of(est(10, "192.168.1.5:7000", "10.0.0.1:7000")),
                        List.of("tcp:proc:10->ext:10.0.0.1:7000 GUESS x1"), List.of("ext:10.0.0.1", "proc:10")),
                Arguments.of("equal ports, the remote address higher: this end serves", TCP,
                        List.of(est(10, "192.168.1.5:7000", "192.168.200.1:7000")),
                        List.of("tcp:ext:192.168.200.1->proc:10:7000 GUESS x1"), List.of("ext:192.168.200.1", "proc:10")),

                // ---- fan-in
                Arguments.of("fan-in counts loopback ends per namespace", TCP,
                        List.of(est(10, "127.0.0.1:7000", "127.0.0.1:7001"), est(20, "127.0.0.1:7001", "127.0.0.1:7000"),
                                est(30, "127.0.0.1:40001", "127.0.0.1:7001").inNamespace("net:[2]"),
                                est(40, "127.0.0.1:7001", "127.0.0.1:40001").inNamespace("net:[2]"),
                                est(31, "127.0.0.1:40002", "127.0.0.1:7001").inNamespace("net:[2]"),
                                est(40, "127.0.0.1:7001", "127.0.0.1:40002").inNamespace("net:[2]")),
                        List.of("tcp:proc:20->proc:10:7000 GUESS x1", "tcp:proc:30->proc:40:7001 LOCAL_PEER x1",
                                "tcp:proc:31->proc:40:7001 LOCAL_PEER x1"),
                        List.of("proc:10", "proc:20", "proc:30", "proc:31", "proc:40")),
                Arguments.of("fan-in counts a half once however many holders list it", TCP,
                        List.of(est(10, "127.0.0.1:7000", "127.0.0.1:7001"), est(11, "127.0.0.1:7000", "127.0.0.1:7001"),
                                est(20, "127.0.0.1:7001", "127.0.0.1:7000"),
                                est(20, "127.0.0.1:7001", "127.0.0.1:7002"), est(30, "127.0.0.1:7002", "127.0.0.1:7001")),
                        List.of("tcp:proc:10->proc:20:7001 LOCAL_PEER x1", "tcp:proc:30->proc:20:7001 LOCAL_PEER x1"),
                        List.of("proc:10", "proc:20", "proc:30")),

                // ---- listeners are per protocol
                Arguments.of("a UDP socket on a port does not make it a TCP listener", UDP,
                        List.of(udp(30, "0.0.0.0:5353", null), est(10, "192.168.1.5:5353", "10.0.0.1:50000")),
                        List.of("tcp:ext:10.0.0.1->proc:10:5353 SERVICE_PORT x1",
                                "udp:listen:udp:5353->proc:30:5353 LISTENER x1"),
                        List.of("ext:10.0.0.1", "listen:udp:5353", "proc:10", "proc:30")),

                // ---- local addresses: those the snapshot's sockets are bound to
                Arguments.of("a client of this host's own address, its server half missing, reaches the listener's owner",
                        TCP,
                        List.of(listen(20, "0.0.0.0:6379"), est(10, "192.168.1.5:40000", "192.168.1.5:6379")),
                        List.of("tcp:proc:10->proc:20:6379 LISTENER x1"), List.of("proc:10", "proc:20")),
                Arguments.of("an address no socket is bound to is remote, whatever listens on its port here", TCP,
                        List.of(listen(20, "0.0.0.0:6379"), est(10, "192.168.1.5:40000", "192.168.1.6:6379")),
                        List.of("tcp:proc:10->ext:192.168.1.6:6379 NOT_LISTENING x1",
                                "tcp:listen:tcp:6379->proc:20:6379 LISTENER x1"),
                        List.of("ext:192.168.1.6", "listen:tcp:6379", "proc:10", "proc:20")),
                Arguments.of("an address bound by a listener only is this host's too", TCP,
                        List.of(listen(20, "192.168.1.7:6379"), est(10, "10.9.9.9:40000", "192.168.1.7:6379")),
                        List.of("tcp:proc:10->proc:20:6379 LISTENER x1"), List.of("proc:10", "proc:20")),

                // ---- the listeners a connection puts in use
                Arguments.of("a worker's connection uses its parent's listener, not an unowned one on the port", TCP,
                        List.of(listen(100, "0.0.0.0:80"), listen(-1, "0.0.0.0:80"),
                                est(101, "192.168.1.5:80", "1.2.3.4:50000")),
                        List.of("tcp:ext:1.2.3.4->proc:101:80 LISTENER x1"), List.of("ext:1.2.3.4", "proc:101")),
                Arguments.of("a connection uses every listener of its server on the port, in its namespace only", TCP,
                        List.of(listen(20, "0.0.0.0:80"), listen(20, "[::]:80"),
                                listen(20, "0.0.0.0:80").inNamespace("net:[2]"),
                                est(20, "192.168.1.5:80", "1.2.3.4:50000")),
                        List.of("tcp:ext:1.2.3.4->proc:20:80 LISTENER x1",
                                "tcp:listen:tcp:80@net:[2]->proc:20:80 LISTENER x1"),
                        List.of("ext:1.2.3.4", "listen:tcp:80@net:[2]", "proc:20")),
                Arguments.of("the owner of the listener that takes an unowned server half serves, on all its listeners on the port", TCP,
                        List.of(listen(30, "127.0.0.1:5432"), listen(30, "[::]:5432"),
                                est(10, "127.0.0.1:40000", "127.0.0.1:5432"),
                                tcp(-1, "127.0.0.1:5432", "127.0.0.1:40000", io.procnet.model.SocketState.TIME_WAIT)),
                        List.of("tcp:proc:10->proc:30:5432 LISTENER x1"), List.of("proc:10", "proc:30")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    void buildsTopologyInAnyOrder(String name, GraphOptions options, List<SocketEntry> sockets, List<String> edges,
                                  List<String> nodes) {
        List<SocketEntry> reversed = new ArrayList<>(sockets);
        Collections.reverse(reversed);
        for (List<SocketEntry> order : List.of(sockets, reversed)) {
            Graph graph = new TopologyBuilder(NodeClassifier.DEFAULT, options).build(snapshot(order));

            assertThat(graph.edges()).extracting(DirectionScenariosTest::summary).as("%s", order)
                    .containsExactlyInAnyOrderElementsOf(edges);
            assertThat(graph.nodes()).extracting(Node::id).as("%s", order).containsExactlyInAnyOrderElementsOf(nodes);
        }
    }

    @Test
    void theInterfaceAddressesAreLocalOnlyWhenAsked() {
        Optional<InetAddress> own = HostNetwork.queryInterfaceAddresses().stream()
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress())
                .findFirst();
        Assumptions.assumeTrue(own.isPresent(), "this host has no IPv4 address besides loopback");
        String address = InetAddresses.format(own.get());
        List<SocketEntry> sockets = List.of(listen(20, "0.0.0.0:6379"), est(10, "10.255.0.1:40000", address + ":6379"));

        Graph asked = new TopologyBuilder(NodeClassifier.DEFAULT, TCP.withHostAddresses(true)).build(snapshot(sockets));
        Graph notAsked = new TopologyBuilder(NodeClassifier.DEFAULT, TCP).build(snapshot(sockets));

        assertThat(asked.edges()).extracting(DirectionScenariosTest::summary)
                .containsExactly("tcp:proc:10->proc:20:6379 LISTENER x1");
        assertThat(notAsked.edges()).extracting(DirectionScenariosTest::summary)
                .contains("tcp:proc:10->ext:" + address + ":6379 NOT_LISTENING x1");
    }

    private static String summary(Edge edge) {
        return edge.id() + " " + edge.reason() + " x" + edge.count();
    }
}
