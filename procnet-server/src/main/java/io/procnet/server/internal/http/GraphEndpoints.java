package io.procnet.server.internal.http;

import io.procnet.server.internal.loop.CollectionLoop;
import io.procnet.server.internal.loop.Health;
import io.procnet.server.internal.sse.EventHub;
import io.procnet.server.internal.sse.Subscriber;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.Wire;
import io.procnet.server.internal.wire.WireHealth;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * {@code /api/graph}, {@code /api/events} and {@code /api/health}: each sends what the loop made,
 * and makes nothing but the small health record.
 */
public final class GraphEndpoints {
    private static final HttpString ACCEL_BUFFERING = new HttpString("X-Accel-Buffering");

    private final EventHub hub;
    private final CollectionLoop loop;
    private final long clientBufferBytes;

    public GraphEndpoints(EventHub hub, CollectionLoop loop, long clientBufferBytes) {
        this.hub = hub;
        this.loop = loop;
        this.clientBufferBytes = clientBufferBytes;
    }

    public void graph(HttpServerExchange exchange) {
        Responses.send(exchange, hub.current().json());
    }

    public void health(HttpServerExchange exchange) {
        Health health = loop.health();
        WireHealth body = new WireHealth(health.error() == null && health.lastCollection() != null,
                hub.current().graph().collectorId(), Wire.time(health.lastCollection()),
                health.collectionNanos() / 1e6, health.tickNanos() / 1e6, health.sockets(), hub.current().version(),
                hub.clients(), hub.dropped(), health.error());
        Responses.send(exchange, Body.of(Json.bytes(body), ContentTypes.JSON, "no-store"));
    }

    /** Opens an event stream: the whole graph (or the deltas missed since Last-Event-ID), then each delta. */
    public void events(HttpServerExchange exchange) {
        var headers = exchange.getResponseHeaders();
        headers.put(Headers.CONTENT_TYPE, ContentTypes.EVENT_STREAM);
        headers.put(Headers.CACHE_CONTROL, "no-cache");
        headers.put(ACCEL_BUFFERING, "no"); // a proxy must pass each event on at once
        boolean gzip = Responses.acceptsGzip(exchange.getRequestHeaders().getFirst(Headers.ACCEPT_ENCODING));
        if (gzip) {
            headers.put(Headers.CONTENT_ENCODING, "gzip");
            headers.put(new HttpString("Vary"), "Accept-Encoding");
        }
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
            return;
        }
        exchange.setPersistent(false);
        Subscriber subscriber = new Subscriber(exchange.getResponseChannel(), exchange.getConnection(), gzip,
                clientBufferBytes, hub::unsubscribe);
        hub.subscribe(subscriber, lastEventId(exchange), System.nanoTime());
    }

    /** The version the client has: its Last-Event-ID, or null when it has none or it is not a version. */
    static Long lastEventId(HttpServerExchange exchange) {
        String id = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        if (id == null) {
            return null;
        }
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
