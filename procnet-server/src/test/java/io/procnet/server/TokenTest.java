package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token over real HTTP: from the header, the cookie, or once from the URL for the cookie. */
class TokenTest {
    private static final ScriptedSource SOURCE = new ScriptedSource(tick -> new TestSnapshots()
            .listen(10, "0.0.0.0:5432").at(0));
    private static ProcnetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.builder(SOURCE, 100).token("s3cret").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTokenGivenAppliesOnLoopbackToo() {
        assertThat(server.token()).contains("s3cret");
        assertThat(server.url().toString()).endsWith("/?token=s3cret");
    }

    @Test
    void withoutTheTokenEveryPathGets401Json() throws Exception {
        for (String target : new String[] {"/", "/api/graph", "/api/events", "/api/processes/10",
                "/vendor/manifest.json", "/icons/app.png", "/nope"}) {
            RawHttp.Response response = RawHttp.get(server.address(), target);
            assertThat(response.status()).as(target).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(response.text()).startsWith("{\"status\":401,\"error\":\"").doesNotContain("proc:10");
        }
    }

    @Test
    void aWrongTokenGets401WhereverItIs() throws Exception {
        for (Map<String, String> headers : java.util.List.of(Map.of("Authorization", "Bearer s3creT"),
                Map.of("Authorization", "Bearer s3cret2"), Map.of("Authorization", "Basic czNjcmV0"),
                Map.of("Cookie", "procnet_token=wrong"), Map.of("Cookie", "other=s3cret"))) {
            RawHttp.Response response = RawHttp.request(server.address(), "GET", "/api/graph", headers);
            assertThat(response.status()).as(headers.toString()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        RawHttp.Response inUrl = RawHttp.get(server.address(), "/?token=wrong");
        assertThat(inUrl.status()).isEqualTo(401);
        assertThat(inUrl.header("Set-Cookie")).isNull();
        assertThat(inUrl.header("Location")).isNull();
    }

    @Test
    void theBearerHeaderIsEnough() throws Exception {
        RawHttp.Response response = RawHttp.request(server.address(), "GET", "/api/graph",
                Map.of("Authorization", "Bearer s3cret"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("proc:10");
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void theTokenInTheUrlIsExchangedForACookieAndARedirectWithoutIt() throws Exception {
        RawHttp.Response redirect = RawHttp.get(server.address(), "/?token=s3cret&x=1");
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.header("Location")).isEqualTo("/?x=1");
        String cookie = redirect.header("Set-Cookie");
        assertThat(cookie).startsWith("procnet_token=s3cret;").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/");
        assertThat(redirect.rawBody()).isEmpty();

        RawHttp.Response followed = RawHttp.request(server.address(), "GET", redirect.header("Location"),
                Map.of("Cookie", "procnet_token=s3cret"));
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.header("Content-Type")).startsWith("text/html");
        RawHttp.Response api = RawHttp.request(server.address(), "GET", "/api/graph",
                Map.of("Cookie", "theme=dark; procnet_token=s3cret"));
        assertThat(api.status()).isEqualTo(200);
    }

    @Test
    void theRedirectKeepsThePathAndTheOtherParametersInOrder() throws Exception {
        assertThat(RawHttp.get(server.address(), "/?token=s3cret").header("Location")).isEqualTo("/");
        assertThat(RawHttp.get(server.address(), "/?a=1&token=s3cret&b=2&c").header("Location"))
                .isEqualTo("/?a=1&b=2&c");
        assertThat(RawHttp.get(server.address(), "/api/graph?token=s3cret&q=%2F").header("Location"))
                .isEqualTo("/api/graph?q=%2F");
    }

    @Test
    void theRedirectDropsTheTokenHoweverItsNameIsEncoded() throws Exception {
        for (String target : new String[] {"/?to%6Ben=s3cret&x=1", "/?%74oken=s3cret&x=1",
                "/?TOKEN=a&token=s3cret&x=1"}) {
            RawHttp.Response redirect = RawHttp.get(server.address(), target);
            assertThat(redirect.status()).as(target).isEqualTo(303);
            assertThat(redirect.header("Location")).as(target).doesNotContain("s3cret").endsWith("x=1");
        }
    }

    @Test
    void theRedirectNeverLeavesTheHost() throws Exception {
        for (String target : new String[] {"//evil.example/?token=s3cret", "//evil.example?token=s3cret",
                "///evil.example/?token=s3cret", "/%2F%2Fevil.example/?token=s3cret"}) {
            RawHttp.Response response = RawHttp.get(server.address(), target);
            assertThat(response.status()).as(target).isEqualTo(303);
            assertThat(response.header("Location")).as(target).startsWith("/").doesNotStartWith("//")
                    .doesNotStartWith("/\\");
        }
        // forms a browser never sends, which Undertow refuses itself
        for (String target : new String[] {"http://evil.example/?token=s3cret", "/\\evil.example/?token=s3cret"}) {
            RawHttp.Response response = RawHttp.get(server.address(), target);
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.header("Location")).isNull();
        }
    }

    @Test
    void aWildcardBindGeneratesAToken() throws Exception {
        try (ProcnetServer wide = TestServers.builder(SOURCE, 100).host("0.0.0.0").start()) {
            Optional<String> token = wide.token();
            assertThat(token).hasValueSatisfying(value -> assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]+"));
            assertThat(wide.url().toString()).endsWith(":" + wide.address().getPort() + "/?token=" + token.get());
            int port = wide.address().getPort();
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            assertThat(RawHttp.get(loopback, "/api/graph").status()).isEqualTo(401);
            assertThat(RawHttp.request(loopback, "GET", "/api/graph", Map.of("Authorization", "Bearer " + token.get()))
                    .status()).isEqualTo(200);
            Optional<InetAddress> lan = nonLoopbackIpv4();
            if (lan.isPresent()) { // reached by this machine's own address, the Host check lets it by
                InetSocketAddress external = new InetSocketAddress(lan.get(), wide.address().getPort());
                assertThat(RawHttp.get(external, "/api/graph").status()).isEqualTo(401);
                assertThat(RawHttp.request(external, "GET", "/api/graph",
                        Map.of("Authorization", "Bearer " + token.get())).status()).isEqualTo(200);
                assertThat(RawHttp.request(external, "GET", "/api/graph", Map.of("Authorization",
                        "Bearer " + token.get(), "Host", "evil.example:" + wide.address().getPort())).status())
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void aWildcardBindKeepsATokenGiven() throws Exception {
        try (ProcnetServer wide = TestServers.builder(SOURCE, 100).host("0.0.0.0").token("s3cret").start()) {
            assertThat(wide.token()).contains("s3cret");
        }
    }

    private static Optional<InetAddress> nonLoopbackIpv4() throws Exception {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
