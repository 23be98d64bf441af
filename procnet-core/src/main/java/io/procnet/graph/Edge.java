package io.procnet.graph;

import io.procnet.model.Protocol;
import io.procnet.model.SocketState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * All connections between one client node and one server node on one server port and
 * protocol, or a listener attachment. Immutable and thread-safe.
 *
 * @param id         {@code <proto>:<from>-><to>:<serverPort>}
 * @param from       client node id (the listener node for a listener edge)
 * @param to         server node id (the owning process for a listener edge)
 * @param kind       connection or listener attachment
 * @param protocol   TCP or UDP
 * @param serverPort the server's port
 * @param count      connections aggregated (listening sockets for a listener edge), >= 1
 * @param states     connections per socket state (of the client half, where both are local)
 * @param reason     the heuristic that decided the direction
 * @param traffic    throughput, or null when the collector gives no counters or this is the first graph
 */
public record Edge(String id, String from, String to, EdgeKind kind, Protocol protocol, int serverPort, int count,
                   Map<SocketState, Integer> states, DirectionReason reason, EdgeTraffic traffic) {

    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (!idOf(protocol, from, to, serverPort).equals(id)) {
            throw new IllegalArgumentException("edge id " + id + " does not match its ends");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        states = states.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(states));
    }

    /** The id of the edge between two nodes on a server port. */
    public static String idOf(Protocol protocol, String from, String to, int serverPort) {
        return protocol.id() + ":" + from + "->" + to + ":" + serverPort;
    }
}
