package io.procnet.internal.graph;

import io.procnet.model.Protocol;

/** What edges aggregate by: client node, server node, protocol and server port. */
record EdgeKey(String from, String to, Protocol protocol, int serverPort) {

    /** Node ids share long prefixes and differ in a few digits: mix, so that keys spread over the table. */
    @Override
    public int hashCode() {
        return Hashing.mix(from.hashCode(), to.hashCode(), serverPort << 1 | protocol.ordinal());
    }
}
