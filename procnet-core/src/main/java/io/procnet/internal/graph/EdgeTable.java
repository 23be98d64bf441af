package io.procnet.internal.graph;

import io.procnet.graph.Edge;
import io.procnet.graph.EdgeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The edges of a stream of snapshots. Accumulators live as long as their edge, and are kept in
 * id order, so that each snapshot sorts only its new edges into an already sorted list.
 */
final class EdgeTable {
    private final Map<EdgeKey, EdgeAccumulator> byKey = new HashMap<>();
    private final SortedById<EdgeAccumulator> sorted = new SortedById<>(EdgeAccumulator::id);

    /** The accumulator of an edge, created when the edge is new. */
    EdgeAccumulator get(EdgeKey key, EdgeKind kind) {
        EdgeAccumulator accumulator = byKey.get(key);
        if (accumulator == null) {
            accumulator = new EdgeAccumulator(key, kind);
            byKey.put(key, accumulator);
            sorted.add(accumulator);
        }
        return accumulator;
    }

    /**
     * The edges that {@code pass} added connections to, sorted by id, with their nodes marked as
     * used in {@code round}; forgets the other edges.
     */
    List<Edge> build(long pass, long round) {
        List<EdgeAccumulator> all = sorted.sorted();
        List<Edge> edges = new ArrayList<>(all.size());
        boolean anyGone = false;
        for (int i = 0; i < all.size(); i++) {
            EdgeAccumulator accumulator = all.get(i);
            if (accumulator.seenIn(pass)) {
                accumulator.key().from().usedRound = round;
                accumulator.key().to().usedRound = round;
                edges.add(accumulator.build());
            } else {
                anyGone = true;
                byKey.remove(accumulator.key());
            }
        }
        if (anyGone) {
            sorted.removeIf(accumulator -> !accumulator.seenIn(pass));
        }
        return edges;
    }
}
