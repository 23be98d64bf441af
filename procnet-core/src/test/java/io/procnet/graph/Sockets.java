package io.procnet.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.InetAddresses;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import io.procnet.model.TrafficCounters;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compact socket rows for table-driven graph tests: endpoints are written {@code 1.2.3.4:80} or {@code [::1]:80}. */
final class Sockets {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private Sockets() {
    }

    static Endpoint ep(String text) {
        int colon = text.lastIndexOf(':');
        return new Endpoint(InetAddresses.parseLiteral(text.substring(0, colon)),
                Integer.parseInt(text.substring(colon + 1)));
    }

    static SocketEntry tcp(long pid, String local, String remote, SocketState state) {
        return new SocketEntry(Protocol.TCP, ep(local), ep(remote), state, pid, 0, null);
    }

    static SocketEntry est(long pid, String local, String remote) {
        return tcp(pid, local, remote, SocketState.ESTABLISHED);
    }

    static SocketEntry est(long pid, String local, String remote, long sent, long received) {
        return new SocketEntry(Protocol.TCP, ep(local), ep(remote), SocketState.ESTABLISHED, pid, 0,
                TrafficCounters.ofBytes(sent, received));
    }

    static SocketEntry listen(long pid, String local) {
        return new SocketEntry(Protocol.TCP, ep(local), null, SocketState.LISTEN, pid, 0, null);
    }

    static SocketEntry udp(long pid, String local, String remote) {
        return new SocketEntry(Protocol.UDP, ep(local), remote == null ? null : ep(remote),
                remote == null ? SocketState.BOUND : SocketState.ESTABLISHED, pid, 0, null);
    }

    static Snapshot snapshot(List<SocketEntry> sockets) {
        return snapshot(T0, sockets);
    }

    /**
     * A snapshot whose processes are named {@code p<pid>}, whose monotonic clock runs with its
     * wall clock from {@link #T0}.
     */
    static Snapshot snapshot(Instant takenAt, List<SocketEntry> sockets) {
        return snapshot(takenAt, nanosAt(takenAt), sockets);
    }

    /** A snapshot whose processes are named {@code p<pid>}, taken at {@code nanos} on the monotonic clock. */
    static Snapshot snapshot(Instant takenAt, long nanos, List<SocketEntry> sockets) {
        Map<Long, ProcessInfo> processes = new HashMap<>();
        for (SocketEntry socket : sockets) {
            if (socket.hasOwner()) {
                processes.put(socket.pid(), new ProcessInfo(socket.pid(), "p" + socket.pid(), "p" + socket.pid(),
                        "user", T0.minusSeconds(3600)));
            }
        }
        return new Snapshot(takenAt, nanos, "test", sockets, processes, List.of());
    }

    /** The monotonic time of a snapshot taken at {@code takenAt}, were the clocks in step. */
    static long nanosAt(Instant takenAt) {
        return java.time.Duration.between(T0, takenAt).toNanos();
    }
}
