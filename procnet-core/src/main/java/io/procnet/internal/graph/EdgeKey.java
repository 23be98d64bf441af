package io.procnet.internal.graph;

import io.procnet.model.Protocol;

/** What edges aggregate by: client node, server node, protocol and server port. Nodes compare by reference. */
record EdgeKey(NodeRef from, NodeRef to, Protocol protocol, int serverPort) {

    @Override
    public boolean equals(Object other) {
        return other instanceof EdgeKey key && key.from == from && key.to == to && key.protocol == protocol
                && key.serverPort == serverPort;
    }

    /** Serial numbers differ in a few low bits: mix, so that keys spread over the table. */
    @Override
    public int hashCode() {
        return Hashing.mix(from.serial, to.serial, serverPort << 1 | protocol.ordinal());
    }
}
