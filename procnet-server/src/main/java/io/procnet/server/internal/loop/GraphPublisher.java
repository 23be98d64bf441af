package io.procnet.server.internal.loop;

import io.procnet.graph.Edge;
import io.procnet.graph.Graph;
import io.procnet.graph.GraphDelta;
import io.procnet.graph.GraphDiff;
import io.procnet.graph.TopologyBuilder;
import io.procnet.model.CollectionIssue;
import io.procnet.model.Snapshot;
import io.procnet.server.internal.http.Body;
import io.procnet.server.internal.http.ContentTypes;
import io.procnet.server.internal.sse.SseEvent;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.Wire;
import io.procnet.server.internal.wire.WireDelta;
import io.procnet.server.internal.wire.WireHost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns each collection into the next published version: builds the graph, puts its rates on the
 * {@link RateScale}, diffs it against the version published last, and when anything changed
 * (a node, an edge, the issues, staleness, the collector) serialises the new version and the delta
 * to it once.
 * Versions go up by one per change and start at the server's start time in milliseconds, so a
 * client that comes back to a restarted server never takes the new versions for ones it has seen.
 * Used by the loop thread only; not thread-safe.
 */
public final class GraphPublisher {
    /** The issue code of a collection that failed; the graph shown is then the last good one. */
    public static final String COLLECTION_FAILED = "collection-failed";

    private final TopologyBuilder builder;
    private final WireHost host;
    private Published current;

    public GraphPublisher(TopologyBuilder builder, WireHost host, long firstVersion) {
        this.builder = builder;
        this.host = host;
        Graph empty = new Graph(firstVersion, Instant.EPOCH, "", List.of(), List.of(), List.of());
        this.current = publish(empty, null, false);
    }

    /** The version published last. */
    public Published current() {
        return current;
    }

    /**
     * Publishes what {@code snapshot} shows, with {@code problems} added to its issues.
     *
     * @return the new version and the delta event to it, or null when nothing changed
     */
    public Change collected(Snapshot snapshot, List<CollectionIssue> problems) {
        Graph built = builder.build(snapshot);
        List<Edge> edges = RateScale.settle(current.graph().edges(), built.edges());
        Graph next = new Graph(current.version() + 1, snapshot.takenAt(), snapshot.collectorId(), built.nodes(), edges,
                concat(built.issues(), problems));
        return advance(next, snapshot, false);
    }

    /** Keeps the last good graph, marked stale, with the failure and {@code problems} as its issues. */
    public Change failed(String error, List<CollectionIssue> problems) {
        Graph last = current.graph();
        Snapshot snapshot = current.snapshot();
        List<CollectionIssue> issues = new ArrayList<>(snapshot == null ? List.of() : snapshot.issues());
        issues.add(new CollectionIssue(COLLECTION_FAILED, error, 1));
        issues.addAll(problems);
        Graph next = new Graph(last.version() + 1, last.takenAt(), last.collectorId(), last.nodes(), last.edges(),
                issues);
        return advance(next, snapshot, true);
    }

    private Change advance(Graph next, Snapshot snapshot, boolean stale) {
        GraphDelta delta = GraphDiff.between(current.graph(), next);
        if (delta.isEmpty() && stale == current.stale() && next.issues().equals(current.graph().issues())
                && next.collectorId().equals(current.graph().collectorId())) {
            current = new Published(current.graph(), snapshot, stale, current.json(), current.event());
            return null;
        }
        WireDelta wire = Wire.delta(delta, next.takenAt(), next.collectorId(), stale, next.issues());
        SseEvent event = SseEvent.of("delta", next.version(), Json.bytes(wire));
        current = publish(next, snapshot, stale);
        return new Change(current, event);
    }

    private Published publish(Graph graph, Snapshot snapshot, boolean stale) {
        byte[] json = Json.bytes(Wire.graph(graph, host, stale));
        return new Published(graph, snapshot, stale,
                Body.tagged(json, ContentTypes.JSON, "no-cache", "v" + graph.version()),
                SseEvent.of("graph", graph.version(), json));
    }

    private static List<CollectionIssue> concat(List<CollectionIssue> first, List<CollectionIssue> second) {
        if (second.isEmpty()) {
            return first;
        }
        List<CollectionIssue> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** A new version and the delta event that leads to it. */
    public record Change(Published published, SseEvent delta) {
    }
}
