package io.procnet.internal.graph;

import io.procnet.graph.ListenerNode;
import io.procnet.graph.Node;
import io.procnet.graph.NodeKind;
import io.procnet.graph.ProcessNode;
import io.procnet.graph.RemoteNode;
import io.procnet.model.Protocol;
import java.net.InetAddress;

/**
 * The identity of a node while it lives: its id, made once, a serial number that edge keys hash
 * by, and the node built for it last, handed out again while nothing about it changes. Edge keys
 * compare references, not ids.
 */
final class NodeRef {
    final NodeKind kind;
    final String id;
    final int serial;
    /** The process of a process node. */
    final long pid;
    /** The address of a remote node. */
    final InetAddress address;
    /** The namespace of a remote (loopback) or listener node; null for the collector's own. */
    final String namespace;
    /** The protocol and port of a listener node. */
    final Protocol protocol;
    final int port;
    /** The last round an edge used this node. */
    long usedRound = -1;
    /** The node built last time, or null. */
    Node node;

    private NodeRef(NodeKind kind, String id, int serial, long pid, InetAddress address, String namespace,
                    Protocol protocol, int port) {
        this.kind = kind;
        this.id = id;
        this.serial = serial;
        this.pid = pid;
        this.address = address;
        this.namespace = namespace;
        this.protocol = protocol;
        this.port = port;
    }

    static NodeRef process(long pid, int serial) {
        return new NodeRef(NodeKind.PROCESS, ProcessNode.idOf(pid), serial, pid, null, null, null, 0);
    }

    static NodeRef remote(InetAddress address, String namespace, int serial) {
        NodeRef ref = new NodeRef(NodeKind.REMOTE, RemoteNode.idOf(address, namespace), serial, -1, address, namespace,
                null, 0);
        ref.node = RemoteNode.of(address, namespace); // never changes: formatted once in its lifetime
        return ref;
    }

    static NodeRef listener(Protocol protocol, int port, String namespace, int serial) {
        return new NodeRef(NodeKind.LISTENER, ListenerNode.idOf(protocol, port, namespace), serial, -1, null, namespace,
                protocol, port);
    }
}
