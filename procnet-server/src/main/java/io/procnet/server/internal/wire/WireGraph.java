package io.procnet.server.internal.wire;

import java.util.List;

/**
 * The whole graph: {@code /api/graph}, the SSE {@code graph} event and {@code snapshot --format json}.
 * {@code stale} is true when the last collection failed and this is the last graph that did not.
 */
public record WireGraph(long version, String takenAt, String collector, WireHost host, boolean stale,
                        List<WireNode> nodes, List<WireEdge> edges, List<WireIssue> issues) {
}
