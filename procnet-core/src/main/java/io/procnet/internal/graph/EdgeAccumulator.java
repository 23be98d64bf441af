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
 * Sums the connections of one edge, snapshot after snapshot. It lives as long as its edge, and
 * hands out the {@link Edge} it built last time when nothing changed, so an unchanged edge
 * costs no allocation and compares equal by identity. What it compares is in its own fields and
 * one array, so that an unchanged edge reads no other object.
 */
final class EdgeAccumulator {
    private static final SocketState[] STATES = SocketState.values();

    private final EdgeKey key;
    private final EdgeKind kind;
    private final String id;
    private static final int N = STATES.length;

    /** Connections per state: this round's at {@code [0, N)}, the built edge's at {@code [N, 2N)}. */
    private final int[] states = new int[2 * N];
    private long round = -1;
    private int count;
    private DirectionReason reason;
    private boolean metered;
    private double toServer;
    private double toClient;
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

    /** Adds one connection (or listening socket) of {@code round}; the surest reason among them stands for the edge. */
    void add(long round, SocketState state, DirectionReason decidedBy) {
        if (this.round != round) {
            this.round = round;
            count = 0;
            Arrays.fill(states, 0, N, 0);
            reason = null;
            metered = false;
            toServer = 0;
            toClient = 0;
        }
        count++;
        states[state.ordinal()]++;
        if (reason == null || decidedBy.compareTo(reason) < 0) {
            reason = decidedBy;
        }
    }

    /** Adds the bytes per second of a connection added in this round. */
    void addRates(double toServer, double toClient) {
        metered = true;
        this.toServer += toServer;
        this.toClient += toClient;
    }

    /** Whether a connection of {@code round} was added: an edge without one is gone. */
    boolean seenIn(long round) {
        return this.round == round;
    }

    /** The edge, with traffic when a connection of it was metered over an interval. */
    Edge build() {
        long server = metered ? Math.round(toServer) : 0;
        long client = metered ? Math.round(toClient) : 0;
        if (built != null && builtCount == count && builtReason == reason && builtMetered == metered
                && builtToServer == server && builtToClient == client && Arrays.equals(states, 0, N, states, N, 2 * N)) {
            return built;
        }
        System.arraycopy(states, 0, states, N, N);
        builtCount = count;
        builtReason = reason;
        builtMetered = metered;
        builtToServer = server;
        builtToClient = client;
        Map<SocketState, Integer> stateCounts = new EnumMap<>(SocketState.class);
        for (int i = 0; i < N; i++) {
            if (states[i] > 0) {
                stateCounts.put(STATES[i], states[i]);
            }
        }
        built = new Edge(id, key.from().id, key.to().id, kind, key.protocol(), key.serverPort(), count, stateCounts,
                reason, metered ? new EdgeTraffic(server, client) : null);
        return built;
    }
}
