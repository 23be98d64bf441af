package io.procnet.internal.graph;

import io.procnet.model.Protocol;

/** What edges aggregate by: client node, server node, protocol and server port. */
record EdgeKey(String from, String to, Protocol protocol, int serverPort) {
}
