package io.procnet.graph;

/** The kinds of node of the map. */
public enum NodeKind {
    /** A local process, id {@code proc:<pid>}. */
    PROCESS,
    /** A remote address, id {@code ext:<ip>}. */
    REMOTE,
    /** A local listening port nobody is connected to, id {@code listen:<proto>:<port>}. */
    LISTENER,
    /** Processes of one program folded into one node, id {@code group:<pid>} (see {@link GraphOptions#foldGroups()}). */
    GROUP
}
