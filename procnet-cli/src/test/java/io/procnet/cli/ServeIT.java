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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@code procnet serve} as a user runs it: the URL it prints answers, and Ctrl-C stops it cleanly. */
@EnabledOnOs(OS.LINUX)
class ServeIT {

    @Test
    void servesTheGraphOfThisMachineAndStopsCleanlyOnSigint() throws Exception {
        try (OwnSockets sockets = new OwnSockets()) {
            Process serve = new ProcessBuilder(ProcnetJar.command("serve", "--port", "0", "--interval", "0.5")).start();
            try {
                checkServesAndStops(serve, sockets);
            } finally {
                serve.destroyForcibly();
            }
        }
    }

    private static void checkServesAndStops(Process serve, OwnSockets sockets) throws Exception {
        CompletableFuture<String> err = ProcnetJar.drain(serve.getErrorStream());
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        List<String> printed = new ArrayList<>();
        for (String line = out.readLine(); line != null && !line.startsWith("Ctrl-C"); line = out.readLine()) {
            printed.add(line);
        }
        assertThat(printed).as("stderr: " + err.getNow("")).hasSizeGreaterThan(1);
        assertThat(printed.get(0)).startsWith("Procnet live map: http://127.0.0.1:");
        URI url = URI.create(printed.get(0).substring("Procnet live map: ".length()));
        assertThat(printed).contains("collector: linux-netlink");

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(url.resolve("/api/graph")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode graph = new ObjectMapper().readTree(response.body());
        String self = "proc:" + OwnSockets.pid();
        assertThat(SnapshotIT.find(graph.get("nodes"), "id", self)).isNotNull();
        assertThat(SnapshotIT.find(graph.get("edges"), "id",
                "tcp:" + self + "->" + self + ":" + sockets.connectedListener.getLocalPort())).isNotNull();

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(serve.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(serve.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s of SIGINT").isTrue();
        String stderr = err.join();
        assertThat(serve.exitValue()).as(stderr).isEqualTo(130); // 128 + SIGINT, as a shell reports Ctrl-C
        assertThat(stderr).contains("stopping").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("ERROR").doesNotContain("WARN");
    }
}
