package io.procnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code procnet serve} as a user runs it: the URL it prints answers, and Ctrl-C stops it cleanly. */
@EnabledOnOs(OS.LINUX)
class ServeIT {

    @Test
    void servesTheGraphOfThisMachineAndStopsCleanlyOnSigint(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"),
                "- match_pid: " + OwnSockets.pid() + "\n  type: database\n  label: \"The test\"\n");
        try (OwnSockets sockets = new OwnSockets()) {
            ProcessBuilder builder = new ProcessBuilder(ProcnetJar.command("serve", "--port", "0", "--interval", "0.5",
                    "--rules", rules.toString(), "--open"));
            builder.environment().remove("DISPLAY"); // no desktop: --open says so instead
            builder.environment().remove("WAYLAND_DISPLAY");
            Process serve = builder.start();
            try {
                checkServesAndStops(serve, sockets, rules);
            } finally {
                serve.destroyForcibly();
            }
        }
    }

    private static void checkServesAndStops(Process serve, OwnSockets sockets, Path rules) throws Exception {
        CompletableFuture<String> err = ProcnetJar.drain(serve.getErrorStream());
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        List<String> printed = new ArrayList<>();
        for (String line = out.readLine(); line != null && !line.startsWith("Ctrl-C"); line = out.readLine()) {
            printed.add(line);
        }
        assertThat(printed).as("stderr: " + err.getNow("")).hasSizeGreaterThan(1);
        assertThat(printed.get(0)).startsWith("Procnet live map: http://127.0.0.1:");
        URI url = URI.create(printed.get(0).substring("Procnet live map: ".length()));
        assertThat(printed).contains("collector: linux-netlink",
                "rules: " + rules + " (reloaded when it changes), then the built-in rules");

        JsonNode graph = graph(url);
        String self = "proc:" + OwnSockets.pid();
        JsonNode node = SnapshotIT.find(graph.get("nodes"), "id", self);
        assertThat(node).isNotNull();
        assertThat(node.get("type").asText()).isEqualTo("database");
        assertThat(node.get("label").asText()).isEqualTo("The test");
        assertThat(SnapshotIT.find(graph.get("edges"), "id",
                "tcp:" + self + "->" + self + ":" + sockets.connectedListener.getLocalPort())).isNotNull();

        // a broken edit keeps the last good rules, and the page is told what is wrong and where
        Files.writeString(rules, "- match_pid: " + OwnSockets.pid() + "\n  typ: cache\n");
        JsonNode issue = null;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); issue == null && System.nanoTime() < end; ) {
            Thread.sleep(200);
            issue = SnapshotIT.find(graph(url).get("issues"), "code", "rule-file");
        }
        assertThat(issue).as("the rule file's error among the issues").isNotNull();
        assertThat(issue.get("message").asText()).startsWith(rules + ":2:3: unknown key 'typ'");
        assertThat(SnapshotIT.find(graph(url).get("nodes"), "id", self).get("type").asText()).isEqualTo("database");

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(serve.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(serve.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s of SIGINT").isTrue();
        String stderr = err.join();
        assertThat(serve.exitValue()).as(stderr).isEqualTo(130); // 128 + SIGINT, as a shell reports Ctrl-C
        assertThat(stderr).contains("--open: no desktop here (no DISPLAY or WAYLAND_DISPLAY); open " + url)
                .contains("stopping").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("ERROR");
        assertThat(stderr.lines().filter(line -> line.startsWith("WARN")))
                .as("the one warning: the broken rule file").singleElement().asString().contains(rules + ":2:3:");
    }

    private static JsonNode graph(URI url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(url.resolve("/api/graph")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
