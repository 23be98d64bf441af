package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procnet.graph.GraphOptions;
import io.procnet.model.CollectionIssue;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Snapshot;
import io.procnet.server.internal.http.ThisHost;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.WireGraph;
import io.procnet.server.internal.wire.WireHost;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The graph's wire format as a client reads it: every field of {@code /api/graph} by its exact
 * name and value, enums as their names, for process (with a group led by its parent), remote and
 * listener nodes (TCP and UDP) and connection and listener edges with traffic.
 */
class WireSchemaTest {
    private static final String POSTGRES = "/usr/lib/postgresql/16/bin/postgres";
    private static byte[] body;
    private static JsonNode graph;
    private static long startedBefore;
    private static long startedAfter;
    private static String graphEvent;

    @BeforeAll
    static void fetchTheGraph() throws Exception {
        ScriptedSource source = new ScriptedSource(WireSchemaTest::snapshot);
        startedBefore = System.currentTimeMillis();
        try (ProcnetServer server = TestServers.builder(source, 50)
                .graphOptions(GraphOptions.forThisHost().withUdp(true))
                .problems(() -> List.of(new CollectionIssue("rules", "rules.yaml:3:7: unknown key 'colour'", 0)))
                .start()) {
            startedAfter = System.currentTimeMillis();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (source.ticks() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(source.ticks()).isGreaterThanOrEqualTo(4); // tick 1 brings the rates, then nothing changes
            RawHttp.Response response = RawHttp.get(server.address(), "/api/graph");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("content-type")).startsWith("application/json");
            body = response.body();
            graph = Json.tree(body);
            try (SseClient client = SseClient.open(server.address(), false, null)) {
                graphEvent = client.nextEvent(Duration.ofSeconds(5)).data();
            }
        }
    }

    /**
     * A postgres master (100) and its backend (101, same program: the master's group); a client
     * (200) of the backend, of 93.184.216.34:443 and, over UDP, of 8.8.8.8:53, with byte counters;
     * a TCP port (8080, v4 and v6) and a UDP port (53) nobody connects to, and one more of the master.
     */
    static Snapshot snapshot(int tick) {
        Snapshot rows = new TestSnapshots()
                .process(new ProcessInfo(100, 1, "postgres", POSTGRES + " -D /var/lib/postgresql/16/main", "postgres",
                        TestSnapshots.T0.minusSeconds(3600), POSTGRES, List.of("postgresql.service")))
                .process(new ProcessInfo(101, 100, "postgres", "postgres: app appdb 127.0.0.1(40000) idle", "postgres",
                        TestSnapshots.T0.minusSeconds(60), POSTGRES, List.of()))
                .process(new ProcessInfo(200, 1, "python3", "python3 app.py", "alice",
                        TestSnapshots.T0.minusSeconds(120), "/usr/bin/python3", List.of()))
                .process(new ProcessInfo(300, 1, "nginx", "nginx: master process", null, null, "", List.of()))
                .listen(100, "0.0.0.0:5432")
                .listen(100, "127.0.0.1:5433")
                .est(200, "127.0.0.1:40000", "127.0.0.1:5432", 1000 + 3200L * tick, 100_000L * tick)
                .est(101, "127.0.0.1:5432", "127.0.0.1:40000")
                .est(200, "10.0.0.5:50000", "93.184.216.34:443", 800L * tick, 20_000L * tick)
                .listen(300, "0.0.0.0:8080")
                .listen(300, "[::]:8080")
                .udp(400, "0.0.0.0:53", null)
                .udp(200, "10.0.0.5:40001", "8.8.8.8:53")
                .at(tick);
        return new Snapshot(rows.takenAt(), rows.monotonicNanos(), rows.collectorId(), rows.sockets(), rows.processes(),
                List.of(new CollectionIssue("access-denied", "1 process could not be read: run as root", 1)));
    }

    @Test
    void theGraphHasItsFieldsAndNoOthers() {
        assertThat(names(graph)).containsExactlyInAnyOrder("version", "takenAt", "collector", "host", "stale", "nodes",
                "edges", "issues");
        // versions start at the start time in ms; the first collection and the rates of the second are the changes
        assertThat(graph.get("version").isIntegralNumber()).isTrue();
        assertThat(graph.get("version").asLong() - 2).isBetween(startedBefore, startedAfter);
        assertThat(graph.get("takenAt").asText()).isEqualTo("2026-12-01T10:00:01Z");
        assertThat(graph.get("collector").asText()).isEqualTo("scripted");
        WireHost host = ThisHost.describe();
        assertThat(names(graph.get("host"))).containsExactlyInAnyOrder("name", "os");
        assertThat(graph.get("host").get("name").asText()).isEqualTo(host.name()).isNotBlank();
        assertThat(graph.get("host").get("os").asText()).isEqualTo(host.os());
        assertThat(graph.get("stale").isBoolean()).isTrue();
        assertThat(graph.get("stale").asBoolean()).isFalse();
    }

    @Test
    void processNodesCarryTheWholeProcessAndTheirGroup() throws Exception {
        assertThat(node("proc:100")).isEqualTo(tree("""
                {"kind": "PROCESS", "id": "proc:100", "label": "postgres (postgresql.service)", "type": "app",
                 "process": {"pid": 100, "parentPid": 1, "name": "postgres",
                             "commandLine": "/usr/lib/postgresql/16/bin/postgres -D /var/lib/postgresql/16/main",
                             "user": "postgres", "startTime": "2026-12-01T09:00:00Z",
                             "executable": "/usr/lib/postgresql/16/bin/postgres", "services": ["postgresql.service"]},
                 "listeningPorts": [5432, 5433], "group": "group:100"}
                """));
        assertThat(node("proc:101")).isEqualTo(tree("""
                {"kind": "PROCESS", "id": "proc:101", "label": "postgres", "type": "app",
                 "process": {"pid": 101, "parentPid": 100, "name": "postgres",
                             "commandLine": "postgres: app appdb 127.0.0.1(40000) idle",
                             "user": "postgres", "startTime": "2026-12-01T09:59:00Z",
                             "executable": "/usr/lib/postgresql/16/bin/postgres", "services": []},
                 "listeningPorts": [], "group": "group:100"}
                """));
        // what is unknown: user and start time null, the executable empty
        assertThat(node("proc:300")).isEqualTo(tree("""
                {"kind": "PROCESS", "id": "proc:300", "label": "nginx", "type": "app",
                 "process": {"pid": 300, "parentPid": 1, "name": "nginx", "commandLine": "nginx: master process",
                             "user": null, "startTime": null, "executable": "", "services": []},
                 "listeningPorts": [8080], "group": "group:300"}
                """));
        assertThat(node("proc:400").get("listeningPorts")).isEqualTo(tree("[53]"));
        assertThat(node("proc:200").get("process").get("user").asText()).isEqualTo("alice");
    }

    @Test
    void remoteAndListenerNodes() throws Exception {
        assertThat(node("ext:93.184.216.34")).isEqualTo(tree("""
                {"kind": "REMOTE", "id": "ext:93.184.216.34", "label": "93.184.216.34", "type": "external",
                 "address": "93.184.216.34", "namespace": null}
                """));
        assertThat(node("listen:tcp:8080")).isEqualTo(tree("""
                {"kind": "LISTENER", "id": "listen:tcp:8080", "label": "tcp/8080", "type": "listener",
                 "protocol": "TCP", "port": 8080, "namespace": null,
                 "bound": [{"address": "0.0.0.0", "port": 8080}, {"address": "::", "port": 8080}]}
                """));
        assertThat(node("listen:udp:53")).isEqualTo(tree("""
                {"kind": "LISTENER", "id": "listen:udp:53", "label": "udp/53", "type": "listener",
                 "protocol": "UDP", "port": 53, "namespace": null, "bound": [{"address": "0.0.0.0", "port": 53}]}
                """));
        assertThat(ids(graph.get("nodes"))).containsExactly("ext:8.8.8.8", "ext:93.184.216.34", "listen:tcp:5433",
                "listen:tcp:8080", "listen:udp:53", "proc:100", "proc:101", "proc:200", "proc:300", "proc:400");
    }

    @Test
    void connectionEdgesWithTheirTrafficOnTheScale() throws Exception {
        // 3200 B/s up is shown as 5000, 100 000 B/s down as itself; the client's states
        assertThat(edge("tcp:proc:200->proc:101:5432")).isEqualTo(tree("""
                {"id": "tcp:proc:200->proc:101:5432", "from": "proc:200", "to": "proc:101", "kind": "CONNECTION",
                 "protocol": "TCP", "serverPort": 5432, "count": 1, "states": {"ESTABLISHED": 1}, "reason": "LISTENER",
                 "traffic": {"bytesPerSecondToServer": 5000, "bytesPerSecondToClient": 100000}}
                """));
        assertThat(edge("tcp:proc:200->ext:93.184.216.34:443")).isEqualTo(tree("""
                {"id": "tcp:proc:200->ext:93.184.216.34:443", "from": "proc:200", "to": "ext:93.184.216.34",
                 "kind": "CONNECTION", "protocol": "TCP", "serverPort": 443, "count": 1, "states": {"ESTABLISHED": 1},
                 "reason": "NOT_LISTENING",
                 "traffic": {"bytesPerSecondToServer": 1000, "bytesPerSecondToClient": 20000}}
                """));
        // no counters: traffic is null, not absent
        assertThat(edge("udp:proc:200->ext:8.8.8.8:53")).isEqualTo(tree("""
                {"id": "udp:proc:200->ext:8.8.8.8:53", "from": "proc:200", "to": "ext:8.8.8.8", "kind": "CONNECTION",
                 "protocol": "UDP", "serverPort": 53, "count": 1, "states": {"ESTABLISHED": 1},
                 "reason": "SERVICE_PORT", "traffic": null}
                """));
    }

    @Test
    void listenerEdgesTieAListenerToItsProcess() throws Exception {
        assertThat(edge("tcp:listen:tcp:8080->proc:300:8080")).isEqualTo(tree("""
                {"id": "tcp:listen:tcp:8080->proc:300:8080", "from": "listen:tcp:8080", "to": "proc:300",
                 "kind": "LISTENER", "protocol": "TCP", "serverPort": 8080, "count": 2, "states": {"LISTEN": 2},
                 "reason": "LISTENER", "traffic": null}
                """));
        assertThat(edge("udp:listen:udp:53->proc:400:53")).isEqualTo(tree("""
                {"id": "udp:listen:udp:53->proc:400:53", "from": "listen:udp:53", "to": "proc:400",
                 "kind": "LISTENER", "protocol": "UDP", "serverPort": 53, "count": 1, "states": {"BOUND": 1},
                 "reason": "LISTENER", "traffic": null}
                """));
        assertThat(ids(graph.get("edges"))).containsExactly("tcp:listen:tcp:5433->proc:100:5433",
                "tcp:listen:tcp:8080->proc:300:8080", "tcp:proc:200->ext:93.184.216.34:443",
                "tcp:proc:200->proc:101:5432", "udp:listen:udp:53->proc:400:53", "udp:proc:200->ext:8.8.8.8:53");
    }

    @Test
    void theCollectorsIssuesThenTheExtraProblems() throws Exception {
        assertThat(graph.get("issues")).isEqualTo(tree("""
                [{"code": "access-denied", "message": "1 process could not be read: run as root", "count": 1},
                 {"code": "rules", "message": "rules.yaml:3:7: unknown key 'colour'", "count": 0}]
                """));
    }

    @Test
    void theRecordsReadWhatTheServerWroteAndWriteItBackByteForByte() {
        WireGraph read = Json.read(body, WireGraph.class);
        assertThat(Json.bytes(read)).isEqualTo(body);
        assertThat(Json.read(Json.bytes(read), WireGraph.class)).isEqualTo(read);
        assertThat(read.nodes()).hasSize(10);
        // the graph event of the stream is the same document
        assertThat(graphEvent.getBytes(StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void readingIsStrict() throws Exception {
        ObjectNode unknown = (ObjectNode) graph.deepCopy();
        unknown.put("colour", "red");
        assertThatThrownBy(() -> Json.read(unknown.toString(), WireGraph.class))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("colour");
        ObjectNode missing = (ObjectNode) graph.deepCopy();
        missing.remove("stale");
        assertThatThrownBy(() -> Json.read(missing.toString(), WireGraph.class))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("stale");
        ObjectNode noKind = (ObjectNode) graph.deepCopy();
        ((ObjectNode) noKind.get("nodes").get(0)).remove("kind");
        assertThatThrownBy(() -> Json.read(noKind.toString(), WireGraph.class))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("kind");
    }

    private static JsonNode node(String id) {
        return byId(graph.get("nodes"), id);
    }

    private static JsonNode edge(String id) {
        return byId(graph.get("edges"), id);
    }

    private static JsonNode byId(JsonNode array, String id) {
        for (JsonNode item : array) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + ids(array));
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static JsonNode tree(String json) throws Exception {
        return Json.tree(json.getBytes(StandardCharsets.UTF_8));
    }
}
