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
 * costs no allocation and compares equal by identity.
 */
final class EdgeAccumulator {
    private static final SocketState[] STATES = SocketState.values();

    private final EdgeKey key;
    private final EdgeKind kind;
    private final String id;
    private final int[] states = new int[STATES.length];
    private long round = -1;
    private int count;
    private DirectionReason reason;
    private boolean metered;
    private long bytesToServer;
    private long bytesToClient;
    private Edge built;
    private final int[] builtStates = new int[STATES.length];

    EdgeAccumulator(EdgeKey key, EdgeKind kind) {
        this.key = key;
        this.kind = kind;
        this.id = Edge.idOf(key.protocol(), key.from(), key.to(), key.serverPort());
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
            Arrays.fill(states, 0);
            reason = null;
            metered = false;
            bytesToServer = 0;
            bytesToClient = 0;
        }
        count++;
        states[state.ordinal()]++;
        if (reason == null || decidedBy.compareTo(reason) < 0) {
            reason = decidedBy;
        }
    }

    void addBytes(long toServer, long toClient) {
        metered = true;
        bytesToServer += toServer;
        bytesToClient += toClient;
    }

    /** Whether a connection of {@code round} was added: an edge without one is gone. */
    boolean seenIn(long round) {
        return this.round == round;
    }

    /** The edge; rates over {@code seconds}, or none when {@code seconds} is 0 or nothing was metered. */
    Edge build(double seconds) {
        boolean hasRates = metered && seconds > 0;
        long toServer = hasRates ? Math.round(bytesToServer / seconds) : 0;
        long toClient = hasRates ? Math.round(bytesToClient / seconds) : 0;
        if (built != null && built.count() == count && built.reason() == reason
                && sameTraffic(built.traffic(), hasRates, toServer, toClient) && Arrays.equals(builtStates, states)) {
            return built;
        }
        System.arraycopy(states, 0, builtStates, 0, states.length);
        EdgeTraffic traffic = hasRates ? new EdgeTraffic(toServer, toClient) : null;
        Map<SocketState, Integer> stateCounts = new EnumMap<>(SocketState.class);
        for (int i = 0; i < states.length; i++) {
            if (states[i] > 0) {
                stateCounts.put(STATES[i], states[i]);
            }
        }
        built = new Edge(id, key.from(), key.to(),
                kind, key.protocol(), key.serverPort(), count, stateCounts, reason, traffic);
        return built;
    }

    private static boolean sameTraffic(EdgeTraffic previous, boolean hasRates, long toServer, long toClient) {
        return previous == null
                ? !hasRates
                : hasRates && previous.bytesPerSecondToServer() == toServer
                        && previous.bytesPerSecondToClient() == toClient;
    }
}
