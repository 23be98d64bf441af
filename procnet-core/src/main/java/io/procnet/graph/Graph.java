package io.procnet.graph;

import io.procnet.internal.graph.GraphAccess;
import io.procnet.model.CollectionIssue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The topology of one snapshot: process, remote and listener nodes and the aggregated edges
 * between them, each list sorted by id. Immutable and thread-safe.
 */
public final class Graph {
    private static final Graph EMPTY = new Graph(0, Instant.EPOCH, "", List.of(), List.of(), List.of());

    static {
        // The module's own builder hands over lists it made sorted and consistent, and keeps no reference.
        GraphAccess.register((version, takenAt, collectorId, nodes, edges, issues) -> new Graph(version, takenAt,
                collectorId, Collections.unmodifiableList(nodes), Collections.unmodifiableList(edges),
                List.copyOf(issues), true));
    }

    private final long version;
    private final Instant takenAt;
    private final String collectorId;
    private final List<Node> nodes;
    private final List<Edge> edges;
    private final List<CollectionIssue> issues;

    /**
     * @param version     increases by one with every graph a builder makes
     * @param takenAt     when the snapshot was taken
     * @param collectorId the collector that took it
     * @param nodes       nodes with distinct ids, in any order
     * @param edges       edges with distinct ids whose ends are among {@code nodes}, in any order
     * @param issues      what the collector could not see
     */
    public Graph(long version, Instant takenAt, String collectorId, List<? extends Node> nodes, List<Edge> edges,
                 List<CollectionIssue> issues) {
        this.version = version;
        this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
        this.collectorId = Objects.requireNonNull(collectorId, "collectorId");
        this.issues = List.copyOf(issues);
        this.nodes = sortedById(nodes, Node::id, "node");
        this.edges = sortedById(edges, Edge::id, "edge");
        Set<String> nodeIds = new HashSet<>(this.nodes.size() * 4 / 3 + 1);
        for (Node node : this.nodes) {
            nodeIds.add(node.id());
        }
        for (Edge edge : this.edges) {
            if (!nodeIds.contains(edge.from()) || !nodeIds.contains(edge.to())) {
                throw new IllegalArgumentException("edge " + edge.id() + " has an end that is not a node");
            }
        }
    }

    /** A graph of lists already sorted, distinct and consistent: nothing is checked or copied. */
    private Graph(long version, Instant takenAt, String collectorId, List<Node> nodes, List<Edge> edges,
                  List<CollectionIssue> issues, boolean trusted) {
        this.version = version;
        this.takenAt = takenAt;
        this.collectorId = collectorId;
        this.nodes = nodes;
        this.edges = edges;
        this.issues = issues;
    }

    /** A graph with nothing in it, version 0: the start of a delta stream. */
    public static Graph empty() {
        return EMPTY;
    }

    public long version() {
        return version;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public String collectorId() {
        return collectorId;
    }

    /** All nodes, sorted by id. */
    public List<Node> nodes() {
        return nodes;
    }

    /** All edges, sorted by id. */
    public List<Edge> edges() {
        return edges;
    }

    public List<CollectionIssue> issues() {
        return issues;
    }

    /** The node with this id, or null; a binary search. */
    public Node node(String id) {
        return find(nodes, Node::id, id);
    }

    /** The edge with this id, or null; a binary search. */
    public Edge edge(String id) {
        return find(edges, Edge::id, id);
    }

    @Override
    public String toString() {
        return "Graph[version=" + version + ", nodes=" + nodes.size() + ", edges=" + edges.size() + "]";
    }

    private static <T> T find(List<T> sorted, Function<T, String> idOf, String id) {
        int low = 0;
        int high = sorted.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            T item = sorted.get(middle);
            int order = idOf.apply(item).compareTo(id);
            if (order == 0) {
                return item;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return null;
    }

    private static <T> List<T> sortedById(List<? extends T> items, Function<T, String> idOf, String what) {
        List<T> sorted = new ArrayList<>(items);
        if (!strictlyAscending(sorted, idOf)) { // a builder passes them sorted already
            sorted.sort(Comparator.comparing(idOf));
            for (int i = 1; i < sorted.size(); i++) {
                if (idOf.apply(sorted.get(i - 1)).equals(idOf.apply(sorted.get(i)))) {
                    throw new IllegalArgumentException("duplicate " + what + " id " + idOf.apply(sorted.get(i)));
                }
            }
        }
        return List.copyOf(sorted);
    }

    private static <T> boolean strictlyAscending(List<T> items, Function<T, String> idOf) {
        for (int i = 1; i < items.size(); i++) {
            if (idOf.apply(items.get(i - 1)).compareTo(idOf.apply(items.get(i))) >= 0) {
                return false;
            }
        }
        return true;
    }
}
