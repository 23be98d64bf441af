package io.procnet.internal.graph;

import io.procnet.model.SocketEntry;

/**
 * The network namespace an endpoint belongs to, as far as a snapshot tells: a socket's own end
 * is in its namespace, and so is the other end of a loopback connection; the other end of any
 * other connection is in its peer's namespace when the peer is known, else in any.
 *
 * @param namespace the namespace (null: the collector's own)
 * @param any       true when the namespace is not known: listeners of every namespace may match
 */
record Scope(String namespace, boolean any) {

    static Scope ofLocal(SocketEntry socket) {
        return new Scope(socket.namespace(), false);
    }

    static Scope ofRemote(SocketEntry socket, SocketEntry peer) {
        if (peer != null) {
            return new Scope(peer.namespace(), false);
        }
        return socket.remote().address().isLoopbackAddress() ? new Scope(socket.namespace(), false)
                : new Scope(null, true);
    }

    boolean includes(String listenerNamespace) {
        return any || java.util.Objects.equals(namespace, listenerNamespace);
    }
}
