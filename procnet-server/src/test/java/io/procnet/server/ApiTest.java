package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /api/graph}, {@code /api/processes/{pid}} and {@code /api/health} over real HTTP. */
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProcnetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.builder(new ScriptedSource(tick -> new TestSnapshots()
                .process(10, "postgres", "postgres -D /var/lib/pg")
                .listen(10, "0.0.0.0:5432")
                .est(10, "127.0.0.1:5432", "127.0.0.1:40000", 5_000, 1_000)
                .est(20, "127.0.0.1:40000", "127.0.0.1:5432", 1_000, 5_000)
                .udp(10, "[::]:5353", null)
                .at(0)), 50).heartbeat(Duration.ofMillis(50)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theGraphIsJsonWithTheProcessesAndTheirEdge() throws Exception {
        RawHttp.Response response = RawHttp.get(server.address(), "/api/graph");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        JsonNode graph = JSON.readTree(response.body());
        assertThat(graph.get("collector").asText()).isEqualTo("scripted");
        assertThat(graph.get("stale").asBoolean()).isFalse();
        assertThat(graph.get("nodes").findValuesAsText("id")).contains("proc:10", "proc:20");
        assertThat(graph.get("edges").findValuesAsText("id")).contains("tcp:proc:20->proc:10:5432");
    }

    @Test
    void aKnownProcessComesWithItsSocketsAndNode() throws Exception {
        RawHttp.Response response = RawHttp.get(server.address(), "/api/processes/10");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode details = JSON.readTree(response.body());
        assertThat(details.get("process").get("pid").asLong()).isEqualTo(10);
        assertThat(details.get("process").get("name").asText()).isEqualTo("postgres");
        assertThat(details.get("process").get("commandLine").asText()).isEqualTo("postgres -D /var/lib/pg");
        assertThat(details.get("node").get("id").asText()).isEqualTo("proc:10");
        assertThat(details.get("node").get("kind").asText()).isEqualTo("PROCESS");
        assertThat(details.get("node").get("listeningPorts").get(0).asInt()).isEqualTo(5432);

        JsonNode sockets = details.get("sockets");
        assertThat(sockets).hasSize(3);
        JsonNode listener = socket(sockets, "LISTEN");
        assertThat(listener.get("protocol").asText()).isEqualTo("TCP");
        assertThat(listener.get("local").get("address").asText()).isEqualTo("0.0.0.0");
        assertThat(listener.get("local").get("port").asInt()).isEqualTo(5432);
        assertThat(listener.get("remote").isNull()).isTrue();
        assertThat(listener.get("traffic").isNull()).isTrue();

        JsonNode connection = socket(sockets, "ESTABLISHED");
        assertThat(connection.get("protocol").asText()).isEqualTo("TCP");
        assertThat(connection.get("local").get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(connection.get("local").get("port").asInt()).isEqualTo(5432);
        assertThat(connection.get("remote").get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(connection.get("remote").get("port").asInt()).isEqualTo(40000);
        JsonNode traffic = connection.get("traffic");
        assertThat(traffic.get("bytesSent").asLong()).isEqualTo(5_000);
        assertThat(traffic.get("bytesReceived").asLong()).isEqualTo(1_000);
        assertThat(traffic.get("segmentsSent").asLong()).isEqualTo(5);
        assertThat(traffic.get("roundTripMicros").asLong()).isEqualTo(2_000);

        JsonNode udp = socket(sockets, "BOUND");
        assertThat(udp.get("protocol").asText()).isEqualTo("UDP");
        assertThat(udp.get("local").get("address").asText()).isEqualTo("::");
        assertThat(udp.get("local").get("port").asInt()).isEqualTo(5353);
    }

    @Test
    void theOtherEndOfTheConnectionHasItsOwnSocket() throws Exception {
        JsonNode details = JSON.readTree(RawHttp.get(server.address(), "/api/processes/20").body());
        assertThat(details.get("sockets")).hasSize(1);
        JsonNode socket = details.get("sockets").get(0);
        assertThat(socket.get("local").get("port").asInt()).isEqualTo(40000);
        assertThat(socket.get("remote").get("port").asInt()).isEqualTo(5432);
        assertThat(socket.get("state").asText()).isEqualTo("ESTABLISHED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "11", "999999", "999999999999999999"})
    void anUnknownProcessGets404Json(String pid) throws Exception {
        RawHttp.Response response = RawHttp.get(server.address(), "/api/processes/" + pid);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.5", "99999999999999999999", "1e3", "0x10", "+10", "10%20", "%2010", "",
        "10/sockets", "%31%30x", "%D9%A1%D9%A0"})
    void aPidThatIsNotANumberGets400Json(String pid) throws Exception {
        RawHttp.Response response = RawHttp.get(server.address(), "/api/processes/" + pid);
        assertThat(response.status()).as(pid).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("error").asText()).startsWith("not a process id");
    }

    @Test
    void healthSaysTheLastCollectionWentWell() throws Exception {
        RawHttp.Response response = RawHttp.get(server.address(), "/api/health");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("ok").asBoolean()).isTrue();
        assertThat(health.get("collector").asText()).isEqualTo("scripted");
        assertThat(Instant.parse(health.get("lastCollection").asText())).isNotNull();
        assertThat(health.get("sockets").asInt()).isEqualTo(4);
        assertThat(health.get("version").asLong()).isPositive();
        assertThat(health.get("lastCollectionMillis").asDouble()).isNotNegative();
        assertThat(health.get("clientsDropped").asLong()).isZero();
        assertThat(health.get("error").isNull()).isTrue();
    }

    @Test
    void healthCountsTheOpenEventStreams() throws Exception {
        Await.until("no clients", Duration.ofSeconds(5), () -> clients() == 0);
        try (SseClient client = SseClient.open(server.address(), false, null)) {
            assertThat(client.nextEvent(Duration.ofSeconds(5)).name()).isEqualTo("graph");
            Await.until("one client", Duration.ofSeconds(5), () -> clients() == 1);
            assertThat(server.clients()).isEqualTo(1);
        }
        Await.until("the client gone", Duration.ofSeconds(5), () -> clients() == 0);
        assertThat(server.clients()).isZero();
    }

    private static int clients() {
        try {
            return JSON.readTree(RawHttp.get(server.address(), "/api/health").body()).get("clients").asInt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode socket(JsonNode sockets, String state) {
        for (JsonNode socket : sockets) {
            if (socket.get("state").asText().equals(state)) {
                return socket;
            }
        }
        throw new AssertionError("no " + state + " socket in " + sockets);
    }
}
