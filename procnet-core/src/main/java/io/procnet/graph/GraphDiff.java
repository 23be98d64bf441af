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
        Changes<Node> nodes = compare(older.nodes(), newer.nodes(), Node::id);
        Changes<Edge> edges = compare(older.edges(), newer.edges(), Edge::id);
        return new GraphDelta(older.version(), newer.version(), nodes.added, nodes.updated, nodes.removed,
                edges.added, edges.updated, edges.removed);
    }

    /** A merge of two lists sorted by id: one pass, no hashing. */
    private static <T> Changes<T> compare(List<T> older, List<T> newer, Function<T, String> idOf) {
        Changes<T> changes = new Changes<>();
        int o = 0;
        int n = 0;
        while (o < older.size() || n < newer.size()) {
            if (o < older.size() && n < newer.size() && older.get(o) == newer.get(n)) {
                o++; // the same instance: unchanged, and no need to compare ids
                n++;
                continue;
            }
            int order = o == older.size() ? 1
                    : n == newer.size() ? -1
                    : idOf.apply(older.get(o)).compareTo(idOf.apply(newer.get(n)));
            if (order < 0) {
                changes.removed.add(idOf.apply(older.get(o++)));
            } else if (order > 0) {
                changes.added.add(newer.get(n++));
            } else {
                T before = older.get(o++);
                T after = newer.get(n++);
                if (before != after && !before.equals(after)) { // builders reuse unchanged elements
                    changes.updated.add(after);
                }
            }
        }
        return changes;
    }

    private static final class Changes<T> {
        final List<T> added = new ArrayList<>();
        final List<T> updated = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
    }
}
