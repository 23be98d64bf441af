package io.procnet.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import io.procnet.model.TrafficCounters;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic socket table shaped like a busy host: 20 local servers with loopback clients
 * (both halves of every connection in the table), outbound connections to remote services,
 * inbound remote clients, unowned TIME_WAIT sockets, UDP sockets, and byte counters. Calling
 * {@link #next()} closes some connections, opens as many new ones and advances the counters,
 * as one collection interval would.
 */
final class SyntheticLoad {
    private static final Map<Integer, InetAddress> ADDRESSES = new HashMap<>();
    private static final int PROCESSES = 120;
    private static final int SERVERS = 20;
    private static final InetAddress LOOPBACK = address(127, 0, 0, 1);
    private static final InetAddress HOST = address(192, 168, 1, 5);

    private final int connections;
    private final int churn;
    private final Map<Long, ProcessInfo> processes = new HashMap<>();
    private final List<SocketEntry> fixed = new ArrayList<>();
    private int firstConnection;
    private int round;

    /**
     * @param sockets about how many sockets each snapshot holds
     * @param churn   connections closed and opened between two snapshots
     */
    SyntheticLoad(int sockets, int churn) {
        this.churn = churn;
        // per connection unit: 2 loopback halves + 1 outbound + 0.5 inbound + 0.5 TIME_WAIT + 0.2 UDP
        this.connections = sockets * 10 / 42;
        for (long pid = 1000; pid < 1000 + PROCESSES; pid++) {
            processes.put(pid, new ProcessInfo(pid, "proc-" + pid, "/usr/bin/proc-" + pid + " --serve",
                    "user", Instant.parse("2026-11-27T08:00:00Z")));
        }
        for (int server = 0; server < SERVERS; server++) {
            fixed.add(new SocketEntry(Protocol.TCP, new Endpoint(anyV4(), 5000 + server), null,
                    SocketState.LISTEN, 1000 + server, 0, null));
            fixed.add(new SocketEntry(Protocol.TCP, new Endpoint(anyV6(), 5000 + server), null,
                    SocketState.LISTEN, 1000 + server, 0, null));
        }
    }

    /** The next snapshot. */
    Snapshot next() {
        List<SocketEntry> sockets = new ArrayList<>(fixed.size() + connections * 42 / 10);
        sockets.addAll(fixed);
        for (int i = firstConnection; i < firstConnection + connections; i++) {
            addConnection(sockets, i);
        }
        Instant takenAt = Instant.parse("2026-11-27T10:00:00Z").plusSeconds(round);
        long nanos = round * 1_000_000_000L; // one snapshot a second
        round++;
        firstConnection += churn;
        return new Snapshot(takenAt, nanos, "synthetic", sockets, processes, List.of());
    }

    private void addConnection(List<SocketEntry> sockets, int i) {
        long client = 1000 + SERVERS + i % (PROCESSES - SERVERS);
        int server = i % SERVERS;
        int clientPort = 32768 + i % 28000;
        long bytes = (long) (round - i / Math.max(1, churn)) * 1000 + i;
        TrafficCounters traffic = TrafficCounters.ofBytes(Math.max(0, bytes), Math.max(0, bytes * 3));
        InetAddress clientAddress = address(127, 0, (i / 28000) & 0xff, 1 + (i / 28000 >> 8));
        Endpoint clientEnd = new Endpoint(clientAddress, clientPort);
        Endpoint serverEnd = new Endpoint(LOOPBACK, 5000 + server);
        long inode = 1_000_000L + i * 8L; // every open socket has its own inode, as on Linux
        sockets.add(new SocketEntry(Protocol.TCP, clientEnd, serverEnd, SocketState.ESTABLISHED, client, inode,
                traffic));
        sockets.add(new SocketEntry(Protocol.TCP, serverEnd, clientEnd, SocketState.ESTABLISHED, 1000 + server,
                inode + 1, traffic));
        InetAddress remote = address(10, 0, (i >> 8) & 0x0f, i & 0xff);
        sockets.add(new SocketEntry(Protocol.TCP, new Endpoint(HOST, 32768 + (i * 7) % 28000),
                new Endpoint(remote, i % 3 == 0 ? 443 : 5432), SocketState.ESTABLISHED, client, inode + 2, traffic));
        if (i % 2 == 0) {
            sockets.add(new SocketEntry(Protocol.TCP, new Endpoint(HOST, 5000 + server),
                    new Endpoint(address(172, 16, (i >> 8) & 0xff, i & 0xff), 40000 + i % 20000),
                    SocketState.ESTABLISHED, 1000 + server, inode + 3, traffic));
        } else {
            sockets.add(new SocketEntry(Protocol.TCP, new Endpoint(HOST, 61000 + i % 4000),
                    new Endpoint(remote, 80), SocketState.TIME_WAIT, SocketEntry.NO_PID, 0, null));
        }
        if (i % 5 == 0) {
            sockets.add(new SocketEntry(Protocol.UDP, new Endpoint(HOST, 40000 + i % 20000),
                    new Endpoint(address(10, 1, 0, i & 0xff), 53), SocketState.ESTABLISHED, client, inode + 4, null));
        }
    }

    private static InetAddress anyV4() {
        return address(0, 0, 0, 0);
    }

    private static InetAddress anyV6() {
        try {
            return InetAddress.getByAddress(new byte[16]);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** One instance per address, as the collectors' address cache gives them. */
    private static InetAddress address(int a, int b, int c, int d) {
        return ADDRESSES.computeIfAbsent(a << 24 | b << 16 | c << 8 | d, bits -> {
            try {
                return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        });
    }
}
