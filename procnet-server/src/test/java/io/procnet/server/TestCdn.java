package io.procnet.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A CDN for tests: the JDK's HTTP server on an ephemeral loopback port, answering each path as
 * told (a file with or without its length, a status, a redirect), 404 otherwise.
 */
final class TestCdn implements AutoCloseable {
    /** How a path is answered. */
    @FunctionalInterface
    interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();

    private TestCdn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                requested.add(path);
                exchange.getRequestBody().readAllBytes();
                answers.getOrDefault(path, status(404, "Not found: " + path)).send(exchange);
            }
        });
        server.start();
    }

    static TestCdn start() throws IOException {
        return new TestCdn();
    }

    /** {@code http://127.0.0.1:<port>}. */
    String base() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    TestCdn on(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    /** The paths asked for, in order. */
    List<String> requested() {
        return List.copyOf(requested);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** 200 with {@code Content-Length}. */
    static Answer file(byte[] body) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/javascript; charset=utf-8");
            if (body.length == 0) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            write(exchange, body);
        };
    }

    /** 200, chunked: no length declared. */
    static Answer chunked(byte[] body) {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0);
            write(exchange, body);
        };
    }

    static Answer status(int status, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            write(exchange, body);
        };
    }

    static Answer redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    /** A port nothing listens on (it was free a moment ago). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void write(HttpExchange exchange, byte[] body) throws IOException {
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
