package io.procnet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {
    private static final Endpoint LOCAL = Endpoint.of("127.0.0.1", 40000);

    @Test
    void wildcardRemoteWithPortZeroMeansNoPeer() {
        assertThat(socket(Endpoint.of("0.0.0.0", 0)).remote()).isNull();
        assertThat(socket(Endpoint.of("::", 0)).remote()).isNull();
        assertThat(socket(Endpoint.of("::ffff:0.0.0.0", 0)).remote()).isNull();
        assertThat(socket(Endpoint.of("10.0.0.1", 0)).remote()).isEqualTo(Endpoint.of("10.0.0.1", 0));
    }

    @Test
    void listeningMeansTcpListenOrUdpWithoutPeer() {
        assertThat(new SocketEntry(Protocol.TCP, LOCAL, null, SocketState.LISTEN, 1, 0, null).isListening()).isTrue();
        assertThat(new SocketEntry(Protocol.TCP, LOCAL, null, SocketState.CLOSED, 1, 0, null).isListening()).isFalse();
        assertThat(new SocketEntry(Protocol.UDP, LOCAL, null, SocketState.BOUND, 1, 0, null).isListening()).isTrue();
        assertThat(new SocketEntry(Protocol.UDP, LOCAL, Endpoint.of("8.8.8.8", 53), SocketState.ESTABLISHED, 1, 0,
                null).isListening()).isFalse();
    }

    @Test
    void socketEntryValidates() {
        assertThatThrownBy(() -> new SocketEntry(Protocol.TCP, LOCAL, null, SocketState.LISTEN, -2, 0, null))
                .hasMessage("pid must be >= 0, or -1 when unknown: -2");
        assertThatThrownBy(() -> new SocketEntry(Protocol.TCP, LOCAL, null, SocketState.LISTEN, 1, -5, null))
                .hasMessage("inode must not be negative: -5");
        assertThatThrownBy(() -> new SocketEntry(null, LOCAL, null, SocketState.LISTEN, 1, 0, null))
                .isInstanceOf(NullPointerException.class).hasMessage("protocol");
        assertThatThrownBy(() -> new SocketEntry(Protocol.TCP, null, null, SocketState.LISTEN, 1, 0, null))
                .isInstanceOf(NullPointerException.class).hasMessage("local");
        assertThatThrownBy(() -> new SocketEntry(Protocol.TCP, LOCAL, null, null, 1, 0, null))
                .isInstanceOf(NullPointerException.class).hasMessage("state");
        assertThat(new SocketEntry(Protocol.TCP, LOCAL, null, SocketState.TIME_WAIT, -1, 0, null).hasOwner()).isFalse();
    }

    @Test
    void trafficCountersValidate() {
        assertThatThrownBy(() -> TrafficCounters.ofBytes(-1, 0)).hasMessage("bytesSent must not be negative: -1");
        assertThatThrownBy(() -> new TrafficCounters(0, 0, 0, 0, Duration.ofMillis(-1)))
                .hasMessageStartingWith("roundTrip must not be negative");
        assertThat(new TrafficCounters(1, 2, 3, 4, Duration.ofMillis(5)).roundTrip()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void processInfoUnknownAndDisplayName() {
        ProcessInfo unknown = ProcessInfo.unknown(42);
        assertThat(unknown.isUnknown()).isTrue();
        assertThat(unknown.displayName()).isEqualTo("pid 42");
        ProcessInfo known = new ProcessInfo(42, "nginx", "nginx -g daemon off;", "www-data", Instant.EPOCH);
        assertThat(known.isUnknown()).isFalse();
        assertThat(known.displayName()).isEqualTo("nginx");
        ProcessInfo host = new ProcessInfo(900, "svchost.exe", "", "SYSTEM", Instant.EPOCH, "C:\\Windows\\System32\\svchost.exe")
                .withServices(List.of("Dnscache", "NlaSvc"));
        assertThat(host.displayName()).isEqualTo("svchost (Dnscache, NlaSvc)");
        assertThat(host.withServices(List.of()).displayName()).isEqualTo("svchost.exe");
        assertThat(ProcessInfo.unknown(900).withServices(List.of("Dnscache")).displayName()).isEqualTo("pid 900 (Dnscache)");
        assertThat(ProcessInfo.unknown(900).withServices(List.of("Dnscache")).isUnknown()).isFalse();
        assertThatThrownBy(() -> ProcessInfo.unknown(-1)).hasMessage("pid must not be negative: -1");
        assertThatThrownBy(() -> new ProcessInfo(1, null, "", null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void processInfoParentPid() {
        ProcessInfo known = new ProcessInfo(42, "nginx", "nginx -g daemon off;", "www-data", Instant.EPOCH);
        assertThat(known.parentPid()).isEqualTo(ProcessInfo.NO_PARENT);
        assertThat(known.withParentPid(1).parentPid()).isEqualTo(1);
        assertThat(known.withParentPid(1).withServices(List.of("x")).parentPid()).isEqualTo(1);
        assertThat(known.withParentPid(0).parentPid()).isZero(); // the kernel's children on Linux
        assertThat(ProcessInfo.unknown(42).withParentPid(7).isUnknown()).isFalse();
        assertThatThrownBy(() -> known.withParentPid(-2)).hasMessage("parent pid must be >= 0, or -1 when unknown: -2");
    }

    @Test
    void snapshotCopiesItsCollections() {
        List<SocketEntry> sockets = new ArrayList<>(List.of(socket(null)));
        Map<Long, ProcessInfo> processes = new HashMap<>(Map.of(1L, ProcessInfo.unknown(1)));
        List<CollectionIssue> issues = new ArrayList<>();
        Snapshot snapshot = new Snapshot(Instant.EPOCH, "test", sockets, processes, issues);

        sockets.clear();
        processes.clear();
        issues.add(new CollectionIssue(CollectionIssue.PARTIAL_DATA, "late", 0));

        assertThat(snapshot.sockets()).hasSize(1);
        assertThat(snapshot.processes()).containsOnlyKeys(1L);
        assertThat(snapshot.issues()).isEmpty();
        assertThatThrownBy(() -> snapshot.sockets().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(snapshot.process(1)).isEqualTo(ProcessInfo.unknown(1));
        assertThat(snapshot.process(99)).isEqualTo(ProcessInfo.unknown(99));
    }

    @Test
    void snapshotRejectsAProcessUnderTheWrongPid() {
        assertThatThrownBy(() -> new Snapshot(Instant.EPOCH, "test", List.of(), Map.of(1L, ProcessInfo.unknown(2)),
                List.of())).hasMessage("process map key 1 holds pid 2");
    }

    @Test
    void collectionIssueValidates() {
        assertThatThrownBy(() -> new CollectionIssue(" ", "x", 0)).hasMessage("code must not be blank");
        assertThatThrownBy(() -> new CollectionIssue("c", "x", -1)).hasMessage("count must not be negative: -1");
    }

    private static SocketEntry socket(Endpoint remote) {
        return new SocketEntry(Protocol.TCP, LOCAL, remote, SocketState.LISTEN, 1, 7, null);
    }
}
