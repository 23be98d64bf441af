package io.procnet.server.browser;

import static io.procnet.server.browser.SampleHost.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.procnet.graph.GraphOptions;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.server.ProcnetServer;
import io.procnet.server.ScriptedSource;
import io.procnet.server.TestServers;
import io.procnet.server.TestSnapshots;
import io.procnet.server.internal.wire.WireEdge;
import io.procnet.server.internal.wire.WireEndpoint;
import io.procnet.server.internal.wire.WireSocket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The details panel of a process and of an edge, opened by a click on the canvas, and how an edge
 * is drawn by how sure its direction is and by its protocol. One browser for the class.
 */
@BrowserTest
class PanelBrowserTest extends OneBrowser {
    private static final long INTERVAL_MILLIS = 100;
    /** The edge colours of appearance.js. */
    private static final String FIRM = "#5a6b7b";
    private static final String UNSURE = "#a9b3bd";
    private static final String UDP = "#cc79a7";

    /** Longer than the panel shows at first. */
    private static final String POSTGRES_COMMAND = "/usr/lib/postgresql/16/bin/postgres -D /var/lib/postgresql/16/main"
            + IntStream.range(0, 12).mapToObj(i -> " -c custom.setting_" + i + "=some-longer-value-" + i)
                    .collect(Collectors.joining());

    @Test
    void aClickOnAProcessShowsItsDetailsAndSockets() throws Exception {
        ScriptedSource source = new ScriptedSource(tick -> new TestSnapshots()
                .process(process(100, 1, "postgres", "/usr/lib/postgresql/16/bin/postgres", POSTGRES_COMMAND,
                        "postgres"))
                .process(process(200, 1, "python3", "/usr/bin/python3.11", "python3 api.py --port 8000 --db appdb",
                        "alice"))
                .listen(100, "0.0.0.0:5432")
                .listen(200, "0.0.0.0:8000")
                .est(200, "127.0.0.1:41001", "127.0.0.1:5432", 18211, 920114)
                .est(100, "127.0.0.1:5432", "127.0.0.1:41001")
                .at(tick));
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            page.open(server.url());
            page.awaitSettled();

            page.clickNode("proc:200");
            browser.waitFor("the sockets of python3", page::panelText, text -> text.contains("2 sockets"));
            assertThat(page.panelTitle()).isEqualTo("python3");
            assertThat(page.panelFacts()).contains(entry("name", "python3"), entry("pid", "200"),
                    entry("parent pid", "1"), entry("user", "alice"), entry("executable", "/usr/bin/python3.11"),
                    entry("command line", "python3 api.py --port 8000 --db appdb"), entry("listening", "8000"));
            List<List<String>> expected = Served.process(server, 200).sockets().stream()
                    .map(PanelBrowserTest::row).toList();
            assertThat(page.socketRows()).containsExactlyElementsOf(expected)
                    .contains(List.of("tcp", "0.0.0.0:8000", "*", "LISTEN", "", ""),
                            List.of("tcp", "127.0.0.1:41001", "127.0.0.1:5432", "ESTABLISHED", "18211", "920114"));

            page.clickNode("proc:100");
            browser.waitFor("the panel of postgres", page::panelText,
                    text -> text.startsWith("postgres") && text.contains("2 sockets"));
            assertThat(page.panelFacts()).contains(entry("pid", "100"), entry("user", "postgres"),
                    entry("listening", "5432"), entry("command line", POSTGRES_COMMAND));
            assertThat(page.factClamped("command line")).as("a long command line shows its first lines").isTrue();
            page.clickPanelButton("show all " + String.format(Locale.ROOT, "%,d", POSTGRES_COMMAND.length())
                    + " characters");
            assertThat(page.factClamped("command line")).isFalse();
            page.clickPanelButton("show less");
            assertThat(page.factClamped("command line")).isTrue();
            assertThat(page.socketRows()).containsExactlyElementsOf(Served.process(server, 100).sockets().stream()
                    .map(PanelBrowserTest::row).toList());
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** A socket as the panel's table writes it. */
    private static List<String> row(WireSocket socket) {
        return List.of(socket.protocol().toLowerCase(), endpoint(socket.local()), endpoint(socket.remote()),
                socket.state(), socket.traffic() == null ? "" : String.valueOf(socket.traffic().bytesSent()),
                socket.traffic() == null ? "" : String.valueOf(socket.traffic().bytesReceived()));
    }

    private static String endpoint(WireEndpoint end) {
        return end == null ? "*" : end.address() + ":" + end.port();
    }

    @Test
    void aClickOnAnEdgeSaysItsStatesCountTrafficAndWhy() throws Exception {
        // no TCP listener at all: the direction comes from the heuristics, here the known port
        ScriptedSource source = new ScriptedSource(tick -> new TestSnapshots()
                .process(process(20, 1, "worker", "/usr/bin/worker", "worker --db 10.0.0.9", "alice"))
                .est(20, "10.0.0.5:40000", "10.0.0.9:5432", tick * 20_000L, tick * 5_000L)
                .add(new SocketEntry(Protocol.TCP, TestSnapshots.ep("10.0.0.5:40001"), TestSnapshots.ep("10.0.0.9:5432"),
                        SocketState.CLOSE_WAIT, 20, 0, null))
                .at(tick));
        String id = "tcp:proc:20->ext:10.0.0.9:5432";
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            page.open(server.url());
            page.awaitSettled();
            WireEdge served = browser.waitFor("the edge's traffic", () -> Served.edge(server, id),
                    edge -> edge.traffic() != null && edge.traffic().bytesPerSecondToServer() == 20_000);
            assertThat(served.reason()).isEqualTo("SERVICE_PORT");
            assertThat(served.traffic().bytesPerSecondToClient()).isEqualTo(5_000);
            browser.waitFor("the page at the server's version", page::version,
                    version -> version >= Served.graph(server).version());

            page.clickEdge(id);
            browser.waitFor("the panel of the edge", () -> page.panelOpen() ? page.panelTitle() : "",
                    "TCP to port 5432"::equals);
            assertThat(page.panelFacts()).containsOnly(entry("protocol", "TCP"), entry("server port", "5432"),
                    entry("connections", "2"), entry("states", "ESTABLISHED 1, CLOSE_WAIT 1"),
                    entry("to the server", "20 KB/s"), entry("back", "5.0 KB/s"),
                    entry("direction", "a guess from the port: port 5432 is a known PostgreSQL database port"));
            assertThat(page.panelText()).contains("TCP to port 5432, 2 connections");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void anUnsureEdgeIsDashedAndGreyAFirmOneSolidAndUdpHasItsOwnLook() throws Exception {
        ScriptedSource source = new ScriptedSource(tick -> new TestSnapshots()
                .process(process(100, 1, "postgres", "/usr/bin/postgres", "postgres", "postgres"))
                .process(process(200, 1, "api", "/usr/bin/api", "api", "alice"))
                .process(process(300, 1, "agent", "/usr/bin/agent", "agent", "alice"))
                .process(process(400, 1, "exporter", "/usr/bin/exporter", "exporter", "alice"))
                .process(process(500, 1, "game", "/usr/bin/game", "game", "alice"))
                .process(process(600, 1, "game-server", "/usr/bin/game-server", "game-server", "alice"))
                // firm: postgres listens
                .listen(100, "0.0.0.0:5432")
                .est(200, "127.0.0.1:41001", "127.0.0.1:5432").est(100, "127.0.0.1:5432", "127.0.0.1:41001")
                // unsure: both ends here, neither listens (the exporter's listener is out of sight)
                .est(300, "127.0.0.1:45000", "127.0.0.1:9100").est(400, "127.0.0.1:9100", "127.0.0.1:45000")
                // UDP: a connected pair, and DNS
                .udp(500, "127.0.0.1:47000", "127.0.0.1:27015").udp(600, "127.0.0.1:27015", "127.0.0.1:47000")
                .udp(200, "10.0.0.5:53000", "10.0.0.53:53")
                .at(tick));
        String firm = "tcp:proc:200->proc:100:5432";
        String unsure = "tcp:proc:300->proc:400:9100";
        String pair = "udp:proc:500->proc:600:27015";
        String dns = "udp:proc:200->ext:10.0.0.53:53";
        try (ProcnetServer server = TestServers.builder(source, INTERVAL_MILLIS)
                .graphOptions(GraphOptions.defaults().withUdp(true)).start()) {
            page.open(server.url());
            page.awaitSettled();
            assertThat(Served.edge(server, firm).reason()).isEqualTo("LISTENER");
            assertThat(Served.edge(server, unsure).reason()).isIn("SERVICE_PORT", "EPHEMERAL", "GUESS");
            assertThat(Served.edge(server, pair).protocol()).isEqualTo("UDP");
            assertThat(Served.edge(server, dns).reason()).isEqualTo("SERVICE_PORT");

            assertThat(look(firm)).isEqualTo(new Look(FIRM, false));
            assertThat(look(unsure)).isEqualTo(new Look(UNSURE, true));
            assertThat(page.edge(unsure).get("dashes")).isNotEqualTo(page.edge(pair).get("dashes"));
            assertThat(look(pair)).isEqualTo(new Look(UDP, true));
            assertThat(look(dns)).isEqualTo(new Look(UDP, true));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** An edge's colour and whether it is dashed. */
    private record Look(String colour, boolean dashed) {
    }

    private static Look look(String edge) {
        Map<String, Object> item = page.edge(edge);
        Object dashes = item.get("dashes");
        return new Look(String.valueOf(((Map<?, ?>) item.get("color")).get("color")),
                dashes instanceof List<?> || Boolean.TRUE.equals(dashes));
    }
}
