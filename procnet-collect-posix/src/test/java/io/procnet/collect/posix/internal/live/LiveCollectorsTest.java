package io.procnet.collect.posix.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ConnectionCollector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every collector against the real OS: a listener and a connection opened by this test, and a
 * listener with a connection opened by a child process. Asserts on those sockets, and on the
 * processes that hold them, only.
 */
@EnabledOnOs(OS.LINUX)
class LiveCollectorsTest {
    private static final long SELF = ProcessHandle.current().pid();

    private static ServerSocket server;
    private static Socket client;
    private static Socket accepted;
    private static Process child;
    private static int childPort;

    @BeforeAll
    static void openSockets() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        server = new ServerSocket(0, 50, loopback);
        client = new Socket();
        client.connect(new InetSocketAddress(loopback, server.getLocalPort()));
        accepted = server.accept();
        child = new ProcessBuilder("python3", "-c", String.join("\n",
                "import socket, sys, time",
                "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()",
                "c = socket.create_connection(s.getsockname()); a, _ = s.accept()",
                "print(s.getsockname()[1], flush=True)",
                "sys.stdin.read()")).redirectErrorStream(true).start();
        childPort = Integer.parseInt(new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8)).readLine().strip());
    }

    @AfterAll
    static void closeSockets() throws IOException, InterruptedException {
        child.getOutputStream().close();
        child.waitFor();
        client.close();
        accepted.close();
        server.close();
    }

    static Stream<String> collectors() {
        return Stream.of("linux-netlink", "linux-procfs", "linux-ss", "oshi");
    }

    @ParameterizedTest
    @MethodSource("collectors")
    void findsTheSocketsOfThisTestAndOfAChildProcess(String id) throws Exception {
        Snapshot snapshot = collect(id);
        Endpoint listening = Endpoint.of("127.0.0.1", server.getLocalPort());
        Endpoint clientEnd = Endpoint.of("127.0.0.1", client.getLocalPort());

        assertThat(find(snapshot, listening, null)).as(id + " listener").singleElement().satisfies(socket -> {
            assertThat(socket.state()).isEqualTo(SocketState.LISTEN);
            assertThat(socket.pid()).isEqualTo(SELF);
        });
        assertThat(find(snapshot, clientEnd, listening)).as(id + " client").singleElement().satisfies(socket -> {
            assertThat(socket.state()).isEqualTo(SocketState.ESTABLISHED);
            assertThat(socket.pid()).isEqualTo(SELF);
        });
        assertThat(find(snapshot, listening, clientEnd)).as(id + " accepted").singleElement()
                .satisfies(socket -> assertThat(socket.pid()).isEqualTo(SELF));
        Endpoint childListening = Endpoint.of("127.0.0.1", childPort);
        assertThat(find(snapshot, childListening, null)).as(id + " child listener").singleElement()
                .satisfies(socket -> assertThat(socket.pid()).isEqualTo(child.pid()));
        assertThat(snapshot.sockets()).filteredOn(s -> childListening.equals(s.remote()))
                .as(id + " child client").singleElement()
                .satisfies(socket -> assertThat(socket.pid()).isEqualTo(child.pid()));
        assertThat(snapshot.process(SELF).name()).isNotEmpty();
        assertThat(snapshot.process(child.pid()).name()).startsWith("python3");
        assertThat(snapshot.collectorId()).isEqualTo(id);
    }

    @ParameterizedTest
    @MethodSource("collectors")
    void theChildProcessHasThisJvmAsItsParent(String id) throws Exception {
        Snapshot snapshot = collect(id);

        assertThat(find(snapshot, Endpoint.of("127.0.0.1", childPort), null)).as(id + " child listener")
                .singleElement().satisfies(socket -> assertThat(socket.pid()).isEqualTo(child.pid()));
        assertThat(snapshot.process(child.pid()).parentPid()).as(id + " parent of the child").isEqualTo(SELF);
    }

    @Test
    void collectorsAgreeOnTheEstablishedConnectionsOfAStableLoad() throws Exception {
        Set<Integer> ports = Set.of(server.getLocalPort(), childPort);
        List<Set<String>> views = collectors().map(id -> established(id, ports)).collect(Collectors.toList());

        assertThat(views.get(0)).hasSize(4);
        assertThat(views).allSatisfy(view -> assertThat(view).isEqualTo(views.get(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-netlink", "linux-procfs"})
    void aWarmCollectorFindsTheOwnerOfASocketOpenedSinceItsLastCollect(String id) throws Exception {
        try (ConnectionCollector collector = CollectorRegistry.discover().select(id)
                .create(CollectorOptions.defaults());
             Socket later = new Socket()) {
            collector.collect();
            later.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.getLocalPort()));
            try (Socket acceptedLater = server.accept()) {
                Snapshot snapshot = collector.collect();

                Endpoint listening = Endpoint.of("127.0.0.1", server.getLocalPort());
                assertThat(find(snapshot, Endpoint.of("127.0.0.1", later.getLocalPort()), listening)).singleElement()
                        .satisfies(socket -> assertThat(socket.pid()).isEqualTo(SELF));
                assertThat(find(snapshot, listening, Endpoint.of("127.0.0.1", acceptedLater.getPort())))
                        .singleElement().satisfies(socket -> assertThat(socket.pid()).isEqualTo(SELF));
            }
        }
    }

    @Test
    void netlinkGivesTrafficCounters() throws Exception {
        client.getOutputStream().write(new byte[5000]);
        accepted.getInputStream().readNBytes(5000);
        Snapshot snapshot = collect("linux-netlink");
        Endpoint listening = Endpoint.of("127.0.0.1", server.getLocalPort());

        // the receiving half: bytes_received counts at once, while bytes_acked may wait for a delayed ACK
        assertThat(find(snapshot, listening, Endpoint.of("127.0.0.1", client.getLocalPort()))).singleElement()
                .satisfies(socket -> assertThat(socket.traffic().bytesReceived()).isGreaterThanOrEqualTo(5000));
    }

    private static Set<String> established(String id, Set<Integer> ports) {
        try {
            return collect(id).sockets().stream()
                    .filter(s -> s.state() == SocketState.ESTABLISHED && s.protocol() == Protocol.TCP)
                    .filter(s -> ports.contains(s.local().port()) || ports.contains(s.remote().port()))
                    .map(s -> s.protocol() + " " + s.local() + " " + s.remote() + " " + s.pid())
                    .collect(Collectors.toSet());
        } catch (Exception e) {
            throw new AssertionError(id + " failed", e);
        }
    }

    private static Snapshot collect(String id) throws Exception {
        try (ConnectionCollector collector = CollectorRegistry.discover().select(id)
                .create(CollectorOptions.defaults())) {
            return collector.collect();
        }
    }

    private static List<SocketEntry> find(Snapshot snapshot, Endpoint local, Endpoint remote) {
        return snapshot.sockets().stream()
                .filter(s -> s.protocol() == Protocol.TCP && s.local().equals(local)
                        && java.util.Objects.equals(s.remote(), remote))
                .collect(Collectors.toList());
    }
}
