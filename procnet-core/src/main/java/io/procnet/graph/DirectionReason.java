package io.procnet.graph;

/**
 * Which heuristic decided an edge's client-to-server direction, in the order they are tried.
 * The earlier the reason, the surer the direction.
 */
public enum DirectionReason {
    /** One end's port is a listening socket on this host: that end is the server. */
    LISTENER,
    /**
     * Both ends are on this host and neither listens: a half in {@code SYN_SENT} is the client,
     * else the end whose address and port more connections share (a server's fan-in) is the server.
     */
    LOCAL_PEER,
    /** One port is a known service port (built-in list or {@code --svc-ports}), the other is not. */
    SERVICE_PORT,
    /** One port lies in the ephemeral range and the other does not: the ephemeral end is the client. */
    EPHEMERAL,
    /** Nothing else told: the lower port is the server. */
    GUESS
}
