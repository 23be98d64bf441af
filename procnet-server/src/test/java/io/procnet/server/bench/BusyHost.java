package io.procnet.server.bench;

import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import io.procnet.model.TrafficCounters;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A scripted busy host for the server benchmarks, about 10.7k sockets drawn as about 5,000 edges:
 * 20 server processes (nginx, postgres, redis ...) listening on all addresses, 60 client processes
 * that each hold 1-4 loopback connections to 8 of the servers (both halves in the table) and 1-3
 * outbound connections to each of 50 remote services (2,500 addresses, shared among the clients), and 1,500
 * remote clients with 1-2 inbound connections to one server each. Every connection moves bytes at
 * a rate of its own (a third idle), so every edge has traffic.
 *
 * <p>Between two snapshots ({@link #next()}, one per {@value #TICK_MILLIS} ms of its clock), as on
 * a busy host: 120 connections open on existing edges and 120 close, 60 change state
 * ({@code ESTABLISHED} and {@code CLOSE_WAIT}), 25 edges go away with all their connections and
 * 25 new ones appear (new remote addresses), and 150 connections change their rate by a factor of
 * 3-10. {@link #freeze()} stops the changes (the counters still grow at constant rates), so the
 * graph settles. Deterministic for a seed; not thread-safe.
 */
final class BusyHost {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final long TICK_MILLIS = 200;
    private static final int SERVERS = 20;
    private static final int CLIENTS = 60;
    private static final int FIRST_EPHEMERAL = 32768;
    private static final int LAST_EPHEMERAL = 60999;
    private static final String[][] SERVER_PROGRAMS = {
        {"nginx", "nginx: worker process", "/usr/sbin/nginx"},
        {"postgres", "postgres: main: app app 127.0.0.1 idle", "/usr/lib/postgresql/16/bin/postgres"},
        {"redis-server", "/usr/bin/redis-server 0.0.0.0:6379", "/usr/bin/redis-server"},
        {"java", "java -Xmx2g -jar /opt/orders/orders-service.jar --server.port=8080", "/usr/lib/jvm/java-17/bin/java"},
        {"node", "node /srv/gateway/dist/server.js", "/usr/bin/node"},
    };
    private static final int[] OUTBOUND_PORTS = {443, 443, 443, 5432, 6379, 9200, 8443};

    private final SplittableRandom random;
    private final InetAddress host = address(192, 168, 1, 5);
    private final InetAddress loopback = address(127, 0, 0, 1);
    private final InetAddress any = address(0, 0, 0, 0);
    private final Map<Long, ProcessInfo> processes = new HashMap<>();
    private final List<SocketEntry> listeners = new ArrayList<>();
    private final int[] serverPorts = new int[SERVERS];
    private final List<Group> groups = new ArrayList<>();
    private final BitSet usedPorts = new BitSet();
    private long nextInode = 5_000_000;
    private int nextRemote;
    private int tick;
    private boolean frozen;

    BusyHost(long seed) {
        random = new SplittableRandom(seed);
        Instant booted = T0.minus(Duration.ofDays(3));
        for (int s = 0; s < SERVERS; s++) {
            String[] program = SERVER_PROGRAMS[s % SERVER_PROGRAMS.length];
            long pid = 3000 + s;
            serverPorts[s] = switch (s) {
                case 0 -> 80;
                case 1 -> 5432;
                case 2 -> 6379;
                case 3 -> 8080;
                case 4 -> 3000;
                default -> 9000 + s;
            };
            processes.put(pid, new ProcessInfo(pid, 1, program[0], program[1] + " #" + s, "www-data",
                    booted.plusSeconds(s), program[2], List.of()));
            listeners.add(new SocketEntry(Protocol.TCP, new Endpoint(any, serverPorts[s]), null, SocketState.LISTEN,
                    pid, nextInode++, null));
        }
        for (int c = 0; c < CLIENTS; c++) {
            long pid = 3100 + c;
            boolean python = c % 3 != 0;
            processes.put(pid, new ProcessInfo(pid, 1, python ? "python3" : "java",
                    python ? "python3 -m app.worker --queue jobs-" + c : "java -jar /opt/batch/batch.jar --shard " + c,
                    "app", booted.plusSeconds(600 + c), python ? "/usr/bin/python3.11" : "/usr/lib/jvm/java-17/bin/java",
                    List.of()));
            for (int k = 0; k < 8; k++) {
                int server = (c * 3 + k * 7) % SERVERS;
                Group loop = new Group(Kind.LOOP, pid, server, loopback, serverPorts[server]);
                fill(loop, 1 + random.nextInt(4));
                groups.add(loop);
            }
            for (int k = 0; k < 50; k++) {
                int remote = (c * 37 + k * 53) % 2500;
                Group out = new Group(Kind.OUT, pid, -1, address(10, 20 + remote / 250, remote % 250, 1),
                        OUTBOUND_PORTS[(c + k) % OUTBOUND_PORTS.length]);
                fill(out, 1 + random.nextInt(3));
                groups.add(out);
            }
        }
        for (int r = 0; r < 1500; r++) {
            groups.add(inbound());
        }
    }

    /** Stops changing the connections; the counters still grow, at the rates they have. */
    void freeze() {
        frozen = true;
    }

    /** The next snapshot: the changes of one tick (none for the first), then every socket. */
    Snapshot next() {
        if (tick > 0 && !frozen) {
            churn();
        }
        double seconds = tick == 0 ? 0 : TICK_MILLIS / 1000.0;
        List<SocketEntry> sockets = new ArrayList<>(12_000);
        sockets.addAll(listeners);
        for (Group group : groups) {
            for (Conn conn : group.conns) {
                conn.sent += (long) (conn.rate * seconds);
                conn.received += (long) (conn.rate * 3 * seconds);
                rows(group, conn, sockets);
            }
        }
        Instant takenAt = T0.plusMillis(tick * TICK_MILLIS);
        long nanos = tick * TICK_MILLIS * 1_000_000;
        tick++;
        return new Snapshot(takenAt, nanos, "scripted-busy-host", sockets, processes, List.of());
    }

    private void churn() {
        for (int i = 0; i < 120; i++) {
            Group group = groups.get(random.nextInt(groups.size()));
            group.conns.add(conn());
        }
        for (int i = 0; i < 120; i++) {
            Group group = groups.get(random.nextInt(groups.size()));
            if (group.conns.size() > 1) {
                release(group.conns.remove(random.nextInt(group.conns.size())));
            }
        }
        for (int i = 0; i < 60; i++) {
            Conn conn = anyConn();
            conn.state = conn.state == SocketState.ESTABLISHED ? SocketState.CLOSE_WAIT : SocketState.ESTABLISHED;
        }
        for (int i = 0; i < 25; i++) {
            int index = random.nextInt(groups.size());
            if (groups.get(index).kind != Kind.LOOP) {
                for (Conn conn : groups.remove(index).conns) {
                    release(conn);
                }
            }
        }
        for (int i = 0; i < 25; i++) {
            if (random.nextBoolean()) {
                groups.add(inbound());
            } else {
                long pid = 3100 + random.nextInt(CLIENTS);
                Group out = new Group(Kind.OUT, pid, -1, address(10, 40 + (nextRemote >> 16 & 0x3f),
                        nextRemote >> 8 & 0xff, nextRemote & 0xff), 443);
                nextRemote++;
                fill(out, 1 + random.nextInt(3));
                groups.add(out);
            }
        }
        double[] factors = {0.1, 0.3, 3, 10};
        for (int i = 0; i < 150; i++) {
            Conn conn = anyConn();
            conn.rate = conn.rate == 0 ? 1000 + random.nextInt(50_000)
                    : Math.min(50_000_000, (long) (conn.rate * factors[random.nextInt(factors.length)]));
        }
    }

    private Group inbound() {
        int r = nextRemote++;
        int server = random.nextInt(SERVERS);
        Group in = new Group(Kind.IN, -1, server, address(172, 16 + (r >> 16 & 0x0f), r >> 8 & 0xff, r & 0xff),
                serverPorts[server]);
        fill(in, 1 + random.nextInt(2));
        return in;
    }

    private Conn anyConn() {
        while (true) {
            Group group = groups.get(random.nextInt(groups.size()));
            if (!group.conns.isEmpty()) {
                return group.conns.get(random.nextInt(group.conns.size()));
            }
        }
    }

    private void fill(Group group, int connections) {
        for (int i = 0; i < connections; i++) {
            group.conns.add(conn());
        }
    }

    private Conn conn() {
        int port = usedPorts.nextClearBit(FIRST_EPHEMERAL + random.nextInt(LAST_EPHEMERAL - FIRST_EPHEMERAL));
        if (port > LAST_EPHEMERAL) {
            port = usedPorts.nextClearBit(FIRST_EPHEMERAL);
        }
        usedPorts.set(port);
        long rate = random.nextInt(3) == 0 ? 0 : (long) Math.exp(random.nextDouble() * Math.log(100_000));
        long inode = nextInode;
        nextInode += 2;
        return new Conn(port, inode, rate, random.nextLong(1_000_000));
    }

    private void release(Conn conn) {
        usedPorts.clear(conn.port);
    }

    private void rows(Group group, Conn conn, List<SocketEntry> sockets) {
        TrafficCounters outward = new TrafficCounters(conn.sent, conn.received, conn.sent / 1400, conn.received / 1400,
                Duration.ofMillis(3));
        switch (group.kind) {
            case LOOP -> {
                Endpoint client = new Endpoint(loopback, conn.port);
                Endpoint server = new Endpoint(loopback, group.port);
                sockets.add(new SocketEntry(Protocol.TCP, client, server,
                        conn.state == SocketState.ESTABLISHED ? SocketState.ESTABLISHED : SocketState.FIN_WAIT_2,
                        group.clientPid, conn.inode, outward));
                sockets.add(new SocketEntry(Protocol.TCP, server, client, conn.state, 3000 + group.server,
                        conn.inode + 1, new TrafficCounters(conn.received, conn.sent, conn.received / 1400,
                                conn.sent / 1400, Duration.ofMillis(3))));
            }
            case OUT -> sockets.add(new SocketEntry(Protocol.TCP, new Endpoint(host, conn.port),
                    new Endpoint(group.remote, group.port), conn.state, group.clientPid, conn.inode, outward));
            case IN -> sockets.add(new SocketEntry(Protocol.TCP, new Endpoint(host, group.port),
                    new Endpoint(group.remote, conn.port), conn.state, 3000 + group.server, conn.inode, outward));
            default -> throw new AssertionError(group.kind);
        }
    }

    private static final Map<Integer, InetAddress> ADDRESSES = new HashMap<>();

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

    private enum Kind { LOOP, OUT, IN }

    /** The connections of one edge. */
    private static final class Group {
        final Kind kind;
        final long clientPid;
        final int server;
        final InetAddress remote;
        final int port;
        final List<Conn> conns = new ArrayList<>(4);

        Group(Kind kind, long clientPid, int server, InetAddress remote, int port) {
            this.kind = kind;
            this.clientPid = clientPid;
            this.server = server;
            this.remote = remote;
            this.port = port;
        }
    }

    /** One connection; a loopback one is two sockets, {@code inode} and {@code inode + 1}. */
    private static final class Conn {
        final int port;
        final long inode;
        long rate;
        long sent;
        long received;
        SocketState state = SocketState.ESTABLISHED;

        Conn(int port, long inode, long rate, long start) {
            this.port = port;
            this.inode = inode;
            this.rate = rate;
            this.sent = start;
            this.received = start * 3;
        }
    }
}
