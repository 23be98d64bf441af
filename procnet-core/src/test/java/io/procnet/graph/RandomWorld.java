package io.procnet.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.InetAddresses;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import io.procnet.model.TrafficCounters;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small world of sockets for seeded random streams of snapshots: sockets that live for a while,
 * change state and owner, repeat and go; listeners that come and go; halves that pair, inodes that
 * are reused, namespaces that collide. Few addresses and ports, so that all of that happens often.
 */
final class RandomWorld {
    private static final InetAddress[] LOCAL = {address("127.0.0.1"), address("192.168.1.5"), address("::1"),
        address("172.17.0.2")};
    private static final InetAddress[] REMOTE = {address("10.0.0.1"), address("10.0.0.2"), address("2001:db8::9")};
    private static final int[] PORTS = {22, 80, 443, 5432, 7000, 40000, 40001, 50000, 50001};
    private static final String[] NAMESPACES = {null, null, null, "net:[2]"};
    private static final SocketState[] STATES = {SocketState.ESTABLISHED, SocketState.ESTABLISHED,
        SocketState.SYN_SENT, SocketState.SYN_RECEIVED, SocketState.TIME_WAIT, SocketState.CLOSE_WAIT,
        SocketState.FIN_WAIT_2};

    /** Parents of 10..15 that make the groups {10, 11} and {12, 13, 14} (executables /bin/p3, /bin/p4). */
    private static final long[] GROUPED_PARENTS = {1, 10, 1, 12, 12, 1};

    private final Random random;
    private final List<SocketEntry> sockets = new ArrayList<>();
    private final Map<Long, ProcessInfo> processes = new HashMap<>();
    private long nextInode = 1;

    /** Six processes, 10 to 15, each in a group of its own. */
    RandomWorld(Random random) {
        this(random, false);
    }

    /**
     * Six processes, 10 to 15; with {@code groups}, 11 a child of 10 and 13 and 14 of 12 running their
     * parents' programs, so that folding makes two group nodes.
     */
    RandomWorld(Random random, boolean groups) {
        this.random = random;
        for (long pid = 10; pid < 16; pid++) {
            long parent = groups ? GROUPED_PARENTS[(int) pid - 10] : pid / 2;
            processes.put(pid, new ProcessInfo(pid, parent, "p" + pid, "p" + pid, "user",
                    Instant.EPOCH.plusSeconds(pid), "/bin/p" + (pid / 3), List.of()));
        }
    }

    void change() {
        int changes = 1 + random.nextInt(6);
        for (int i = 0; i < changes; i++) {
            int what = random.nextInt(100);
            if (what < 30 || sockets.isEmpty()) {
                addConnection();
            } else if (what < 40) {
                sockets.add(listener());
            } else if (what < 60) {
                sockets.remove(random.nextInt(sockets.size()));
            } else if (what < 70) {
                SocketEntry socket = pick();
                replace(socket, with(socket, STATES[random.nextInt(STATES.length)], socket.pid()));
            } else if (what < 80) {
                SocketEntry socket = pick();
                replace(socket, with(socket, socket.state(), pid()));
            } else if (what < 88) {
                sockets.add(with(pick(), SocketState.ESTABLISHED, pid())); // a repeated row, another holder
            } else if (what < 94) {
                SocketEntry socket = pick(); // the inode reused for another socket
                replace(socket, new SocketEntry(socket.protocol(), endpoint(LOCAL), socket.remote() == null ? null
                        : endpoint(random.nextBoolean() ? LOCAL : REMOTE), socket.state(), socket.pid(),
                        socket.inode(), socket.traffic(), socket.namespace()));
            } else {
                Collections.shuffle(sockets, random);
            }
        }
    }

    /** The world now, with a few rows missing this once (a namespace that could not be read). */
    Snapshot snapshot(int round) {
        List<SocketEntry> seen = new ArrayList<>();
        for (SocketEntry socket : sockets) {
            if (random.nextInt(40) != 0) {
                seen.add(advance(socket));
            }
        }
        Instant takenAt = Instant.parse("2026-11-27T10:00:00Z").plusSeconds(round);
        return new Snapshot(takenAt, round * 1_000_000_000L, "random", seen, processes, List.of());
    }

    private SocketEntry advance(SocketEntry socket) {
        TrafficCounters traffic = socket.traffic();
        if (traffic == null) {
            return socket;
        }
        return new SocketEntry(socket.protocol(), socket.local(), socket.remote(), socket.state(), socket.pid(),
                socket.inode(), TrafficCounters.ofBytes(traffic.bytesSent() + random.nextInt(1000),
                traffic.bytesReceived() + random.nextInt(1000)), socket.namespace());
    }

    private void addConnection() {
        Protocol protocol = random.nextInt(5) == 0 ? Protocol.UDP : Protocol.TCP;
        String namespace = NAMESPACES[random.nextInt(NAMESPACES.length)];
        Endpoint local = endpoint(LOCAL);
        boolean toLocal = random.nextBoolean();
        Endpoint remote = toLocal ? endpoint(LOCAL) : endpoint(REMOTE);
        SocketState state = protocol == Protocol.UDP ? SocketState.ESTABLISHED : STATES[random.nextInt(STATES.length)];
        sockets.add(socket(protocol, local, remote, state, namespace));
        if (toLocal && random.nextInt(3) > 0) {
            SocketState other = state == SocketState.SYN_SENT ? SocketState.SYN_RECEIVED : SocketState.ESTABLISHED;
            String peerNamespace = random.nextInt(4) == 0 ? NAMESPACES[random.nextInt(NAMESPACES.length)] : namespace;
            sockets.add(socket(protocol, remote, local, other, peerNamespace));
        }
    }

    private SocketEntry listener() {
        boolean udp = random.nextInt(4) == 0;
        InetAddress address = random.nextBoolean() ? (random.nextBoolean() ? address("0.0.0.0") : address("::"))
                : LOCAL[random.nextInt(LOCAL.length)];
        Endpoint local = new Endpoint(address, PORTS[random.nextInt(PORTS.length)]);
        return new SocketEntry(udp ? Protocol.UDP : Protocol.TCP, local, null,
                udp ? SocketState.BOUND : SocketState.LISTEN, pid(), inode(), null,
                NAMESPACES[random.nextInt(NAMESPACES.length)]);
    }

    private SocketEntry socket(Protocol protocol, Endpoint local, Endpoint remote, SocketState state,
                               String namespace) {
        TrafficCounters traffic = random.nextInt(4) == 0 ? null : TrafficCounters.ofBytes(random.nextInt(10_000),
                random.nextInt(10_000));
        return new SocketEntry(protocol, local, remote, state, pid(), inode(), traffic, namespace);
    }

    private long inode() {
        return random.nextInt(3) == 0 ? 0 : nextInode++; // some collectors give none
    }

    private long pid() {
        return random.nextInt(6) == 0 ? SocketEntry.NO_PID : 10 + random.nextInt(6);
    }

    private Endpoint endpoint(InetAddress[] addresses) {
        return new Endpoint(addresses[random.nextInt(addresses.length)], PORTS[random.nextInt(PORTS.length)]);
    }

    private SocketEntry pick() {
        return sockets.get(random.nextInt(sockets.size()));
    }

    private void replace(SocketEntry old, SocketEntry now) {
        sockets.set(sockets.indexOf(old), now);
    }

    private static SocketEntry with(SocketEntry socket, SocketState state, long pid) {
        return new SocketEntry(socket.protocol(), socket.local(), socket.remote(), state, pid, socket.inode(),
                socket.traffic(), socket.namespace());
    }

    private static InetAddress address(String literal) {
        return InetAddresses.parseLiteral(literal);
    }
}
