package io.procnet.server.internal.wire;

import java.util.List;

/**
 * What turns the graph of version {@code from} into that of {@code version}: the nodes and edges
 * added, updated (the whole new value) and removed (by id), and the new {@code takenAt},
 * {@code collector}, {@code stale} and {@code issues}, which replace the old ones (a client that
 * started from the empty graph of a failing first collection learns the collector from a delta).
 */
public record WireDelta(long from, long version, String takenAt, String collector, boolean stale, List<WireIssue> issues,
                        List<WireNode> addedNodes, List<WireNode> updatedNodes, List<String> removedNodes,
                        List<WireEdge> addedEdges, List<WireEdge> updatedEdges, List<String> removedEdges) {
}
