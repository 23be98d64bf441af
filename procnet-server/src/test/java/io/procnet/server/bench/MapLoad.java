package io.procnet.server.bench;

import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A scripted host whose map has exactly {@code nodes} process nodes and {@code edges} TCP edges,
 * for {@link BrowserBenchmark}. Every edge is one loopback connection (both halves in the table)
 * between a client process and a server process on a port of the server, no two edges share
 * (client, server, port), and every process is the client of {@code edges / nodes} or more edges,
 * so each is drawn and none is alone. One process in eight is also a server, listening on one
 * port (one server in five on a second one, so some pairs have parallel edges); every listening
 * port is reached, so no listener node is drawn. Every parent is pid 1, which is not in the
 * snapshot, so every process is a group of its own and nothing folds.
 *
 * <p>Phases: phase 0 is that map; phase {@code p} is phase {@code p - 1} with {@value #UPDATED}
 * edges given a second connection (their count goes from 1 to 2), {@value #REMOVED} edges gone and
 * {@value #ADDED} new edges between existing processes: {@value #CHANGES} edge changes in one
 * delta, no node added, changed or removed (a removed edge is never the last of its client, of
 * its server or of a listening port). Deterministic for a seed; {@link #snapshot} is thread-safe.
 */
final class MapLoad {
    static final int UPDATED = 40;
    static final int REMOVED = 30;
    static final int ADDED = 30;
    static final int CHANGES = UPDATED + REMOVED + ADDED;
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final long FIRST_PID = 10_000;
    private static final int FIRST_SERVER_PORT = 20_000;
    private static final int FIRST_EPHEMERAL = 32_768;
    private static final String[][] PROGRAMS = {
        {"nginx", "/usr/sbin/nginx"}, {"postgres", "/usr/lib/postgresql/16/bin/postgres"},
        {"redis-server", "/usr/bin/redis-server"}, {"java", "/usr/lib/jvm/java-17/bin/java"},
        {"node", "/usr/bin/node"}, {"python3", "/usr/bin/python3.11"}, {"mysqld", "/usr/sbin/mysqld"},
        {"haproxy", "/usr/sbin/haproxy"}, {"memcached", "/usr/bin/memcached"}, {"ruby", "/usr/bin/ruby"},
    };

    private final int nodes;
    private final int phases;
    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final Map<Long, ProcessInfo> processes = new HashMap<>();
    private final List<SocketEntry> listeners = new ArrayList<>();
    /** Every connection ever made, by index; a connection is {client index, server index, port}. */
    private final List<int[]> connections = new ArrayList<>();
    private final List<List<Integer>> initial = new ArrayList<>();
    private final List<Phase> script = new ArrayList<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private volatile int phase;
    private long tick;

    /** The changes of one phase: connection indexes. */
    private record Phase(List<Integer> doubled, List<Integer> removed, List<Integer> added) {
    }

    MapLoad(int nodes, int edges, int phases, long seed) {
        if (nodes < 16 || edges < nodes || edges > 8 * nodes || edges + phases * ADDED > 15_000) {
            throw new IllegalArgumentException("a map of " + nodes + " nodes and " + edges + " edges is not scripted");
        }
        this.nodes = nodes;
        this.phases = phases;
        SplittableRandom random = new SplittableRandom(seed);
        int servers = Math.max(8, nodes / 8);
        List<int[]> ports = new ArrayList<>(); // {server index, port}
        for (int s = 0; s < servers; s++) {
            ports.add(new int[] {s, FIRST_SERVER_PORT + s});
            if (s % 5 == 0) {
                ports.add(new int[] {s, FIRST_SERVER_PORT + servers + s});
            }
        }
        for (int i = 0; i < nodes; i++) {
            String[] program = PROGRAMS[i % PROGRAMS.length];
            long pid = FIRST_PID + i;
            processes.put(pid, new ProcessInfo(pid, 1, program[0], program[1] + " --instance " + i, "app",
                    T0.minusSeconds(3600 + i), program[1], List.of()));
        }
        for (int[] port : ports) {
            listeners.add(new SocketEntry(Protocol.TCP, new Endpoint(loopback, port[1]), null, SocketState.LISTEN,
                    FIRST_PID + port[0], 0, null));
        }
        Set<Long> used = new HashSet<>();
        int[] clientEdges = new int[nodes];
        Map<Integer, Integer> portEdges = new HashMap<>();
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < edges; k++) {
            int client = k % nodes;
            // first every listening port once, then servers by a skewed pick: a few busy, most quiet
            int[] port = k < ports.size() ? ports.get(k) : null;
            int index = connect(client, port, ports, random, used);
            all.add(index);
            clientEdges[client]++;
            portEdges.merge(connections.get(index)[2], 1, Integer::sum);
        }
        initial.add(all);
        // the phases: what goes is never a client's, server's or listening port's last edge
        List<Integer> order = new ArrayList<>(all);
        shuffle(order, random);
        Set<Integer> touched = new HashSet<>();
        int[] serverEdges = new int[nodes];
        for (int index : all) {
            serverEdges[connections.get(index)[1]]++;
        }
        int next = 0;
        for (int p = 1; p <= phases; p++) {
            List<Integer> removed = new ArrayList<>();
            while (removed.size() < REMOVED) {
                int index = order.get(next++);
                int[] c = connections.get(index);
                if (!touched.contains(index) && degree(clientEdges, serverEdges, c[0]) > 1
                        && degree(clientEdges, serverEdges, c[1]) > 1 && portEdges.get(c[2]) > 1) {
                    removed.add(index);
                    touched.add(index);
                    clientEdges[c[0]]--;
                    serverEdges[c[1]]--;
                    portEdges.merge(c[2], -1, Integer::sum);
                }
            }
            List<Integer> doubled = new ArrayList<>();
            while (doubled.size() < UPDATED) {
                int index = order.get(next++);
                if (touched.add(index)) {
                    doubled.add(index);
                }
            }
            List<Integer> added = new ArrayList<>();
            for (int a = 0; a < ADDED; a++) {
                int index = connect(random.nextInt(nodes), null, ports, random, used);
                added.add(index);
                touched.add(index); // an edge added is left alone by the later phases
            }
            script.add(new Phase(doubled, removed, added));
        }
        for (int p = 0; p <= phases; p++) {
            snapshots.add(null);
        }
    }

    /** A new connection of {@code client}, to {@code port} or to a server picked at random; its index. */
    private int connect(int client, int[] port, List<int[]> ports, SplittableRandom random, Set<Long> used) {
        for (int attempt = 0; ; attempt++) {
            int[] to = port != null && attempt == 0 ? port
                    : ports.get((int) (ports.size() * Math.pow(random.nextDouble(), 2)));
            long key = ((long) client << 32) | to[1];
            if (to[0] != client && used.add(key)) {
                connections.add(new int[] {client, to[0], to[1]});
                return connections.size() - 1;
            }
            if (attempt > 10_000) {
                throw new IllegalStateException("no free connection for process " + client);
            }
        }
    }

    private static int degree(int[] clientEdges, int[] serverEdges, int process) {
        return clientEdges[process] + serverEdges[process];
    }

    private static void shuffle(List<Integer> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
    }

    int nodes() {
        return nodes;
    }

    int edges() {
        return initial.get(0).size();
    }

    int phases() {
        return phases;
    }

    /** From the next tick on, the snapshot of this phase (0 to {@link #phases()}). */
    void phase(int phase) {
        if (phase < 0 || phase > phases) {
            throw new IllegalArgumentException("no phase " + phase + " of " + phases);
        }
        this.phase = phase;
    }

    /** The snapshot of the phase set now, taken a second after the one before. */
    synchronized Snapshot snapshot() {
        int p = phase;
        Snapshot rows = snapshots.get(p);
        if (rows == null) {
            rows = build(p);
            snapshots.set(p, rows);
        }
        tick++;
        return new Snapshot(T0.plusSeconds(tick), Duration.ofSeconds(tick).toNanos(), "scripted-map", rows.sockets(),
                rows.processes(), List.of());
    }

    private Snapshot build(int p) {
        Set<Integer> live = new HashSet<>(initial.get(0));
        Set<Integer> doubled = new HashSet<>();
        for (Phase step : script.subList(0, p)) {
            live.removeAll(step.removed());
            live.addAll(step.added());
            doubled.addAll(step.doubled());
        }
        List<SocketEntry> sockets = new ArrayList<>(listeners);
        for (int index = 0; index < connections.size(); index++) {
            if (live.contains(index)) {
                halves(index, 0, sockets);
                if (doubled.contains(index)) {
                    halves(index, 1, sockets);
                }
            }
        }
        return new Snapshot(T0, 0, "scripted-map", sockets, processes, List.of());
    }

    /** Both halves of connection {@code index}; {@code second} 1 for its second connection. */
    private void halves(int index, int second, List<SocketEntry> sockets) {
        int[] c = connections.get(index);
        int ephemeral = FIRST_EPHEMERAL + 2 * index + second;
        Endpoint client = new Endpoint(loopback, ephemeral);
        Endpoint server = new Endpoint(loopback, c[2]);
        long inode = 1_000_000L + 4L * index + 2L * second;
        sockets.add(new SocketEntry(Protocol.TCP, client, server, SocketState.ESTABLISHED, FIRST_PID + c[0], inode,
                null));
        sockets.add(new SocketEntry(Protocol.TCP, server, client, SocketState.ESTABLISHED, FIRST_PID + c[1], inode + 1,
                null));
    }
}
