package io.procnet.server.internal.loop;

import io.procnet.graph.Graph;
import io.procnet.model.Snapshot;
import io.procnet.server.internal.http.Body;
import io.procnet.server.internal.sse.SseEvent;

/**
 * What the loop hands out for one version of the graph: the graph (its version is the server's),
 * the snapshot it was built from, and the bytes of {@code /api/graph} and of the SSE {@code graph}
 * event, made once. Immutable, so request threads read it without a lock.
 *
 * @param graph    the graph; its issues are the collector's, the loop's and the extra problems
 * @param snapshot the snapshot of the last good collection, or null before the first
 * @param stale    true when the last collection failed
 * @param json     {@code /api/graph}
 * @param event    the {@code graph} event
 */
public record Published(Graph graph, Snapshot snapshot, boolean stale, Body json, SseEvent event) {

    public long version() {
        return graph.version();
    }
}
