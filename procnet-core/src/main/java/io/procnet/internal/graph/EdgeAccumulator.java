package io.procnet.internal.graph;

import io.procnet.graph.DirectionReason;
import io.procnet.graph.Edge;
import io.procnet.graph.EdgeKind;
import io.procnet.graph.EdgeTraffic;
import io.procnet.model.SocketState;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sums the connections of one edge, pass after pass. It lives as long as its edge, and hands out
 * the {@link Edge} it built last time when nothing changed, so an unchanged edge costs no
 * allocation and compares equal by identity. A connection added in a pass can be taken out again
 * (its decision turned out not to stand): counts per state and per reason, and rates in
 * thousandths of a byte per second, so that taking out is exact. What it compares is in its own
 * fields and one array, so that an unchanged edge reads no other object.
 */
final class EdgeAccumulator {
    private static final SocketState[] STATES = SocketState.values();
    private static final DirectionReason[] REASONS = DirectionReason.values();
    private static final int N = STATES.length;
    private static final int R = REASONS.length;

    private final EdgeKey key;
    private final EdgeKind kind;
    private final String id;
    /**
     * This pass's connections per state at {@code [0, N)} and per reason at {@code [N, N + R)}; the
     * built edge's per state at {@code [N + R, 2N + R)}.
     */
    private final int[] counts = new int[2 * N + R];
    private long pass = -1;
    private int count;
    private int metered;
    private long toServer;
    private long toClient;
    private Edge built;
    private int builtCount;
    private DirectionReason builtReason;
    private boolean builtMetered;
    private long builtToServer;
    private long builtToClient;

    EdgeAccumulator(EdgeKey key, EdgeKind kind) {
        this.key = key;
        this.kind = kind;
        this.id = Edge.idOf(key.protocol(), key.from().id, key.to().id, key.serverPort());
    }

    String id() {
        return id;
    }

    EdgeKey key() {
        return key;
    }

    /** Adds one connection (or listening socket) in {@code pass}. */
    void add(long pass, SocketState state, DirectionReason reason) {
        if (this.pass != pass) {
            this.pass = pass;
            count = 0;
            Arrays.fill(counts, 0, N + R, 0);
            metered = 0;
            toServer = 0;
            toClient = 0;
        }
        count++;
        counts[state.ordinal()]++;
        counts[N + reason.ordinal()]++;
    }

    /** Takes out a connection added in this pass. */
    void remove(SocketState state, DirectionReason reason) {
        count--;
        counts[state.ordinal()]--;
        counts[N + reason.ordinal()]--;
    }

    /** Adds the rates of a connection added in this pass, in thousandths of a byte per second. */
    void addRates(long toServerMilli, long toClientMilli) {
        metered++;
        toServer += toServerMilli;
        toClient += toClientMilli;
    }

    /** Takes out rates added in this pass. */
    void removeRates(long toServerMilli, long toClientMilli) {
        metered--;
        toServer -= toServerMilli;
        toClient -= toClientMilli;
    }

    /** Whether a connection of {@code pass} is in it: an edge without one is gone. */
    boolean seenIn(long pass) {
        return this.pass == pass && count > 0;
    }

    /** The edge, with traffic when a connection of it was metered over an interval. */
    Edge build() {
        DirectionReason reason = surest();
        boolean hasRates = metered > 0;
        long server = hasRates ? Math.round(toServer / 1000.0) : 0;
        long client = hasRates ? Math.round(toClient / 1000.0) : 0;
        if (built != null && builtCount == count && builtReason == reason && builtMetered == hasRates
                && builtToServer == server && builtToClient == client
                && Arrays.equals(counts, 0, N, counts, N + R, 2 * N + R)) {
            return built;
        }
        System.arraycopy(counts, 0, counts, N + R, N);
        builtCount = count;
        builtReason = reason;
        builtMetered = hasRates;
        builtToServer = server;
        builtToClient = client;
        Map<SocketState, Integer> stateCounts = new EnumMap<>(SocketState.class);
        for (int i = 0; i < N; i++) {
            if (counts[i] > 0) {
                stateCounts.put(STATES[i], counts[i]);
            }
        }
        built = new Edge(id, key.from().id, key.to().id, kind, key.protocol(), key.serverPort(), count, stateCounts,
                reason, hasRates ? new EdgeTraffic(server, client) : null);
        return built;
    }

    /** The surest reason among the connections: the one tried first. */
    private DirectionReason surest() {
        for (int i = 0; i < R; i++) {
            if (counts[N + i] > 0) {
                return REASONS[i];
            }
        }
        throw new IllegalStateException("edge " + id + " has no connection");
    }
}
