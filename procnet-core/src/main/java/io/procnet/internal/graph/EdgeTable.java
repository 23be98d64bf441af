package io.procnet.internal.graph;

import io.procnet.graph.Edge;
import io.procnet.graph.EdgeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The edges of a stream of snapshots. Accumulators live as long as their edge, and are kept in
 * id order, so that each snapshot sorts only its new edges into an already sorted list.
 */
final class EdgeTable {
    private static final Comparator<EdgeAccumulator> BY_ID = Comparator.comparing(EdgeAccumulator::id);
    /** Up to this many new edges are inserted one by one; more are merged in one pass. */
    private static final int FEW = 64;

    private final Map<EdgeKey, EdgeAccumulator> byKey = new HashMap<>();
    private final List<EdgeAccumulator> sorted = new ArrayList<>();
    private final List<EdgeAccumulator> added = new ArrayList<>();

    /** The accumulator of an edge, created when the edge is new. */
    EdgeAccumulator get(EdgeKey key, EdgeKind kind) {
        EdgeAccumulator accumulator = byKey.get(key);
        if (accumulator == null) {
            accumulator = new EdgeAccumulator(key, kind);
            byKey.put(key, accumulator);
            added.add(accumulator);
        }
        return accumulator;
    }

    /** The edges that {@code round} added connections to, sorted by id; forgets the others. */
    List<Edge> build(long round, double seconds) {
        sorted.removeIf(accumulator -> {
            boolean gone = !accumulator.seenIn(round);
            if (gone) {
                byKey.remove(accumulator.key());
            }
            return gone;
        });
        added.sort(BY_ID);
        merge(added);
        added.clear();
        List<Edge> edges = new ArrayList<>(sorted.size());
        for (EdgeAccumulator accumulator : sorted) {
            edges.add(accumulator.build(seconds));
        }
        return edges;
    }

    /**
     * Puts the sorted new accumulators into the sorted list: a few by binary search (the usual
     * snapshot adds a handful of edges to thousands), many in one merging pass.
     */
    private void merge(List<EdgeAccumulator> newOnes) {
        if (newOnes.size() <= FEW) {
            for (EdgeAccumulator accumulator : newOnes) {
                int at = Collections.binarySearch(sorted, accumulator, BY_ID);
                sorted.add(-at - 1, accumulator);
            }
            return;
        }
        List<EdgeAccumulator> merged = new ArrayList<>(sorted.size() + newOnes.size());
        int a = 0;
        int b = 0;
        while (a < sorted.size() || b < newOnes.size()) {
            boolean takeOld = b == newOnes.size()
                    || a < sorted.size() && sorted.get(a).id().compareTo(newOnes.get(b).id()) < 0;
            merged.add(takeOld ? sorted.get(a++) : newOnes.get(b++));
        }
        sorted.clear();
        sorted.addAll(merged);
    }
}
