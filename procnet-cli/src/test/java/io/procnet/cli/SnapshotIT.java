package io.procnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code procnet snapshot} in every format, on sockets this test opened. */
@EnabledOnOs(OS.LINUX)
class SnapshotIT {
    private static OwnSockets sockets;

    @BeforeAll
    static void open() throws Exception {
        sockets = new OwnSockets();
    }

    @AfterAll
    static void close() throws Exception {
        sockets.close();
    }

    @Test
    void jsonHasTheListenerAndTheConnectionWithTheirPid() throws Exception {
        ProcnetJar.Result result = ProcnetJar.run("snapshot", "--format", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode graph = new ObjectMapper().readTree(result.out());
        assertThat(graph.get("collector").asText()).isEqualTo("linux-netlink");
        String self = "proc:" + OwnSockets.pid();
        JsonNode node = find(graph.get("nodes"), "id", self);
        assertThat(node).as("the node of this JVM in " + result.out()).isNotNull();
        assertThat(node.get("process").get("pid").asLong()).isEqualTo(OwnSockets.pid());
        List<Integer> listening = new ArrayList<>();
        node.get("listeningPorts").forEach(port -> listening.add(port.asInt()));
        assertThat(listening).contains(sockets.connectedListener.getLocalPort(), sockets.idleListener.getLocalPort());

        String connection = "tcp:" + self + "->" + self + ":" + sockets.connectedListener.getLocalPort();
        JsonNode edge = find(graph.get("edges"), "id", connection);
        assertThat(edge).as(connection + " in " + result.out()).isNotNull();
        assertThat(edge.get("reason").asText()).isEqualTo("LISTENER");
        String listener = "listen:tcp:" + sockets.idleListener.getLocalPort();
        assertThat(find(graph.get("nodes"), "id", listener)).as(listener).isNotNull();
        assertThat(find(graph.get("edges"), "id", "tcp:" + listener + "->" + self + ":"
                + sockets.idleListener.getLocalPort())).isNotNull();
    }

    @Test
    void tableHasARowPerSocketWithPidStateAndReason() throws Exception {
        ProcnetJar.Result result = ProcnetJar.run("snapshot");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        String pid = Long.toString(OwnSockets.pid());
        String header = result.out().lines().findFirst().orElseThrow();
        assertThat(header).contains("PROCESS", "PID", "PROTO", "LOCAL", "REMOTE", "STATE", "REASON");
        List<String> ours = result.out().lines().filter(line -> line.contains(" " + pid + " ")).toList();
        int port = sockets.connectedListener.getLocalPort();
        assertThat(ours).anyMatch(line -> line.contains("127.0.0.1:" + sockets.idleListener.getLocalPort())
                && line.contains("LISTEN"));
        assertThat(ours).filteredOn(line -> line.contains("ESTABLISHED") && line.contains("127.0.0.1:" + port))
                .hasSize(2).allMatch(line -> line.contains("LISTENER"));
        int pidEnd = header.indexOf("PID") + "PID".length();
        assertThat(ours).as("aligned: pids end where the header's PID ends")
                .allMatch(line -> line.substring(0, pidEnd).endsWith(" " + pid) && line.charAt(pidEnd) == ' ');
        for (String column : List.of("PROTO", "LOCAL", "REMOTE", "STATE")) {
            int start = header.indexOf(" " + column + " ") + 1;
            assertThat(ours).as("aligned: %s starts at %d in every row", column, start)
                    .allMatch(line -> line.charAt(start - 1) == ' ' && line.charAt(start) != ' ');
        }
    }

    @Test
    void outWritesTheFileAndSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("graph.json");
        ProcnetJar.Result result = ProcnetJar.run("snapshot", "--format", "json", "--out", file.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("wrote " + file + ": ");
        assertThat(new ObjectMapper().readTree(Files.readString(file)).get("nodes").size()).isPositive();
        assertThat(dir.toFile().list()).containsExactly("graph.json");
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        return null;
    }
}
