package io.procnet.internal.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;

/** Identifies one half of a connection; the other half has local and remote swapped. */
record ConnectionKey(Protocol protocol, Endpoint local, Endpoint remote) {

    static ConnectionKey of(SocketEntry socket) {
        return new ConnectionKey(socket.protocol(), socket.local(), socket.remote());
    }

    /** The key of the other half of this socket's connection. */
    static ConnectionKey peerOf(SocketEntry socket) {
        return new ConnectionKey(socket.protocol(), socket.remote(), socket.local());
    }
}
