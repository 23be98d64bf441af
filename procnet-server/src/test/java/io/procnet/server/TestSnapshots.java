package io.procnet.server;

import io.procnet.model.Endpoint;
import io.procnet.model.InetAddresses;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import io.procnet.model.TrafficCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshots for server tests, built row by row: {@code new TestSnapshots().listen(10, "0.0.0.0:5432")
 * .est(20, "127.0.0.1:40000", "127.0.0.1:5432").at(3)}. Processes are named {@code p<pid>} unless
 * given. Endpoints are written {@code 1.2.3.4:80} or {@code [::1]:80}.
 */
public final class TestSnapshots {
    public static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final List<SocketEntry> sockets = new ArrayList<>();
    private final Map<Long, ProcessInfo> processes = new HashMap<>();

    /** An empty snapshot to add rows to. */
    public TestSnapshots() {
    }

    public static Endpoint ep(String text) {
        int colon = text.lastIndexOf(':');
        return new Endpoint(InetAddresses.parseLiteral(text.substring(0, colon)),
                Integer.parseInt(text.substring(colon + 1)));
    }

    public TestSnapshots process(ProcessInfo process) {
        processes.put(process.pid(), process);
        return this;
    }

    /** A process with a name and command line of its own (hostile text, say). */
    public TestSnapshots process(long pid, String name, String commandLine) {
        return process(new ProcessInfo(pid, 1, name, commandLine, "alice", T0.minusSeconds(3600), "/usr/bin/" + name,
                List.of()));
    }

    public TestSnapshots listen(long pid, String local) {
        return add(new SocketEntry(Protocol.TCP, ep(local), null, SocketState.LISTEN, pid, 0, null));
    }

    public TestSnapshots est(long pid, String local, String remote) {
        return add(new SocketEntry(Protocol.TCP, ep(local), ep(remote), SocketState.ESTABLISHED, pid, 0, null));
    }

    /** An established connection with byte counters (rates come from their growth between snapshots). */
    public TestSnapshots est(long pid, String local, String remote, long sent, long received) {
        return add(new SocketEntry(Protocol.TCP, ep(local), ep(remote), SocketState.ESTABLISHED, pid, 0,
                new TrafficCounters(sent, received, sent / 1000, received / 1000, Duration.ofMillis(2))));
    }

    public TestSnapshots udp(long pid, String local, String remote) {
        return add(new SocketEntry(Protocol.UDP, ep(local), remote == null ? null : ep(remote),
                remote == null ? SocketState.BOUND : SocketState.ESTABLISHED, pid, 0, null));
    }

    public TestSnapshots add(SocketEntry socket) {
        sockets.add(socket);
        return this;
    }

    /** The snapshot taken {@code second} seconds after {@link #T0}, monotonic clock in step. */
    public Snapshot at(long second) {
        Map<Long, ProcessInfo> all = new HashMap<>(processes);
        for (SocketEntry socket : sockets) {
            if (socket.hasOwner()) {
                all.putIfAbsent(socket.pid(), new ProcessInfo(socket.pid(), 1, "p" + socket.pid(), "p" + socket.pid(),
                        "user", T0.minusSeconds(3600), "/usr/bin/p" + socket.pid(), List.of()));
            }
        }
        return new Snapshot(T0.plusSeconds(second), Duration.ofSeconds(second).toNanos(), "scripted", sockets, all,
                List.of());
    }
}
