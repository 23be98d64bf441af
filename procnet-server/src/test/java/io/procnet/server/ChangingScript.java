package io.procnet.server;

import io.procnet.model.CollectionIssue;
import io.procnet.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * A network that changes by a seeded Random up to tick {@code changes}: clients (pids 1000-1007)
 * open and close connections to a local server (pid 10 on 5432) and to remotes on 443, their rates
 * jump, their command lines change, an issue comes and goes. After that it stays as it is, counters
 * growing at the same rates, so the graph no longer changes. Ticks must come in order (the loop's).
 */
public final class ChangingScript implements IntFunction<Snapshot> {
    private final Random random;
    private final int changes;
    private final Map<Integer, Connection> connections = new TreeMap<>();
    private final long[] commandVersions = new long[8];
    private boolean issue;
    private int nextPort = 40000;

    public ChangingScript(long seed, int changes) {
        this.random = new Random(seed);
        this.changes = changes;
    }

    private static final class Connection {
        final long pid;
        final int port;
        final String remote;
        long up;
        long down;
        long sent;
        long received;

        Connection(long pid, int port, String remote, long up, long down) {
            this.pid = pid;
            this.port = port;
            this.remote = remote;
            this.up = up;
            this.down = down;
        }

        boolean local() {
            return remote.startsWith("127.");
        }
    }

    @Override
    public synchronized Snapshot apply(int tick) {
        if (tick == 0) {
            for (int i = 0; i < 6; i++) {
                open();
            }
        } else if (tick <= changes) {
            change();
        }
        TestSnapshots rows = new TestSnapshots().listen(10, "0.0.0.0:5432");
        for (int i = 0; i < commandVersions.length; i++) {
            rows.process(1000 + i, "client", "client --config v" + commandVersions[i]);
        }
        for (Connection connection : connections.values()) {
            connection.sent += connection.up;
            connection.received += connection.down;
            String local = (connection.local() ? "127.0.0.1:" : "10.0.0.5:") + connection.port;
            rows.est(connection.pid, local, connection.remote, connection.sent, connection.received);
            if (connection.local()) {
                rows.est(10, "127.0.0.1:5432", local);
            }
        }
        Snapshot snapshot = rows.at(tick);
        List<CollectionIssue> issues = new ArrayList<>();
        if (issue) {
            issues.add(new CollectionIssue(CollectionIssue.ACCESS_DENIED, "3 processes could not be read", 3));
        }
        return new Snapshot(snapshot.takenAt(), snapshot.monotonicNanos(), snapshot.collectorId(), snapshot.sockets(),
                snapshot.processes(), issues);
    }

    private void change() {
        for (int n = random.nextInt(3); n > 0; n--) {
            open();
        }
        if (connections.size() > 3 && random.nextInt(3) > 0) {
            List<Integer> ports = new ArrayList<>(connections.keySet());
            connections.remove(ports.get(random.nextInt(ports.size())));
        }
        if (random.nextBoolean()) {
            List<Connection> all = new ArrayList<>(connections.values());
            Connection connection = all.get(random.nextInt(all.size()));
            connection.up = random.nextBoolean() ? connection.up * 4 : Math.max(100, connection.up / 4);
            connection.down = random.nextInt(200_000);
        }
        if (random.nextInt(4) == 0) {
            commandVersions[random.nextInt(commandVersions.length)]++;
        }
        if (random.nextInt(5) == 0) {
            issue = !issue;
        }
    }

    private void open() {
        long pid = 1000 + random.nextInt(commandVersions.length);
        String remote = random.nextInt(3) == 0 ? "93.184.216." + (1 + random.nextInt(4)) + ":443" : "127.0.0.1:5432";
        int port = nextPort++;
        connections.put(port, new Connection(pid, port, remote, 100 + random.nextInt(10_000), random.nextInt(100_000)));
    }
}
