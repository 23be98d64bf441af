package io.procnet.internal.graph;

import io.procnet.graph.DirectionReason;

/** Which end of a {@link Connection} is the server, and which heuristic said so. */
record Verdict(DirectionReason reason, boolean remoteIsServer) {
}
