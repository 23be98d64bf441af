package io.procnet.graph;

import static io.procnet.graph.Sockets.T0;
import static io.procnet.graph.Sockets.est;
import static io.procnet.graph.Sockets.listen;
import static io.procnet.graph.Sockets.snapshot;
import static io.procnet.graph.Sockets.tcp;
import static io.procnet.graph.Sockets.udp;
import static io.procnet.model.SocketState.CLOSE_WAIT;
import static io.procnet.model.SocketState.SYN_RECEIVED;
import static io.procnet.model.SocketState.SYN_SENT;
import static io.procnet.model.SocketState.TIME_WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TopologyBuilderTest {
    private static final GraphOptions TCP = new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of());
    private static final GraphOptions UDP = TCP.withUdp(true);
    private static final GraphOptions P2P = TCP.withP2pOnly(true);

    static Stream<Arguments> topologies() {
        return Stream.of(
                // ---- local peers: both halves become one process->process edge
                Arguments.of("v4 loopback pair through a listener", TCP,
                        List.of(listen(20, "0.0.0.0:5432"),
                                est(10, "127.0.0.1:40000", "127.0.0.1:5432"),
                                est(20, "127.0.0.1:5432", "127.0.0.1:40000")),
                        List.of("tcp:proc:10->proc:20:5432 LISTENER x1"), List.of("proc:10", "proc:20")),
                Arguments.of("server half listed first", TCP,
                        List.of(est(20, "127.0.0.1:5432", "127.0.0.1:40000"),
                                est(10, "127.0.0.1:40000", "127.0.0.1:5432"),
                                listen(20, "0.0.0.0:5432")),
                        List.of("tcp:proc:10->proc:20:5432 LISTENER x1"), List.of("proc:10", "proc:20")),
                Arguments.of("v6 loopback pair through a :: listener", TCP,
                        List.of(listen(20, "[::]:8080"),
                                est(10, "[::1]:40000", "[::1]:8080"),
                                est(20, "[::1]:8080", "[::1]:40000")),
                        List.of("tcp:proc:10->proc:20:8080 LISTENER x1"), List.of("proc:10", "proc:20")),
                Arguments.of("v4-mapped half pairs with a plain v4 half", TCP,
                        List.of(listen(20, "[::]:8080"),
                                est(10, "127.0.0.1:40000", "127.0.0.1:8080"),
                                est(20, "[::ffff:127.0.0.1]:8080", "[::ffff:127.0.0.1]:40000")),
                        List.of("tcp:proc:10->proc:20:8080 LISTENER x1"), List.of("proc:10", "proc:20")),
                Arguments.of("same-host pair on a non-loopback address", TCP,
                        List.of(listen(20, "192.168.1.5:6379"),
                                est(10, "192.168.1.5:40000", "192.168.1.5:6379"),
                                est(20, "192.168.1.5:6379", "192.168.1.5:40000")),
                        List.of("tcp:proc:10->proc:20:6379 LISTENER x1"), List.of("proc:10", "proc:20")),
                Arguments.of("both ports ephemeral and no listener: the lower port serves", TCP,
                        List.of(est(10, "127.0.0.1:40000", "127.0.0.1:50000"),
                                est(20, "127.0.0.1:50000", "127.0.0.1:40000")),
                        List.of("tcp:proc:20->proc:10:40000 GUESS x1"), List.of("proc:10", "proc:20")),
                Arguments.of("no listener: the end that more connections share serves", TCP,
                        List.of(est(10, "127.0.0.1:40001", "127.0.0.1:7000"),
                                est(10, "127.0.0.1:40002", "127.0.0.1:7000"),
                                est(20, "127.0.0.1:7000", "127.0.0.1:40001"),
                                est(20, "127.0.0.1:7000", "127.0.0.1:40002")),
                        List.of("tcp:proc:10->proc:20:7000 LOCAL_PEER x2"), List.of("proc:10", "proc:20")),
                Arguments.of("no listener: the SYN_SENT half is the client, whatever the ports", TCP,
                        List.of(tcp(10, "127.0.0.1:7000", "127.0.0.1:7001", SYN_SENT),
                                tcp(20, "127.0.0.1:7001", "127.0.0.1:7000", SYN_RECEIVED)),
                        List.of("tcp:proc:10->proc:20:7001 HANDSHAKE x1"), List.of("proc:10", "proc:20")),
                Arguments.of("a process connected to its own listener is one self edge", TCP,
                        List.of(listen(10, "127.0.0.1:9000"),
                                est(10, "127.0.0.1:40000", "127.0.0.1:9000"),
                                est(10, "127.0.0.1:9000", "127.0.0.1:40000")),
                        List.of("tcp:proc:10->proc:10:9000 LISTENER x1"), List.of("proc:10")),
                Arguments.of("a socket connected to itself is one self edge", TCP,
                        List.of(est(10, "127.0.0.1:40000", "127.0.0.1:40000")),
                        List.of("tcp:proc:10->proc:10:40000 GUESS x1"), List.of("proc:10")),

                // ---- listeners and their bind address
                Arguments.of("0.0.0.0 listener serves IPv4 clients", TCP,
                        List.of(listen(20, "0.0.0.0:7777"), est(20, "192.168.1.5:7777", "10.1.1.1:7000")),
                        List.of("tcp:ext:10.1.1.1->proc:20:7777 LISTENER x1"), List.of("ext:10.1.1.1", "proc:20")),
                Arguments.of("0.0.0.0 listener does not serve IPv6", TCP,
                        List.of(listen(20, "0.0.0.0:7777"), est(20, "[2001:db8::5]:7777", "[2001:db8::9]:7000")),
                        List.of("tcp:proc:20->ext:2001:db8::9:7000 NOT_LISTENING x1",
                                "tcp:listen:tcp:7777->proc:20:7777 LISTENER x1"),
                        List.of("ext:2001:db8::9", "listen:tcp:7777", "proc:20")),
                Arguments.of(":: listener serves IPv6 and IPv4", TCP,
                        List.of(listen(20, "[::]:7777"),
                                est(20, "192.168.1.5:7777", "10.1.1.1:7000"),
                                est(20, "[2001:db8::5]:7777", "[2001:db8::9]:7000")),
                        List.of("tcp:ext:10.1.1.1->proc:20:7777 LISTENER x1",
                                "tcp:ext:2001:db8::9->proc:20:7777 LISTENER x1"),
                        List.of("ext:10.1.1.1", "ext:2001:db8::9", "proc:20")),
                Arguments.of("a listener on one address does not serve another", TCP,
                        List.of(listen(20, "127.0.0.1:7777"), est(20, "192.168.1.5:7777", "10.1.1.1:7000")),
                        List.of("tcp:proc:20->ext:10.1.1.1:7000 NOT_LISTENING x1",
                                "tcp:listen:tcp:7777->proc:20:7777 LISTENER x1"),
                        List.of("ext:10.1.1.1", "listen:tcp:7777", "proc:20")),
                Arguments.of("one listener node for a port that several processes listen on", TCP,
                        List.of(listen(20, "0.0.0.0:80"), listen(20, "[::]:80"), listen(21, "0.0.0.0:80")),
                        List.of("tcp:listen:tcp:80->proc:20:80 LISTENER x2",
                                "tcp:listen:tcp:80->proc:21:80 LISTENER x1"),
                        List.of("listen:tcp:80", "proc:20", "proc:21")),

                // ---- remote peers: service ports, ephemeral range, guess
                Arguments.of("a service port serves", TCP,
                        List.of(est(10, "192.168.1.5:45000", "10.0.0.1:443")),
                        List.of("tcp:proc:10->ext:10.0.0.1:443 SERVICE_PORT x1"), List.of("ext:10.0.0.1", "proc:10")),
                Arguments.of("an ephemeral port is the client's", TCP,
                        List.of(est(10, "192.168.1.5:50000", "10.0.0.1:7000")),
                        List.of("tcp:proc:10->ext:10.0.0.1:7000 EPHEMERAL x1"), List.of("ext:10.0.0.1", "proc:10")),
                Arguments.of("in a snapshot without listeners, of two ephemeral ports the lower serves", TCP,
                        List.of(est(10, "192.168.1.5:45000", "10.0.0.1:47000")),
                        List.of("tcp:ext:10.0.0.1->proc:10:45000 GUESS x1"), List.of("ext:10.0.0.1", "proc:10")),
                Arguments.of("with the table complete, an outbound connection from a port that does not listen is the client's",
                        TCP,
                        List.of(listen(30, "0.0.0.0:22"), est(10, "192.168.1.5:45000", "10.0.0.1:47000")),
                        List.of("tcp:proc:10->ext:10.0.0.1:47000 NOT_LISTENING x1",
                                "tcp:listen:tcp:22->proc:30:22 LISTENER x1"),
                        List.of("ext:10.0.0.1", "listen:tcp:22", "proc:10", "proc:30")),
                Arguments.of("NOT_LISTENING comes before the service port: a client may use a service port number", TCP,
                        List.of(listen(30, "0.0.0.0:22"), est(10, "192.168.1.5:443", "10.0.0.1:50000")),
                        List.of("tcp:proc:10->ext:10.0.0.1:50000 NOT_LISTENING x1",
                                "tcp:listen:tcp:22->proc:30:22 LISTENER x1"),
                        List.of("ext:10.0.0.1", "listen:tcp:22", "proc:10", "proc:30")),
                Arguments.of("a SYN_SENT end is the client, whatever the ports and without listeners", TCP,
                        List.of(tcp(10, "192.168.1.5:40000", "10.0.0.1:50000", SYN_SENT)),
                        List.of("tcp:proc:10->ext:10.0.0.1:50000 HANDSHAKE x1"), List.of("ext:10.0.0.1", "proc:10")),
                Arguments.of("with UDP, service ports, the ephemeral range and the guess still decide", UDP,
                        List.of(listen(30, "0.0.0.0:22"), udp(10, "192.168.1.5:40000", "10.0.0.1:7000"),
                                udp(11, "192.168.1.5:45000", "10.0.0.1:47000")),
                        List.of("udp:proc:10->ext:10.0.0.1:7000 EPHEMERAL x1",
                                "udp:ext:10.0.0.1->proc:11:45000 GUESS x1",
                                "tcp:listen:tcp:22->proc:30:22 LISTENER x1"),
                        List.of("ext:10.0.0.1", "listen:tcp:22", "proc:10", "proc:11", "proc:30")),
                Arguments.of("an extra service port (--svc-ports) serves", TCP.withExtraServicePorts(Set.of(47000)),
                        List.of(est(10, "192.168.1.5:45000", "10.0.0.1:47000")),
                        List.of("tcp:proc:10->ext:10.0.0.1:47000 SERVICE_PORT x1"), List.of("ext:10.0.0.1", "proc:10")),
                Arguments.of("connections aggregate by client, server, protocol and server port", TCP,
                        List.of(est(10, "192.168.1.5:50001", "10.0.0.1:443"),
                                est(10, "192.168.1.5:50002", "10.0.0.1:443"),
                                tcp(10, "192.168.1.5:50003", "10.0.0.1:443", CLOSE_WAIT),
                                est(10, "192.168.1.5:50004", "10.0.0.1:80"),
                                est(11, "192.168.1.5:50005", "10.0.0.1:443")),
                        List.of("tcp:proc:10->ext:10.0.0.1:443 SERVICE_PORT x3",
                                "tcp:proc:10->ext:10.0.0.1:80 SERVICE_PORT x1",
                                "tcp:proc:11->ext:10.0.0.1:443 SERVICE_PORT x1"),
                        List.of("ext:10.0.0.1", "proc:10", "proc:11")),

                // ---- UDP
                Arguments.of("UDP is left out unless asked for", TCP,
                        List.of(udp(10, "192.168.1.5:40000", "8.8.8.8:53"), udp(11, "0.0.0.0:5353", null)),
                        List.of(), List.of()),
                Arguments.of("UDP with a remote is an edge; a bound service socket is a listener", UDP,
                        List.of(udp(10, "192.168.1.5:40000", "8.8.8.8:53"), udp(11, "0.0.0.0:5353", null),
                                udp(12, "0.0.0.0:0", null)),
                        List.of("udp:proc:10->ext:8.8.8.8:53 SERVICE_PORT x1", "udp:listen:udp:5353->proc:11:5353 LISTENER x1"),
                        List.of("ext:8.8.8.8", "listen:udp:5353", "proc:10", "proc:11")),
                Arguments.of("a UDP socket outside the ephemeral range serves; a client socket inside it draws nothing", UDP,
                        List.of(udp(13, "0.0.0.0:27015", null), udp(12, "0.0.0.0:41234", null),
                                udp(14, "[::]:55000", null)),
                        List.of("udp:listen:udp:27015->proc:13:27015 LISTENER x1"),
                        List.of("listen:udp:27015", "proc:13")),
                Arguments.of("an extra service port in the ephemeral range serves over UDP too",
                        UDP.withExtraServicePorts(Set.of(41234)),
                        List.of(udp(12, "0.0.0.0:41234", null)),
                        List.of("udp:listen:udp:41234->proc:12:41234 LISTENER x1"), List.of("listen:udp:41234", "proc:12")),
                Arguments.of("the most specific UDP socket serves, as the kernel delivers", UDP,
                        List.of(udp(30, "0.0.0.0:53", null), udp(31, "127.0.0.1:53", null),
                                udp(10, "127.0.0.1:40000", "127.0.0.1:53")),
                        List.of("udp:proc:10->proc:31:53 LISTENER x1", "udp:listen:udp:53->proc:30:53 LISTENER x1"),
                        List.of("listen:udp:53", "proc:10", "proc:30", "proc:31")),
                Arguments.of("a pre-forked server: listener in the parent, connection in a worker", TCP,
                        List.of(listen(100, "0.0.0.0:80"), est(101, "192.168.1.5:80", "1.2.3.4:50000")),
                        List.of("tcp:ext:1.2.3.4->proc:101:80 LISTENER x1"), List.of("ext:1.2.3.4", "proc:101")),
                Arguments.of("a repeated row (a socket shared after fork) is one connection", TCP,
                        List.of(est(10, "127.0.0.1:40000", "127.0.0.1:7000"),
                                est(11, "127.0.0.1:40000", "127.0.0.1:7000"),
                                est(20, "127.0.0.1:7000", "127.0.0.1:40000")),
                        List.of("tcp:proc:10->proc:20:7000 EPHEMERAL x1"), List.of("proc:10", "proc:20")),
                Arguments.of("an owned repeat of an unowned half takes its place", TCP,
                        List.of(est(-1, "127.0.0.1:40000", "127.0.0.1:7000"),
                                est(11, "127.0.0.1:40000", "127.0.0.1:7000"),
                                listen(20, "127.0.0.1:7000")),
                        List.of("tcp:proc:11->proc:20:7000 LISTENER x1"), List.of("proc:11", "proc:20")),
                Arguments.of("a local UDP client reaches the owner of an unconnected server socket", UDP,
                        List.of(udp(10, "127.0.0.1:40000", "127.0.0.1:53"), udp(30, "127.0.0.1:53", null)),
                        List.of("udp:proc:10->proc:30:53 LISTENER x1"), List.of("proc:10", "proc:30")),

                // ---- sockets without owner
                Arguments.of("unowned sockets draw nothing, TIME_WAIT included", TCP,
                        List.of(est(-1, "192.168.1.5:50000", "10.0.0.1:443"),
                                tcp(-1, "127.0.0.1:40000", "127.0.0.1:5432", TIME_WAIT),
                                tcp(-1, "127.0.0.1:5432", "127.0.0.1:40001", TIME_WAIT),
                                listen(-1, "0.0.0.0:22")),
                        List.of(), List.of()),
                Arguments.of("a local server of unknown owner is drawn as its address", TCP,
                        List.of(listen(-1, "127.0.0.1:5432"),
                                est(10, "127.0.0.1:40000", "127.0.0.1:5432"),
                                est(-1, "127.0.0.1:5432", "127.0.0.1:40000")),
                        List.of("tcp:proc:10->ext:127.0.0.1:5432 LISTENER x1"), List.of("ext:127.0.0.1", "proc:10")),
                Arguments.of("an unowned serving half (accept queue) belongs to the listener's owner", TCP,
                        List.of(listen(20, "0.0.0.0:5432"),
                                est(-1, "127.0.0.1:5432", "127.0.0.1:40000"),
                                est(10, "127.0.0.1:40000", "127.0.0.1:5432")),
                        List.of("tcp:proc:10->proc:20:5432 LISTENER x1"), List.of("proc:10", "proc:20")),
                Arguments.of("a missing serving half belongs to the listener's owner", TCP,
                        List.of(listen(20, "0.0.0.0:5432"), est(10, "127.0.0.1:40000", "127.0.0.1:5432")),
                        List.of("tcp:proc:10->proc:20:5432 LISTENER x1"), List.of("proc:10", "proc:20")),
                Arguments.of("a queued connection from a remote client belongs to the listener's owner", TCP,
                        List.of(listen(20, "0.0.0.0:80"), tcp(-1, "192.168.1.5:80", "1.2.3.4:50000", SYN_RECEIVED),
                                est(-1, "192.168.1.5:80", "1.2.3.5:50000")),
                        List.of("tcp:ext:1.2.3.4->proc:20:80 LISTENER x1", "tcp:ext:1.2.3.5->proc:20:80 LISTENER x1"),
                        List.of("ext:1.2.3.4", "ext:1.2.3.5", "proc:20")),
                Arguments.of("a queued connection whose client is unowned too is drawn from the client's address", TCP,
                        List.of(listen(20, "0.0.0.0:5432"),
                                est(-1, "127.0.0.1:5432", "127.0.0.1:40000"),
                                est(-1, "127.0.0.1:40000", "127.0.0.1:5432")),
                        List.of("tcp:ext:127.0.0.1->proc:20:5432 LISTENER x1"), List.of("ext:127.0.0.1", "proc:20")),
                Arguments.of("an unowned TIME_WAIT half stays out: its listener shows unreached", TCP,
                        List.of(listen(20, "0.0.0.0:80"), tcp(-1, "192.168.1.5:80", "1.2.3.4:50000", TIME_WAIT)),
                        List.of("tcp:listen:tcp:80->proc:20:80 LISTENER x1"), List.of("listen:tcp:80", "proc:20")),

                // ---- SO_REUSEPORT: several processes listen on one address and port
                Arguments.of("a connection is served by the listener of the process that holds it", TCP,
                        List.of(listen(20, "0.0.0.0:80"), listen(21, "0.0.0.0:80"),
                                est(21, "192.168.1.5:80", "1.2.3.4:50000")),
                        List.of("tcp:ext:1.2.3.4->proc:21:80 LISTENER x1", "tcp:listen:tcp:80->proc:20:80 LISTENER x1"),
                        List.of("ext:1.2.3.4", "listen:tcp:80", "proc:20", "proc:21")),
                Arguments.of("a half no process holds falls to the lowest pid of the equally specific listeners", TCP,
                        List.of(listen(21, "0.0.0.0:80"), listen(20, "0.0.0.0:80"),
                                tcp(-1, "192.168.1.5:80", "1.2.3.4:50000", SYN_RECEIVED)),
                        List.of("tcp:ext:1.2.3.4->proc:20:80 LISTENER x1", "tcp:listen:tcp:80->proc:21:80 LISTENER x1"),
                        List.of("ext:1.2.3.4", "listen:tcp:80", "proc:20", "proc:21")),
                Arguments.of("a more specific listener wins over a lower pid", TCP,
                        List.of(listen(20, "0.0.0.0:80"), listen(21, "192.168.1.5:80"),
                                tcp(-1, "192.168.1.5:80", "1.2.3.4:50000", SYN_RECEIVED)),
                        List.of("tcp:ext:1.2.3.4->proc:21:80 LISTENER x1", "tcp:listen:tcp:80->proc:20:80 LISTENER x1"),
                        List.of("ext:1.2.3.4", "listen:tcp:80", "proc:20", "proc:21")),
                Arguments.of("a local client whose serving half is missing reaches the lowest pid", TCP,
                        List.of(listen(21, "0.0.0.0:80"), listen(20, "0.0.0.0:80"),
                                est(10, "127.0.0.1:40000", "127.0.0.1:80")),
                        List.of("tcp:proc:10->proc:20:80 LISTENER x1", "tcp:listen:tcp:80->proc:21:80 LISTENER x1"),
                        List.of("listen:tcp:80", "proc:10", "proc:20", "proc:21")),

                // ---- one socket is one connection
                Arguments.of("repeated rows of a remote connection count once", TCP,
                        List.of(est(11, "192.168.1.5:50000", "10.0.0.1:443"), est(10, "192.168.1.5:50000", "10.0.0.1:443"),
                                est(-1, "192.168.1.5:50000", "10.0.0.1:443")),
                        List.of("tcp:proc:10->ext:10.0.0.1:443 SERVICE_PORT x1"), List.of("ext:10.0.0.1", "proc:10")),

                // ---- network namespaces (containers)
                Arguments.of("loopback halves in different namespaces are different connections", TCP,
                        List.of(est(10, "127.0.0.1:40000", "127.0.0.1:80"),
                                listen(20, "0.0.0.0:80").inNamespace("net:[2]"),
                                est(20, "127.0.0.1:80", "127.0.0.1:40000").inNamespace("net:[2]")),
                        List.of("tcp:proc:10->ext:127.0.0.1:80 SERVICE_PORT x1",
                                "tcp:ext:127.0.0.1@net:[2]->proc:20:80 LISTENER x1"),
                        List.of("ext:127.0.0.1", "ext:127.0.0.1@net:[2]", "proc:10", "proc:20")),
                Arguments.of("listeners of different namespaces are different nodes", TCP,
                        List.of(listen(20, "0.0.0.0:80"), listen(21, "0.0.0.0:80").inNamespace("net:[2]")),
                        List.of("tcp:listen:tcp:80->proc:20:80 LISTENER x1",
                                "tcp:listen:tcp:80@net:[2]->proc:21:80 LISTENER x1"),
                        List.of("listen:tcp:80", "listen:tcp:80@net:[2]", "proc:20", "proc:21")),
                Arguments.of("a listener of another namespace does not serve this one's loopback", TCP,
                        List.of(listen(21, "0.0.0.0:5432").inNamespace("net:[2]"),
                                est(10, "127.0.0.1:40000", "127.0.0.1:5432")),
                        List.of("tcp:proc:10->ext:127.0.0.1:5432 SERVICE_PORT x1",
                                "tcp:listen:tcp:5432@net:[2]->proc:21:5432 LISTENER x1"),
                        List.of("ext:127.0.0.1", "listen:tcp:5432@net:[2]", "proc:10", "proc:21")),
                Arguments.of("a container reached on its bridge address pairs across namespaces", TCP,
                        List.of(est(10, "172.17.0.1:40000", "172.17.0.2:8080"),
                                listen(20, "0.0.0.0:8080").inNamespace("net:[2]"),
                                est(20, "172.17.0.2:8080", "172.17.0.1:40000").inNamespace("net:[2]")),
                        List.of("tcp:proc:10->proc:20:8080 LISTENER x1"), List.of("proc:10", "proc:20")),

                // ---- p2p only
                Arguments.of("p2p-only keeps process-to-process edges only", P2P,
                        List.of(listen(20, "0.0.0.0:5432"), listen(20, "0.0.0.0:9999"),
                                est(10, "127.0.0.1:40000", "127.0.0.1:5432"),
                                est(20, "127.0.0.1:5432", "127.0.0.1:40000"),
                                est(10, "192.168.1.5:50001", "10.0.0.1:443"),
                                est(30, "192.168.1.5:50002", "10.0.0.1:443")),
                        List.of("tcp:proc:10->proc:20:5432 LISTENER x1"), List.of("proc:10", "proc:20")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    void buildsTopology(String name, GraphOptions options, List<SocketEntry> sockets, List<String> edges,
                        List<String> nodes) {
        Graph graph = new TopologyBuilder(NodeClassifier.DEFAULT, options).build(snapshot(sockets));

        assertThat(graph.edges()).extracting(TopologyBuilderTest::summary).containsExactlyInAnyOrderElementsOf(edges);
        assertThat(graph.nodes()).extracting(Node::id).containsExactlyInAnyOrderElementsOf(nodes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    void socketOrderDoesNotMatter(String name, GraphOptions options, List<SocketEntry> sockets) {
        Graph expected = new TopologyBuilder(NodeClassifier.DEFAULT, options).build(snapshot(sockets));
        Random random = new Random(42);
        for (int round = 0; round < 5; round++) {
            List<SocketEntry> shuffled = new ArrayList<>(sockets);
            Collections.shuffle(shuffled, random);
            Graph graph = new TopologyBuilder(NodeClassifier.DEFAULT, options).build(snapshot(shuffled));
            assertThat(GraphDiff.between(expected, graph).isEmpty()).as("order %s", shuffled).isTrue();
        }
    }

    @Test
    void countsStatesOfAggregatedConnections() {
        Graph graph = build(TCP, List.of(
                est(10, "192.168.1.5:50001", "10.0.0.1:443"),
                est(10, "192.168.1.5:50002", "10.0.0.1:443"),
                tcp(10, "192.168.1.5:50003", "10.0.0.1:443", CLOSE_WAIT)));

        Edge edge = graph.edge("tcp:proc:10->ext:10.0.0.1:443");
        assertThat(edge.count()).isEqualTo(3);
        assertThat(edge.states()).isEqualTo(Map.of(SocketState.ESTABLISHED, 2, SocketState.CLOSE_WAIT, 1));
        assertThat(edge.kind()).isEqualTo(EdgeKind.CONNECTION);
        assertThat(edge.protocol()).isEqualTo(io.procnet.model.Protocol.TCP);
        assertThat(edge.from()).isEqualTo("proc:10");
        assertThat(edge.to()).isEqualTo("ext:10.0.0.1");
    }

    @Test
    void localPairCountsTheClientHalfState() {
        Graph graph = build(TCP, List.of(listen(20, "0.0.0.0:5432"),
                tcp(10, "127.0.0.1:40000", "127.0.0.1:5432", SocketState.FIN_WAIT_2),
                tcp(20, "127.0.0.1:5432", "127.0.0.1:40000", CLOSE_WAIT)));

        assertThat(graph.edge("tcp:proc:10->proc:20:5432").states()).isEqualTo(Map.of(SocketState.FIN_WAIT_2, 1));
    }

    @Test
    void listenerNodeListsItsBoundEndpoints() {
        Graph graph = build(TCP, List.of(listen(20, "0.0.0.0:80"), listen(20, "[::]:80")));

        ListenerNode node = (ListenerNode) graph.node("listen:tcp:80");
        assertThat(node.label()).isEqualTo("tcp/80");
        assertThat(node.type()).isEqualTo(ListenerNode.TYPE);
        assertThat(node.bound()).extracting(Endpoint::toString).containsExactly("0.0.0.0:80", "[::]:80");
        Edge edge = graph.edge("tcp:listen:tcp:80->proc:20:80");
        assertThat(edge.kind()).isEqualTo(EdgeKind.LISTENER);
        assertThat(edge.states()).isEqualTo(Map.of(SocketState.LISTEN, 2));
    }

    @Test
    void processNodeCarriesClassificationAndListeningPorts() {
        AtomicReference<Set<Integer>> seenPorts = new AtomicReference<>();
        NodeClassifier classifier = (process, ports) -> {
            seenPorts.set(ports);
            return new NodeClassification("database", "DB " + process.name());
        };
        Graph graph = new TopologyBuilder(classifier, TCP).build(snapshot(List.of(
                listen(20, "0.0.0.0:5433"), listen(20, "0.0.0.0:5432"), listen(20, "[::]:5432"))));

        ProcessNode node = (ProcessNode) graph.node("proc:20");
        assertThat(node.type()).isEqualTo("database");
        assertThat(node.label()).isEqualTo("DB p20");
        assertThat(node.listeningPorts()).containsExactly(5432, 5433);
        assertThat(seenPorts.get()).containsExactlyInAnyOrder(5432, 5433);
        assertThat(node.process().commandLine()).isEqualTo("p20");
    }

    @Test
    void failingClassifierFallsBackToTheDefault() {
        NodeClassifier broken = (process, ports) -> {
            throw new IllegalStateException("boom");
        };
        Graph graph = new TopologyBuilder(broken, TCP).build(snapshot(List.of(listen(20, "0.0.0.0:80"))));

        assertThat(graph.node("proc:20").type()).isEqualTo(NodeClassifier.DEFAULT_TYPE);
        assertThat(graph.node("proc:20").label()).isEqualTo("p20");
    }

    @Test
    void classifierThatGivesNothingFallsBackToTheDefault() {
        Graph graph = new TopologyBuilder((process, ports) -> null, TCP)
                .build(snapshot(List.of(listen(20, "0.0.0.0:80"))));

        assertThat(graph.node("proc:20").type()).isEqualTo(NodeClassifier.DEFAULT_TYPE);
    }

    @Test
    void classifierCannotChangeTheListeningPorts() {
        Graph graph = new TopologyBuilder((process, ports) -> {
            try {
                ports.clear();
            } catch (UnsupportedOperationException expected) {
                // read-only, as it should be
            }
            return NodeClassifier.DEFAULT.classify(process, ports);
        }, TCP).build(snapshot(List.of(listen(20, "0.0.0.0:80"))));

        assertThat(((ProcessNode) graph.node("proc:20")).listeningPorts()).containsExactly(80);
    }

    @Test
    void processWithoutDetailsIsLabelledByPid() {
        Snapshot snapshot = new Snapshot(T0, "test", List.of(listen(77, "0.0.0.0:80")), Map.of(), List.of());

        ProcessNode node = (ProcessNode) TopologyBuilder.withDefaults().build(snapshot).node("proc:77");

        assertThat(node.label()).isEqualTo("pid 77");
        assertThat(node.process()).isEqualTo(ProcessInfo.unknown(77));
    }

    @Test
    void reusedPidIsAnUpdatedNodeWithTheNewProcess() {
        List<SocketEntry> sockets = List.of(listen(100, "0.0.0.0:8080"));
        ProcessInfo old = new ProcessInfo(100, "server", "server --old", "alice", Instant.parse("2026-11-27T08:00:00Z"));
        ProcessInfo reused = new ProcessInfo(100, "server", "server --old", "alice", Instant.parse("2026-11-27T09:59:00Z"));
        List<ProcessInfo> classified = new ArrayList<>();
        TopologyBuilder builder = new TopologyBuilder((process, ports) -> {
            classified.add(process);
            return NodeClassifier.DEFAULT.classify(process, ports);
        }, TCP);

        Graph first = builder.build(new Snapshot(T0, "test", sockets, Map.of(100L, old), List.of()));
        Graph second = builder.build(new Snapshot(T0.plusSeconds(1), "test", sockets, Map.of(100L, reused), List.of()));
        GraphDelta delta = GraphDiff.between(first, second);

        assertThat(classified).containsExactly(old, reused);
        assertThat(delta.updatedNodes()).singleElement()
                .satisfies(node -> assertThat(((ProcessNode) node).process().startTime())
                        .isEqualTo(reused.startTime()));
        assertThat(delta.addedNodes()).isEmpty();
        assertThat(delta.removedNodes()).isEmpty();
        assertThat(delta.updatedEdges()).isEmpty();
    }

    @Test
    void versionsIncreaseAndGraphsKeepSnapshotFacts() {
        TopologyBuilder builder = TopologyBuilder.withDefaults();
        Snapshot snapshot = new Snapshot(T0, "linux-test", List.of(), Map.of(),
                List.of(new io.procnet.model.CollectionIssue("unowned-sockets", "3 sockets without owner", 3)));

        Graph first = builder.build(snapshot);
        Graph second = builder.build(snapshot);

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.collectorId()).isEqualTo("linux-test");
        assertThat(second.takenAt()).isEqualTo(T0);
        assertThat(second.issues()).extracting(io.procnet.model.CollectionIssue::count).containsExactly(3L);
    }

    @Test
    void trafficRatesComeFromConsecutiveSnapshots() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        Graph first = builder.build(snapshot(T0, List.of(
                listen(20, "0.0.0.0:5432"),
                est(10, "127.0.0.1:40000", "127.0.0.1:5432", 1_000, 50_000),
                est(20, "127.0.0.1:5432", "127.0.0.1:40000", 50_000, 1_000),
                est(10, "192.168.1.5:50000", "10.0.0.1:443", 100, 200))));
        Graph second = builder.build(snapshot(T0.plusSeconds(2), List.of(
                listen(20, "0.0.0.0:5432"),
                est(10, "127.0.0.1:40000", "127.0.0.1:5432", 3_000, 250_000),
                est(20, "127.0.0.1:5432", "127.0.0.1:40000", 250_000, 3_000),
                est(10, "192.168.1.5:50000", "10.0.0.1:443", 100, 200),
                // opened during the interval: everything it moved counts
                est(10, "192.168.1.5:50001", "10.0.0.1:443", 400, 800))));

        assertThat(first.edges()).allSatisfy(edge -> assertThat(edge.traffic()).isNull());
        assertThat(second.edge("tcp:proc:10->proc:20:5432").traffic()).isEqualTo(new EdgeTraffic(1_000, 100_000));
        assertThat(second.edge("tcp:proc:10->ext:10.0.0.1:443").traffic()).isEqualTo(new EdgeTraffic(200, 400));
    }

    @Test
    void ratesFollowTheMonotonicClockWhateverTheWallClockDoes() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        builder.build(snapshot(T0, 0, List.of(est(10, "192.168.1.5:50000", "10.0.0.1:443", 1_000, 2_000))));
        // the wall clock stepped back an hour; then two snapshots show the same wall time
        Graph stepped = builder.build(snapshot(T0.minusSeconds(3600), 2_000_000_000L,
                List.of(est(10, "192.168.1.5:50000", "10.0.0.1:443", 3_000, 6_000))));
        Graph same = builder.build(snapshot(T0.minusSeconds(3600), 4_000_000_000L,
                List.of(est(10, "192.168.1.5:50000", "10.0.0.1:443", 5_000, 10_000))));

        assertThat(stepped.edge("tcp:proc:10->ext:10.0.0.1:443").traffic()).isEqualTo(new EdgeTraffic(1_000, 2_000));
        assertThat(same.edge("tcp:proc:10->ext:10.0.0.1:443").traffic()).isEqualTo(new EdgeTraffic(1_000, 2_000));
    }

    @Test
    void aSocketMissingFromOneSnapshotIsMeasuredSinceItWasLastSeen() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        SocketEntry other = est(11, "192.168.1.5:50001", "10.0.0.2:443", 0, 0);
        builder.build(snapshot(T0, List.of(other, withInode(est(10, "192.168.1.5:50000", "10.0.0.1:443", 1_000, 1_000), 77))));
        // its namespace could not be read this round
        Graph missing = builder.build(snapshot(T0.plusSeconds(1), List.of(other)));
        Graph back = builder.build(snapshot(T0.plusSeconds(2),
                List.of(other, withInode(est(10, "192.168.1.5:50000", "10.0.0.1:443", 3_000, 5_000), 77))));

        assertThat(missing.edge("tcp:proc:10->ext:10.0.0.1:443")).isNull();
        // 2,000 and 4,000 bytes over the 2 s since it was last seen, not its lifetime bytes over 1 s
        assertThat(back.edge("tcp:proc:10->ext:10.0.0.1:443").traffic()).isEqualTo(new EdgeTraffic(1_000, 2_000));
    }

    @Test
    void repeatedRowsOfOneRemoteConnectionCountItsTrafficOnce() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        builder.build(snapshot(T0, List.of(est(10, "192.168.1.5:50000", "10.0.0.1:443", 1_000, 1_000),
                est(11, "192.168.1.5:50000", "10.0.0.1:443", 1_000, 1_000))));
        Graph second = builder.build(snapshot(T0.plusSeconds(1), List.of(
                est(11, "192.168.1.5:50000", "10.0.0.1:443", 2_000, 3_000),
                est(10, "192.168.1.5:50000", "10.0.0.1:443", 2_000, 3_000))));

        assertThat(second.edges()).singleElement().satisfies(edge -> {
            assertThat(edge.id()).isEqualTo("tcp:proc:10->ext:10.0.0.1:443");
            assertThat(edge.count()).isEqualTo(1);
            assertThat(edge.traffic()).isEqualTo(new EdgeTraffic(1_000, 2_000));
        });
    }

    @Test
    void inboundRemoteConnectionMetersTheServerHalf() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        builder.build(snapshot(T0, List.of(listen(20, "0.0.0.0:80"),
                est(20, "192.168.1.5:80", "10.0.0.9:50000", 10_000, 500))));
        Graph second = builder.build(snapshot(T0.plusSeconds(1), List.of(listen(20, "0.0.0.0:80"),
                est(20, "192.168.1.5:80", "10.0.0.9:50000", 30_000, 600))));

        // the server sent 20 kB to the client and received 100 B
        assertThat(second.edge("tcp:ext:10.0.0.9->proc:20:80").traffic()).isEqualTo(new EdgeTraffic(100, 20_000));
    }

    @Test
    void aSocketWhoseOwnerShowsUpLateKeepsItsBaseline() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        builder.build(snapshot(T0, List.of(est(-1, "192.168.1.5:50000", "10.0.0.1:443", 10_000_000_000L,
                5_000_000_000L))));
        Graph second = builder.build(snapshot(T0.plusSeconds(1), List.of(est(10, "192.168.1.5:50000", "10.0.0.1:443",
                10_000_000_100L, 5_000_000_100L))));

        assertThat(second.edge("tcp:proc:10->ext:10.0.0.1:443").traffic()).isEqualTo(new EdgeTraffic(100, 100));
    }

    @Test
    void anEdgeThatChangesDirectionKeepsItsBaseline() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        // two clients share 127.0.0.1:50000: fan-in says it serves
        builder.build(snapshot(T0, List.of(
                est(10, "127.0.0.1:40001", "127.0.0.1:50000", 1_000_000, 2_000_000),
                est(20, "127.0.0.1:50000", "127.0.0.1:40001", 2_000_000, 1_000_000),
                est(11, "127.0.0.1:40002", "127.0.0.1:50000", 0, 0),
                est(20, "127.0.0.1:50000", "127.0.0.1:40002", 0, 0))));
        // one left: the lower port wins and the other half gets metered
        Graph second = builder.build(snapshot(T0.plusSeconds(1), List.of(
                est(10, "127.0.0.1:40001", "127.0.0.1:50000", 1_000_010, 2_000_010),
                est(20, "127.0.0.1:50000", "127.0.0.1:40001", 2_000_010, 1_000_010))));

        assertThat(second.edges()).singleElement()
                .satisfies(edge -> assertThat(edge.traffic()).isEqualTo(new EdgeTraffic(10, 10)));
    }

    @Test
    void countersFollowTheInodeAndRestartWhenTheyGoBack() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        builder.build(snapshot(T0, List.of(withInode(est(10, "192.168.1.5:50000", "10.0.0.1:443", 1_000, 2_000), 77))));
        Graph second = builder.build(snapshot(T0.plusSeconds(1),
                List.of(withInode(est(10, "192.168.1.5:50000", "10.0.0.1:443", 1_500, 2_100), 77))));
        Graph third = builder.build(snapshot(T0.plusSeconds(2),
                // the same inode with smaller counters is a new socket: all of its bytes count
                List.of(withInode(est(10, "192.168.1.5:50000", "10.0.0.1:443", 300, 400), 77))));

        assertThat(second.edge("tcp:proc:10->ext:10.0.0.1:443").traffic()).isEqualTo(new EdgeTraffic(500, 100));
        assertThat(third.edge("tcp:proc:10->ext:10.0.0.1:443").traffic()).isEqualTo(new EdgeTraffic(300, 400));
    }

    private static SocketEntry withInode(SocketEntry socket, long inode) {
        return new SocketEntry(socket.protocol(), socket.local(), socket.remote(), socket.state(), socket.pid(), inode,
                socket.traffic());
    }

    @Test
    void socketsWithoutCountersHaveNoTraffic() {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        List<SocketEntry> sockets = List.of(est(10, "192.168.1.5:50000", "10.0.0.1:443"));
        builder.build(snapshot(T0, sockets));

        assertThat(builder.build(snapshot(T0.plusSeconds(1), sockets)).edges())
                .allSatisfy(edge -> assertThat(edge.traffic()).isNull());
    }

    @Test
    void idsFollowTheDesign() {
        Graph graph = build(UDP, List.of(listen(20, "0.0.0.0:5432"), udp(21, "[::]:53", null),
                udp(10, "[2001:db8::5]:40000", "[::1]:53"), est(10, "192.168.1.5:50000", "[2001:db8::1]:443")));

        assertThat(graph.nodes()).extracting(Node::id)
                .containsExactly("ext:2001:db8::1", "listen:tcp:5432", "proc:10", "proc:20", "proc:21");
        assertThat(graph.nodes()).extracting(Node::kind).containsExactly(
                NodeKind.REMOTE, NodeKind.LISTENER, NodeKind.PROCESS, NodeKind.PROCESS, NodeKind.PROCESS);
        assertThat(graph.edges()).extracting(Edge::id).containsExactly(
                "tcp:listen:tcp:5432->proc:20:5432", "tcp:proc:10->ext:2001:db8::1:443", "udp:proc:10->proc:21:53");
        assertThat(graph.node("ext:2001:db8::1").type()).isEqualTo(RemoteNode.TYPE);
    }

    private static Graph build(GraphOptions options, List<SocketEntry> sockets) {
        return new TopologyBuilder(NodeClassifier.DEFAULT, options).build(snapshot(sockets));
    }

    private static String summary(Edge edge) {
        return edge.id() + " " + edge.reason() + " x" + edge.count();
    }

}
