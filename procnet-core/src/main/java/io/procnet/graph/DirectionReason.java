package io.procnet.graph;

/**
 * Which step decided an edge's client-to-server direction, in the order they are tried. The
 * first three are facts read off the socket table; the others are heuristics, which the map
 * draws as less sure ({@link #isFact()}).
 */
public enum DirectionReason {
    /** One end's port is a listening socket on this host: that end is the server. */
    LISTENER,
    /** The TCP connection is still opening: the {@code SYN_SENT} end is the client, the {@code SYN_RECEIVED} end the server. */
    HANDSHAKE,
    /**
     * A local TCP end whose port has no listening socket in its network namespace is the client.
     * A fact when the socket table is complete, which a snapshot with at least one TCP listener is
     * taken to be: a snapshot without any (hand-made, or filtered) leaves it to the steps below.
     */
    NOT_LISTENING,
    /**
     * Both ends are on this host and neither tells by the steps above: the end whose address and
     * port more connections share (a server's fan-in) is the server.
     */
    LOCAL_PEER,
    /** One port is a known service port (built-in list or {@code --svc-ports}), the other is not. */
    SERVICE_PORT,
    /** One port lies in the ephemeral range and the other does not: the ephemeral end is the client. */
    EPHEMERAL,
    /** Nothing else told: the lower port is the server. */
    GUESS;

    /** True when the direction was read off the socket table, false when it was guessed by a heuristic. */
    public boolean isFact() {
        return compareTo(NOT_LISTENING) <= 0;
    }
}
