package io.procnet.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Computes the {@link GraphDelta} between two graphs. Stateless and thread-safe. */
public final class GraphDiff {
    private GraphDiff() {
    }

    /**
     * The changes that turn {@code older} into {@code newer}. An element that is equal in both is
     * not in the delta, so the delta of two equal graphs is empty. Use {@link Graph#empty()} as
     * {@code older} for a first full delta.
     */
    public static GraphDelta between(Graph older, Graph newer) {
        List<Node> addedNodes = new ArrayList<>();
        List<Node> updatedNodes = new ArrayList<>();
        List<String> removedNodes = new ArrayList<>();
        compare(older.nodes(), newer.nodes(), Node::id, older::node, newer::node,
                addedNodes, updatedNodes, removedNodes);
        List<Edge> addedEdges = new ArrayList<>();
        List<Edge> updatedEdges = new ArrayList<>();
        List<String> removedEdges = new ArrayList<>();
        compare(older.edges(), newer.edges(), Edge::id, older::edge, newer::edge,
                addedEdges, updatedEdges, removedEdges);
        return new GraphDelta(older.version(), newer.version(), addedNodes, updatedNodes, removedNodes,
                addedEdges, updatedEdges, removedEdges);
    }

    private static <T> void compare(List<T> olderItems, List<T> newerItems, Function<T, String> id,
                                    Function<String, T> inOlder, Function<String, T> inNewer,
                                    List<T> added, List<T> updated, List<String> removed) {
        for (T item : newerItems) {
            T before = inOlder.apply(id.apply(item));
            if (before == null) {
                added.add(item);
            } else if (!before.equals(item)) {
                updated.add(item);
            }
        }
        for (T item : olderItems) {
            String itemId = id.apply(item);
            if (inNewer.apply(itemId) == null) {
                removed.add(itemId);
            }
        }
    }
}
