package io.procnet.server.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends each request to the handler of its exact path or of the longest matching prefix; else 404 JSON. */
public final class Router implements HttpHandler {
    private final Map<String, HttpHandler> exact = new LinkedHashMap<>();
    private final Map<String, PrefixHandler> prefixes = new LinkedHashMap<>();

    /** A handler given the rest of the path after its prefix, decoded. */
    @FunctionalInterface
    public interface PrefixHandler {
        void handle(HttpServerExchange exchange, String rest) throws Exception;
    }

    public Router exact(String path, HttpHandler handler) {
        exact.put(path, handler);
        return this;
    }

    public Router prefix(String prefix, PrefixHandler handler) {
        prefixes.put(prefix, handler);
        return this;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRelativePath();
        HttpHandler handler = exact.get(path);
        if (handler != null) {
            handler.handleRequest(exchange);
            return;
        }
        String longest = null;
        for (String prefix : prefixes.keySet()) {
            if (path.startsWith(prefix) && (longest == null || prefix.length() > longest.length())) {
                longest = prefix;
            }
        }
        if (longest != null) {
            prefixes.get(longest).handle(exchange, path.substring(longest.length()));
            return;
        }
        Responses.error(exchange, 404, "no such path: " + path);
    }
}
