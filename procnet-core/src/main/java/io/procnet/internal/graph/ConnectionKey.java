package io.procnet.internal.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;

/**
 * Identifies one half of a connection; the other half has local and remote swapped. A loopback
 * connection lives in one network namespace, and the same loopback addresses in another
 * namespace are another connection, so loopback keys carry the namespace ({@code scope}).
 */
record ConnectionKey(Protocol protocol, Endpoint local, Endpoint remote, String scope) {

    static ConnectionKey of(SocketEntry socket) {
        return new ConnectionKey(socket.protocol(), socket.local(), socket.remote(), scopeOf(socket));
    }

    /** The key of the other half of this socket's connection. */
    static ConnectionKey peerOf(SocketEntry socket) {
        return new ConnectionKey(socket.protocol(), socket.remote(), socket.local(), scopeOf(socket));
    }

    /** The key of a local endpoint alone, for counting the connections that share it. */
    static ConnectionKey localOf(SocketEntry socket) {
        return new ConnectionKey(socket.protocol(), socket.local(), null, scopeOf(socket));
    }

    /** Spreads keys that differ in a few bits of their endpoints over the whole table. */
    @Override
    public int hashCode() {
        return Hashing.mix(local.hashCode(), remote == null ? 0 : remote.hashCode(), protocol.ordinal());
    }

    private static String scopeOf(SocketEntry socket) {
        return socket.local().address().isLoopbackAddress() ? socket.namespace() : null;
    }
}
