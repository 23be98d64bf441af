package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The security chain over real HTTP: the headers on every response, the Host check against DNS
 * rebinding, and only GET and HEAD. The token has {@link TokenTest}.
 */
class SecurityTest {
    private static ProcnetServer server;
    private static ProcnetServer withToken;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        // the same snapshot every tick, so that GET and HEAD see the same graph
        ScriptedSource source = new ScriptedSource(tick -> new TestSnapshots()
                .listen(10, "0.0.0.0:5432")
                .est(20, "127.0.0.1:40000", "127.0.0.1:5432")
                .at(0));
        server = TestServers.start(source, 100);
        port = server.address().getPort();
        withToken = TestServers.builder(source, 100).token("s3cret").start();
    }

    @AfterAll
    static void stop() {
        server.close();
        withToken.close();
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoCorsHeaders() throws Exception {
        InetSocketAddress address = server.address();
        Map<String, String> fromElsewhere = Map.of("Origin", "https://evil.example");
        List<RawHttp.Response> responses = new ArrayList<>();
        responses.add(RawHttp.request(address, "GET", "/", fromElsewhere));
        responses.add(RawHttp.request(address, "GET", "/api/graph", fromElsewhere));
        responses.add(RawHttp.request(address, "GET", "/api/health", fromElsewhere));
        responses.add(RawHttp.request(address, "HEAD", "/app.js", fromElsewhere));
        responses.add(RawHttp.request(address, "GET", "/vendor/manifest.json", fromElsewhere));
        String etag = RawHttp.get(address, "/procnet.css").header("ETag");
        responses.add(RawHttp.request(address, "GET", "/procnet.css", Map.of("If-None-Match", etag)));
        responses.add(RawHttp.get(address, "/nope"));
        responses.add(RawHttp.get(address, "/api/processes/abc"));
        responses.add(RawHttp.get(address, "/icons/..%2fsecret.png"));
        responses.add(RawHttp.request(address, "GET", "/", Map.of("Host", "evil.example:" + port)));
        responses.add(RawHttp.request(address, "POST", "/api/graph", fromElsewhere));
        responses.add(RawHttp.request(address, "OPTIONS", "/api/graph", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization")));
        responses.add(RawHttp.get(withToken.address(), "/"));
        responses.add(RawHttp.get(withToken.address(), "/?token=s3cret"));

        assertThat(responses).extracting(RawHttp.Response::status)
                .containsExactly(200, 200, 200, 200, 200, 304, 404, 400, 400, 403, 405, 405, 401, 303);
        for (RawHttp.Response response : responses) {
            assertSecurityHeaders(response.status(), response.headers());
        }
    }

    @Test
    void theEventStreamCarriesTheSecurityHeadersToo() throws Exception {
        try (SseClient client = SseClient.open(server.address(), false, null)) {
            assertSecurityHeaders(200, client.headers());
        }
    }

    @Test
    void theContentSecurityPolicyAllowsScriptsFromHereAndTheCdnOnly() throws Exception {
        String policy = RawHttp.get(server.address(), "/").header("Content-Security-Policy");
        String scripts = directive(policy, "script-src");
        assertThat(scripts.split(" ")).containsExactlyInAnyOrder("script-src", "'self'", "https://unpkg.com");
        assertThat(directive(policy, "default-src")).isEqualTo("default-src 'none'");
        assertThat(directive(policy, "connect-src")).isEqualTo("connect-src 'self'");
        assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:%d", "localhost:%d", "[::1]:%d", "127.1.2.3:%d"})
    void loopbackHostsAreAnswered(String host) throws Exception {
        RawHttp.Response response = RawHttp.request(server.address(), "GET", "/api/health",
                Map.of("Host", host.formatted(port)));
        assertThat(response.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:%d", "127.0.0.1.evil.example:%d", "localhost", "127.0.0.1",
        "evil.example", "[::2]:%d", "192.0.2.99:%d"})
    void otherHostsGet403Json(String host) throws Exception {
        RawHttp.Response response = RawHttp.request(server.address(), "GET", "/api/graph",
                Map.of("Host", host.formatted(port)));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.text()).startsWith("{\"status\":403,\"error\":\"").doesNotContain("\"nodes\"");
        assertSecurityHeaders(403, response.headers());
    }

    @Test
    void anotherPortOnLocalhostGets403() throws Exception {
        for (int other : List.of(port + 1, port - 1, 80)) {
            RawHttp.Response response = RawHttp.request(server.address(), "GET", "/api/graph",
                    Map.of("Host", "localhost:" + other));
            assertThat(response.status()).as("localhost:" + other).isEqualTo(403);
        }
    }

    /**
     * Undertow checks the syntax of {@code Host} itself, before any handler, and answers a malformed
     * one (or none, in HTTP/1.1) with an empty 400 of its own; those never reach the chain, so they
     * get neither the JSON nor the security headers, and nothing of the server's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"::1:%d", "0:0:0:0:0:0:0:1:%d", "localhost:1%d", "localhost:%d1", "[::1:%d"})
    void malformedHostsAreRefusedBeforeTheChain(String host) throws Exception {
        RawHttp.Response response = RawHttp.request(server.address(), "GET", "/api/graph",
                Map.of("Host", host.formatted(port)));
        assertThat(response.status()).isIn(400, 403);
        assertThat(response.text()).doesNotContain("\"nodes\"");
    }

    @Test
    void anHttp11RequestWithoutHostIsRefused() throws Exception {
        RawHttp.Response response = RawHttp.raw(server.address(),
                "GET /api/graph HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isIn(400, 403); // Undertow's own 400, as for a malformed Host
        assertThat(response.text()).doesNotContain("\"nodes\"");
    }

    @Test
    void anHttp10RequestWithoutHostGets403() throws Exception {
        RawHttp.Response response = RawHttp.raw(server.address(), "GET /api/graph HTTP/1.0\r\n\r\n");
        assertThat(response.status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"})
    void methodsOtherThanGetAndHeadGet405(String method) throws Exception {
        for (String target : List.of("/", "/api/graph", "/api/events", "/nope")) {
            RawHttp.Response response = RawHttp.request(server.address(), method, target, Map.of());
            assertThat(response.status()).as(method + " " + target).isEqualTo(405);
            assertThat(response.header("Allow")).isEqualTo("GET, HEAD");
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertSecurityHeaders(405, response.headers());
        }
    }

    @Test
    void aPostWithABodyGets405AndNothingIsRead() throws Exception {
        RawHttp.Response response = RawHttp.raw(server.address(), "POST /api/graph HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(response.status()).isEqualTo(405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/app.js", "/procnet.css", "/api/graph", "/api/health", "/vendor/manifest.json",
        "/nope"})
    void headHasTheHeadersOfGetAndNoBody(String target) throws Exception {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Accept-Encoding", "gzip"))) {
            RawHttp.Response get = RawHttp.request(server.address(), "GET", target, headers);
            RawHttp.Response head = RawHttp.request(server.address(), "HEAD", target, headers);
            assertThat(head.status()).isEqualTo(get.status());
            for (String name : List.of("Content-Type", "Content-Length", "Content-Encoding", "Cache-Control", "Vary",
                    "Content-Security-Policy")) {
                if (!target.equals("/api/health") || !name.equals("Content-Length")) { // its timings change
                    assertThat(head.header(name)).as(target + " " + name).isEqualTo(get.header(name));
                }
            }
            if (!target.equals("/api/health")) {
                assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
            }
            assertThat(Integer.parseInt(get.header("Content-Length"))).isEqualTo(get.rawBody().length).isPositive();
            assertThat(head.rawBody()).isEmpty();
        }
    }

    @Test
    void headOfTheEventStreamHasItsHeadersAndEnds() throws Exception {
        RawHttp.Response head = RawHttp.request(server.address(), "HEAD", "/api/events", Map.of());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).startsWith("text/event-stream");
        assertThat(head.rawBody()).isEmpty();
    }

    /** The security headers, and no CORS header: the page and the API are same-origin only. */
    static void assertSecurityHeaders(int status, Map<String, String> headers) {
        String as = "a " + status + " response";
        assertThat(headers.get("content-security-policy")).as(as).isEqualTo(
                "default-src 'none'; script-src 'self' https://unpkg.com; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; "
                        + "form-action 'none'; frame-ancestors 'none'");
        assertThat(directive(headers.get("content-security-policy"), "script-src")).as(as)
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(headers.get("x-content-type-options")).as(as).isEqualTo("nosniff");
        assertThat(headers.get("referrer-policy")).as(as).isEqualTo("no-referrer");
        assertThat(headers.get("x-frame-options")).as(as).isEqualTo("DENY");
        assertThat(headers.keySet()).as(as).noneMatch(name -> name.startsWith("access-control-"));
    }

    private static String directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            if (directive.trim().startsWith(name + " ")) {
                return directive.trim();
            }
        }
        throw new AssertionError("no " + name + " in " + policy);
    }
}
