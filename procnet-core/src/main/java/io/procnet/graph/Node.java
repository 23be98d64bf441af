package io.procnet.graph;

/** A node of the {@link Graph}. Implementations are immutable records. */
public sealed interface Node permits ProcessNode, RemoteNode, ListenerNode, GroupNode {

    /**
     * Stable id: {@code proc:<pid>}, {@code ext:<ip>}, {@code listen:<proto>:<port>} or
     * {@code group:<pid>}; a loopback address or a listener of another network namespace has
     * {@code @<namespace>} appended.
     */
    String id();

    NodeKind kind();

    /** What the map shows under the node. Process-supplied text: render it as text, never as HTML. */
    String label();

    /** Node type, which picks the icon ({@code app}, {@code database}, {@code external}, {@code listener}, ...). */
    String type();
}
