package io.procnet.graph;

import io.procnet.model.CollectionIssue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The topology of one snapshot: process, remote and listener nodes and the aggregated edges
 * between them, each list sorted by id. Immutable and thread-safe.
 */
public final class Graph {
    private static final Graph EMPTY = new Graph(0, Instant.EPOCH, "", List.of(), List.of(), List.of());

    private final long version;
    private final Instant takenAt;
    private final String collectorId;
    private final List<Node> nodes;
    private final List<Edge> edges;
    private final List<CollectionIssue> issues;
    private final Map<String, Node> nodesById;
    private final Map<String, Edge> edgesById;

    /**
     * @param version     increases by one with every graph a builder makes
     * @param takenAt     when the snapshot was taken
     * @param collectorId the collector that took it
     * @param nodes       nodes with distinct ids
     * @param edges       edges with distinct ids, whose ends are among {@code nodes}
     * @param issues      what the collector could not see
     */
    public Graph(long version, Instant takenAt, String collectorId, List<? extends Node> nodes, List<Edge> edges,
                 List<CollectionIssue> issues) {
        this.version = version;
        this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
        this.collectorId = Objects.requireNonNull(collectorId, "collectorId");
        this.issues = List.copyOf(issues);
        this.nodesById = index(nodes, Node::id, "node");
        this.edgesById = index(edges, Edge::id, "edge");
        for (Edge edge : edges) {
            if (!nodesById.containsKey(edge.from()) || !nodesById.containsKey(edge.to())) {
                throw new IllegalArgumentException("edge " + edge.id() + " has an end that is not a node");
            }
        }
        this.nodes = sortedById(nodes, Node::id);
        this.edges = sortedById(edges, Edge::id);
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

    /** The node with this id, or null. */
    public Node node(String id) {
        return nodesById.get(id);
    }

    /** The edge with this id, or null. */
    public Edge edge(String id) {
        return edgesById.get(id);
    }

    @Override
    public String toString() {
        return "Graph[version=" + version + ", nodes=" + nodes.size() + ", edges=" + edges.size() + "]";
    }

    private static <T> Map<String, T> index(List<? extends T> items, Function<T, String> id,
                                            String what) {
        Map<String, T> byId = new HashMap<>(Math.max(16, items.size() * 4 / 3 + 1));
        for (T item : items) {
            if (byId.put(id.apply(item), item) != null) {
                throw new IllegalArgumentException("duplicate " + what + " id " + id.apply(item));
            }
        }
        return byId;
    }

    private static <T> List<T> sortedById(List<? extends T> items, Function<T, String> id) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(id));
        return List.copyOf(sorted);
    }
}
