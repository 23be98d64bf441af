package io.procnet.internal.graph;

import io.procnet.graph.DirectionReason;
import io.procnet.graph.Edge;
import io.procnet.graph.EdgeKind;
import io.procnet.graph.EdgeTraffic;
import io.procnet.model.SocketState;
import java.util.EnumMap;
import java.util.Map;

/** Sums the connections of one edge while a graph is assembled. */
final class EdgeAccumulator {
    private final EdgeKey key;
    private final EdgeKind kind;
    private final Map<SocketState, Integer> states = new EnumMap<>(SocketState.class);
    private int count;
    private DirectionReason reason;
    private boolean metered;
    private long bytesToServer;
    private long bytesToClient;

    EdgeAccumulator(EdgeKey key, EdgeKind kind) {
        this.key = key;
        this.kind = kind;
    }

    /** Adds one connection (or listening socket); the surest reason among them stands for the edge. */
    void add(SocketState state, DirectionReason decidedBy) {
        count++;
        states.merge(state, 1, Integer::sum);
        if (reason == null || decidedBy.compareTo(reason) < 0) {
            reason = decidedBy;
        }
    }

    void addBytes(long toServer, long toClient) {
        metered = true;
        bytesToServer += toServer;
        bytesToClient += toClient;
    }

    /** The edge; rates over {@code seconds}, or none when {@code seconds} is 0 or nothing was metered. */
    Edge build(double seconds) {
        EdgeTraffic traffic = metered && seconds > 0
                ? new EdgeTraffic(Math.round(bytesToServer / seconds), Math.round(bytesToClient / seconds))
                : null;
        return new Edge(Edge.idOf(key.protocol(), key.from(), key.to(), key.serverPort()), key.from(), key.to(),
                kind, key.protocol(), key.serverPort(), count, states, reason, traffic);
    }
}
