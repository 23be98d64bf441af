package io.procnet.internal.graph;

import io.procnet.model.Protocol;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The node identities of a stream of snapshots, by pid, by address and namespace, and by
 * listening port, kept in id order. A node no edge used is kept until such nodes pile up, so that a
 * node that comes back keeps its id and its built node. Not thread-safe.
 */
final class NodeRefs {
    /** Keep unused nodes until they are this many more than the used ones. */
    private static final int SLACK = 1024;

    private record RemoteKey(InetAddress address, String namespace) {
    }

    private record ListenerKey(Protocol protocol, int port, String namespace) {
    }

    private final Map<Long, NodeRef> processes = new HashMap<>();
    private final Map<RemoteKey, NodeRef> remotes = new HashMap<>();
    private final Map<ListenerKey, NodeRef> listeners = new HashMap<>();
    private final SortedById<NodeRef> sorted = new SortedById<>(ref -> ref.id);
    private int serials;

    NodeRef process(long pid) {
        return processes.computeIfAbsent(pid, key -> {
            NodeRef ref = NodeRef.process(pid, serials++);
            sorted.add(ref);
            return ref;
        });
    }

    /** The node of a remote address; {@code namespace} only for a loopback address of another namespace. */
    NodeRef remote(InetAddress address, String namespace) {
        return remotes.computeIfAbsent(new RemoteKey(address, namespace), key -> {
            NodeRef ref = NodeRef.remote(address, namespace, serials++);
            sorted.add(ref);
            return ref;
        });
    }

    NodeRef listener(Protocol protocol, int port, String namespace) {
        return listeners.computeIfAbsent(new ListenerKey(protocol, port, namespace), key -> {
            NodeRef ref = NodeRef.listener(protocol, port, namespace, serials++);
            sorted.add(ref);
            return ref;
        });
    }

    /** Every node, used or not, in id order: read it, do not keep it. */
    List<NodeRef> sorted() {
        return sorted.sorted();
    }

    /** Forgets the nodes not used in {@code round} once they pile up. */
    void prune(long round, int used) {
        if (sorted.size() <= used + SLACK) {
            return;
        }
        sorted.removeIf(ref -> ref.usedRound != round);
        processes.clear();
        remotes.clear();
        listeners.clear();
        for (NodeRef ref : sorted.sorted()) {
            switch (ref.kind) {
                case PROCESS -> processes.put(ref.pid, ref);
                case REMOTE -> remotes.put(new RemoteKey(ref.address, ref.namespace), ref);
                case LISTENER -> listeners.put(new ListenerKey(ref.protocol, ref.port, ref.namespace), ref);
                default -> throw new AssertionError(ref.kind);
            }
        }
    }
}
