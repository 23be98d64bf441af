package io.procnet.server;

import io.procnet.graph.Graph;
import io.procnet.server.internal.http.ThisHost;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.Wire;

/**
 * A graph as the JSON of {@code /api/graph} (see {@code docs/api.md}), for tools that export a graph
 * without serving it, such as {@code procnet snapshot --format json}. Thread-safe.
 */
public final class GraphJson {
    private GraphJson() {
    }

    /** The graph's JSON, UTF-8, naming this machine as its host. */
    public static byte[] of(Graph graph) {
        return Json.bytes(Wire.graph(graph, ThisHost.describe(), false));
    }
}
