package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerSmokeTest {
    @Test
    void servesTheGraphAndStreamsDeltas() throws Exception {
        ScriptedSource source = new ScriptedSource(tick -> new TestSnapshots()
                .listen(10, "0.0.0.0:5432")
                .est(20, "127.0.0.1:40000", "127.0.0.1:5432")
                .est(20 + tick % 2, "127.0.0.1:40001", "127.0.0.1:5432")
                .at(tick));
        try (ProcnetServer server = TestServers.start(source, 100)) {
            RawHttp.Response graph = RawHttp.get(server.address(), "/api/graph");
            assertThat(graph.status()).isEqualTo(200);
            assertThat(graph.text()).contains("\"kind\":\"PROCESS\"");
            try (SseClient client = SseClient.open(server.address(), true, null)) {
                SseClient.Event first = client.nextEvent(Duration.ofSeconds(5));
                assertThat(first.name()).isEqualTo("graph");
                SseClient.Event delta = client.nextEvent(Duration.ofSeconds(5));
                assertThat(delta.name()).isEqualTo("delta");
                System.out.println(first.data());
                System.out.println(delta.data());
            }
        }
    }
}
