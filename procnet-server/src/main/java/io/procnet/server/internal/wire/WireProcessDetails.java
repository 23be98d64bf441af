package io.procnet.server.internal.wire;

import java.util.List;

/** {@code /api/processes/{pid}}: the process, its node in the graph (null if it has none) and its sockets. */
public record WireProcessDetails(WireProcess process, WireNode node, List<WireSocket> sockets) {
}
