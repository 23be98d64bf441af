package io.procnet.graph;

import java.util.List;

/**
 * What changed from one graph to the next. Apply in this order: remove edges, remove nodes,
 * add or update nodes, add or update edges. Immutable and thread-safe.
 *
 * @param fromVersion  version of the old graph
 * @param toVersion    version of the new graph
 * @param addedNodes   nodes only in the new graph
 * @param updatedNodes nodes in both whose content changed (new value)
 * @param removedNodes ids of nodes only in the old graph
 * @param addedEdges   edges only in the new graph
 * @param updatedEdges edges in both whose content changed (new value)
 * @param removedEdges ids of edges only in the old graph
 */
public record GraphDelta(long fromVersion, long toVersion, List<Node> addedNodes, List<Node> updatedNodes,
                         List<String> removedNodes, List<Edge> addedEdges, List<Edge> updatedEdges,
                         List<String> removedEdges) {

    public GraphDelta {
        addedNodes = List.copyOf(addedNodes);
        updatedNodes = List.copyOf(updatedNodes);
        removedNodes = List.copyOf(removedNodes);
        addedEdges = List.copyOf(addedEdges);
        updatedEdges = List.copyOf(updatedEdges);
        removedEdges = List.copyOf(removedEdges);
    }

    /** True when nothing changed. */
    public boolean isEmpty() {
        return addedNodes.isEmpty() && updatedNodes.isEmpty() && removedNodes.isEmpty()
                && addedEdges.isEmpty() && updatedEdges.isEmpty() && removedEdges.isEmpty();
    }
}
