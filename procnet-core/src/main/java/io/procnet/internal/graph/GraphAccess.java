package io.procnet.internal.graph;

import io.procnet.graph.Graph;
import io.procnet.graph.Node;
import io.procnet.graph.Edge;
import io.procnet.model.CollectionIssue;
import java.time.Instant;
import java.util.List;

/**
 * Makes a {@link Graph} of lists the assembler built sorted by id, with distinct ids and every
 * edge's ends among the nodes, without checking or copying them again: at 100k sockets the
 * public constructor's checks cost as much as the rest of an unchanged round. {@code Graph}
 * registers the maker when it is initialised; the package is not exported, so nothing outside
 * the module can make an unchecked graph.
 */
public final class GraphAccess {
    /** Makes a graph of trusted lists, which the caller hands over and no longer touches. */
    @FunctionalInterface
    public interface Maker {
        Graph make(long version, Instant takenAt, String collectorId, List<Node> nodes, List<Edge> edges,
                   List<CollectionIssue> issues);
    }

    private static volatile Maker maker;

    private GraphAccess() {
    }

    /** Called once, by {@code Graph}'s static initialiser. */
    public static void register(Maker graphMaker) {
        maker = graphMaker;
    }

    static Graph trusted(long version, Instant takenAt, String collectorId, List<Node> nodes, List<Edge> edges,
                         List<CollectionIssue> issues) {
        if (maker == null) {
            Graph.empty(); // initialises Graph, which registers the maker
        }
        return maker.make(version, takenAt, collectorId, nodes, edges, issues);
    }
}
