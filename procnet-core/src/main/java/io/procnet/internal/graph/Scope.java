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
    /** Shared instances for the common cases, since a scope is asked for per connection. */
    private static final Scope OWN = new Scope(null, false);
    private static final Scope ANY = new Scope(null, true);

    static Scope ofLocal(SocketEntry socket) {
        return of(socket.namespace());
    }

    static Scope ofRemote(SocketEntry socket, SocketEntry peer) {
        if (peer != null) {
            return of(peer.namespace());
        }
        return socket.remote().address().isLoopbackAddress() ? of(socket.namespace()) : ANY;
    }

    private static Scope of(String namespace) {
        return namespace == null ? OWN : new Scope(namespace, false);
    }

    boolean includes(String listenerNamespace) {
        return any || java.util.Objects.equals(namespace, listenerNamespace);
    }
}
