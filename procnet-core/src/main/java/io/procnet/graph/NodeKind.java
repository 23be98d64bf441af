package io.procnet.graph;

/** The three kinds of node of the map. */
public enum NodeKind {
    /** A local process, id {@code proc:<pid>}. */
    PROCESS,
    /** A remote address, id {@code ext:<ip>}. */
    REMOTE,
    /** A local listening port nobody is connected to, id {@code listen:<proto>:<port>}. */
    LISTENER
}
