package io.procnet.internal.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;

/** Identifies one half of a connection; the other half has local and remote swapped. */
record ConnectionKey(Protocol protocol, Endpoint local, Endpoint remote) {

    static ConnectionKey of(SocketEntry socket) {
        return new ConnectionKey(socket.protocol(), socket.local(), socket.remote());
    }

    /** Spreads keys that differ in a few bits of their endpoints over the whole table. */
    @Override
    public int hashCode() {
        return Hashing.mix(local.hashCode(), remote == null ? 0 : remote.hashCode(), protocol.ordinal());
    }

    /** The key of the other half of this socket's connection. */
    static ConnectionKey peerOf(SocketEntry socket) {
        return new ConnectionKey(socket.protocol(), socket.remote(), socket.local());
    }
}
