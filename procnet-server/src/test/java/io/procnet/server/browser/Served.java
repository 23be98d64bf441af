package io.procnet.server.browser;

import io.procnet.server.ProcnetServer;
import io.procnet.server.RawHttp;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.WireEdge;
import io.procnet.server.internal.wire.WireGraph;
import io.procnet.server.internal.wire.WireProcessDetails;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What the server serves, read over HTTP, to compare the page with. */
final class Served {
    private Served() {
    }

    /** The server's graph now ({@code /api/graph}). */
    static WireGraph graph(ProcnetServer server) {
        return Json.read(get(server, "/api/graph"), WireGraph.class);
    }

    /** One process with its sockets ({@code /api/processes/{pid}}). */
    static WireProcessDetails process(ProcnetServer server, long pid) {
        return Json.read(get(server, "/api/processes/" + pid), WireProcessDetails.class);
    }

    /** The edge of this id in the server's graph. */
    static WireEdge edge(ProcnetServer server, String id) {
        return graph(server).edges().stream().filter(edge -> edge.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + id + " in the server's graph"));
    }

    private static byte[] get(ProcnetServer server, String target) {
        try {
            RawHttp.Response response = RawHttp.get(server.address(), target);
            if (response.status() != 200) {
                throw new AssertionError(target + " answered " + response.status() + ": " + response.text());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
