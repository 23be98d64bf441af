package io.procnet.graph;

/** What an edge stands for. */
public enum EdgeKind {
    /** Connections from a client node to a server node. */
    CONNECTION,
    /** A listener node attached to the process that owns the listening socket. */
    LISTENER
}
