package io.procnet.server;

import io.procnet.server.internal.wire.WireDelta;
import io.procnet.server.internal.wire.WireEdge;
import io.procnet.server.internal.wire.WireGraph;
import io.procnet.server.internal.wire.WireNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the page does with the stream, as a pure function: a delta applied to the graph it leads
 * from. Strict where the page is lenient: a delta that adds what is there, updates or removes what
 * is not, or leaves an edge without an end is an error here, not a quiet repair.
 */
final class Replica {
    private Replica() {
    }

    /**
     * {@code graph} with {@code delta} applied: nodes and edges by id, sorted by id; time, collector,
     * staleness and issues replaced.
     */
    static WireGraph apply(WireGraph graph, WireDelta delta) {
        if (delta.from() != graph.version()) {
            throw new AssertionError("a delta from " + delta.from() + " applied to version " + graph.version());
        }
        Map<String, WireNode> nodes = new TreeMap<>();
        graph.nodes().forEach(node -> nodes.put(node.id(), node));
        Map<String, WireEdge> edges = new TreeMap<>();
        graph.edges().forEach(edge -> edges.put(edge.id(), edge));

        for (String id : delta.removedEdges()) {
            require(edges.remove(id) != null, "removes the edge " + id + " it does not have", delta);
        }
        for (String id : delta.removedNodes()) {
            require(nodes.remove(id) != null, "removes the node " + id + " it does not have", delta);
        }
        for (WireNode node : delta.addedNodes()) {
            require(nodes.put(node.id(), node) == null, "adds the node " + node.id() + " it has", delta);
        }
        for (WireNode node : delta.updatedNodes()) {
            require(nodes.put(node.id(), node) != null, "updates the node " + node.id() + " it does not have", delta);
        }
        for (WireEdge edge : delta.addedEdges()) {
            require(edges.put(edge.id(), edge) == null, "adds the edge " + edge.id() + " it has", delta);
        }
        for (WireEdge edge : delta.updatedEdges()) {
            require(edges.put(edge.id(), edge) != null, "updates the edge " + edge.id() + " it does not have", delta);
        }
        for (WireEdge edge : edges.values()) {
            require(nodes.containsKey(edge.from()) && nodes.containsKey(edge.to()), "leaves " + edge.id()
                    + " without an end", delta);
        }
        return new WireGraph(delta.version(), delta.takenAt(), delta.collector(), graph.host(), delta.stale(),
                List.copyOf(nodes.values()), List.copyOf(edges.values()), delta.issues());
    }

    private static void require(boolean condition, String what, WireDelta delta) {
        if (!condition) {
            throw new AssertionError("the delta " + delta.from() + " -> " + delta.version() + " " + what);
        }
    }
}
