package io.procnet.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.Edge;
import io.procnet.graph.Graph;
import io.procnet.graph.GraphOptions;
import io.procnet.graph.NodeClassifier;
import io.procnet.graph.PortRange;
import io.procnet.internal.host.HostAddresses;
import io.procnet.model.Endpoint;
import io.procnet.model.InetAddresses;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The host's own addresses are read again while a stream of graphs runs. */
class HostAddressesTest {
    private static final InetAddress LEASED = InetAddresses.parseLiteral("10.0.0.7");

    @Test
    void anAddressTheHostLostIsRemoteOnceTheAddressesAreReadAgain() {
        AtomicReference<Set<InetAddress>> interfaces = new AtomicReference<>(Set.of(LEASED));
        AtomicLong now = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        HostAddresses host = new HostAddresses(() -> {
            reads.incrementAndGet();
            return interfaces.get();
        }, now::get, HostAddresses.REFRESH_NANOS);
        GraphAssembler assembler = new GraphAssembler(
                new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of()), NodeClassifier.DEFAULT, host);
        // a local postgres, and a client of a postgres at 10.0.0.7: this host's address until the lease changed
        List<SocketEntry> sockets = List.of(
                socket(20, "0.0.0.0", 5432, null, 0, SocketState.LISTEN),
                socket(10, "192.168.1.5", 40000, "10.0.0.7", 5432, SocketState.ESTABLISHED));

        Graph leased = assembler.assemble(snapshot(sockets), 1);
        interfaces.set(Set.of(InetAddresses.parseLiteral("192.168.1.5")));
        now.addAndGet(1_000_000_000L);
        Graph soon = assembler.assemble(snapshot(sockets), 2);
        now.addAndGet(HostAddresses.REFRESH_NANOS);
        Graph later = assembler.assemble(snapshot(sockets), 3);

        assertThat(leased.edges()).extracting(Edge::id).contains("tcp:proc:10->proc:20:5432");
        assertThat(soon.edges()).extracting(Edge::id).contains("tcp:proc:10->proc:20:5432"); // read at most every 5 s
        assertThat(later.edges()).extracting(Edge::id).contains("tcp:proc:10->ext:10.0.0.7:5432")
                .doesNotContain("tcp:proc:10->proc:20:5432");
        assertThat(reads).hasValue(2);
    }

    @Test
    void withoutHostAddressesNothingIsRead() {
        assertThat(HostAddresses.NONE.current()).isEmpty();
        assertThat(HostAddresses.ofThisHost().current()).anySatisfy(address -> assertThat(address.isLoopbackAddress()).isTrue());
    }

    private static SocketEntry socket(long pid, String local, int localPort, String remote, int remotePort,
                                      SocketState state) {
        return new SocketEntry(Protocol.TCP, Endpoint.of(local, localPort),
                remote == null ? null : Endpoint.of(remote, remotePort), state, pid, 0, null);
    }

    private static Snapshot snapshot(List<SocketEntry> sockets) {
        Map<Long, ProcessInfo> processes = Map.of(10L, new ProcessInfo(10, "psql", "psql", null, null),
                20L, new ProcessInfo(20, "postgres", "postgres", null, null));
        return new Snapshot(Instant.EPOCH, 0, "test", sockets, processes, List.of());
    }
}
