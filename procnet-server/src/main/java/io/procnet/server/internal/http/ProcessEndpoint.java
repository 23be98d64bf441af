package io.procnet.server.internal.http;

import io.procnet.server.internal.loop.Published;
import io.procnet.server.internal.sse.EventHub;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.Wire;
import io.procnet.server.internal.wire.WireProcessDetails;
import io.undertow.server.HttpServerExchange;

/** {@code /api/processes/{pid}}: one process of the last snapshot and every socket it holds. */
public final class ProcessEndpoint {
    private final EventHub hub;

    public ProcessEndpoint(EventHub hub) {
        this.hub = hub;
    }

    public void handle(HttpServerExchange exchange, String pidText) {
        long pid = parsePid(pidText);
        if (pid < 0) {
            Responses.error(exchange, 400, "not a process id: " + pidText);
            return;
        }
        Published published = hub.current();
        WireProcessDetails details = published.snapshot() == null ? null
                : Wire.processDetails(published.graph(), published.snapshot(), pid);
        if (details == null) {
            Responses.error(exchange, 404, "no process " + pid + " in the last snapshot");
            return;
        }
        Responses.send(exchange, Body.of(Json.bytes(details), ContentTypes.JSON, "no-store"));
    }

    /** The pid, or -1 when the text is not a decimal number of at most 18 digits. */
    static long parsePid(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(text);
    }
}
