package io.procnet.server.browser;

import static io.procnet.server.browser.SampleHost.process;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.GraphOptions;
import io.procnet.server.ProcnetServer;
import io.procnet.server.ScriptedSource;
import io.procnet.server.TestServers;
import io.procnet.server.TestSnapshots;
import io.procnet.server.internal.wire.WireEdge;
import io.procnet.server.internal.wire.WireGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The picture of the README: the live map of a busy Linux server, drawn by the real page from a
 * scripted snapshot, laid out, fitted, and saved at 1400x900. It goes to
 * {@code target/browser/live-map.png}; with {@code -Dprocnet.readme.image=true} also to
 * {@code docs/images/live-map.png}, to be committed:
 *
 * <pre>mvn -o -pl procnet-server verify -Dtest='io/procnet/server/browser/LiveMapScreenshotTest' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dprocnet.readme.image=true</pre>
 *
 * <p>The host: postgres (a master and its backends, one group), nginx (a master and its workers)
 * in front of a python3 API and a node front end, redis, RabbitMQ, a java service, celery workers,
 * a Qt desktop client, systemd-resolved and chronyd over UDP, sshd, and a Prometheus scraping an
 * exporter whose listener it cannot see (an edge whose direction is a guess).
 */
@BrowserTest
class LiveMapScreenshotTest {
    private static final Path IMAGE = Path.of("target", "browser", "live-map.png");
    private static final Path README_IMAGE = Path.of("..", "docs", "images", "live-map.png");
    private static final String HOST = "10.0.0.5";

    @Test
    void aBusyServersMap() throws Exception {
        ScriptedSource source = new ScriptedSource(LiveMapScreenshotTest::busyServer);
        try (HeadlessChromium browser = HeadlessChromium.start();
             ProcnetServer server = TestServers.builder(source, 200).classifier(SampleHost.classifier())
                     .graphOptions(GraphOptions.defaults().withUdp(true)).start()) {
            // the viewport the whole window, so that the picture is 1400x900 itself
            browser.cdp("Emulation.setDeviceMetricsOverride", Map.of("width", HeadlessChromium.WIDTH,
                    "height", HeadlessChromium.HEIGHT, "deviceScaleFactor", 1, "mobile", false));
            LivePage page = new LivePage(browser);
            page.open(server.url());
            page.awaitSettled();
            WireGraph served = Served.graph(server);
            // what the picture is to show
            assertThat(served.nodes().stream().map(node -> node.type()).distinct())
                    .contains("database", "load_balancer", "cache", "message_broker", "app", "qt_desktop", "service",
                            "external");
            assertThat(served.edges()).extracting(WireEdge::protocol).contains("UDP");
            assertThat(served.edges()).extracting(WireEdge::reason).contains("SERVICE_PORT");
            assertThat(page.nodeIds()).contains("fold:group:900", "fold:group:1000");

            // the rates of the second snapshot on, then fitted as a user would
            browser.waitFor("the page at the server's version", page::version,
                    version -> version >= Served.graph(server).version() && source.ticks() > 3);
            page.fit();
            browser.settle();
            // readable: the labels (16 px at scale 1) at least 10 px high, and no node on another
            assertThat(page.scale() * 16).as("label height in pixels").isGreaterThanOrEqualTo(10);
            List<String> shown = page.nodeIds();
            Map<String, List<Double>> at = page.positions();
            for (int i = 0; i < shown.size(); i++) {
                for (int j = i + 1; j < shown.size(); j++) {
                    List<Double> a = at.get(shown.get(i));
                    List<Double> b = at.get(shown.get(j));
                    assertThat(Math.hypot(a.get(0) - b.get(0), a.get(1) - b.get(1)) * page.scale())
                            .as("pixels between %s and %s", shown.get(i), shown.get(j)).isGreaterThan(30);
                }
            }
            browser.screenshot(IMAGE);
            if (Boolean.getBoolean("procnet.readme.image")) {
                Files.copy(IMAGE, README_IMAGE, StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** One snapshot of the host, its counters grown by {@code tick} seconds of traffic. */
    private static io.procnet.model.Snapshot busyServer(int tick) {
        Rows rows = new Rows(tick);
        String postgres = "/usr/lib/postgresql/16/bin/postgres";
        String nginx = "/usr/sbin/nginx";
        String python = "/usr/bin/python3.11";
        rows.snapshot
                .process(process(900, 1, "postgres", postgres, postgres + " -D /var/lib/postgresql/16/main", "postgres"))
                .process(process(1000, 1, "nginx", nginx, "nginx: master process /usr/sbin/nginx", "root"))
                .process(process(1100, 1, "redis-server", "/usr/bin/redis-server", "redis-server 127.0.0.1:6379", "redis"))
                .process(process(1200, 1, "beam.smp", "/usr/lib/erlang/erts-13.1.5/bin/beam.smp",
                        "/usr/lib/erlang/erts-13.1.5/bin/beam.smp -- -root /usr/lib/erlang -progname erl -- -home"
                                + " /var/lib/rabbitmq -- -noshell -s rabbit boot", "rabbitmq"))
                .process(process(2000, 1, "python3", python, "python3 -m gunicorn api:app --bind 127.0.0.1:8000", "www"))
                .process(process(2100, 1, "python3", python, "python3 -m celery -A tasks worker", "www"))
                .process(process(2200, 1, "java", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                        "java -Xmx512m -jar /opt/orders/orders-service.jar", "orders"))
                .process(process(2300, 1, "node", "/usr/bin/node", "node /srv/web/server.js", "www"))
                .process(process(2400, 3100, "nextcloud", "/usr/bin/nextcloud", "/usr/bin/nextcloud --background",
                        "alice"))
                .process(process(2500, 1, "systemd-resolved", "/usr/lib/systemd/systemd-resolved",
                        "/usr/lib/systemd/systemd-resolved", "systemd-resolve"))
                .process(process(2600, 1, "chronyd", "/usr/sbin/chronyd", "/usr/sbin/chronyd -F 1", "_chrony"))
                .process(process(2700, 1, "sshd", "/usr/sbin/sshd", "sshd: /usr/sbin/sshd -D [listener]", "root"))
                .process(process(2800, 1, "prometheus", "/usr/bin/prometheus",
                        "/usr/bin/prometheus --config.file=/etc/prometheus/prometheus.yml", "prometheus"))
                .process(process(2900, 1, "node_exporter", "/usr/bin/node_exporter", "/usr/bin/node_exporter",
                        "prometheus"));
        rows.snapshot.listen(900, "0.0.0.0:5432").listen(1000, "0.0.0.0:80").listen(1000, "0.0.0.0:443")
                .listen(1100, "127.0.0.1:6379").listen(1200, "0.0.0.0:5672").listen(2000, "127.0.0.1:8000")
                .listen(2200, "0.0.0.0:8080").listen(2300, "127.0.0.1:3000").listen(2700, "0.0.0.0:22")
                .listen(2800, "0.0.0.0:9090");

        // postgres backends, each serving one client
        long[] clients = {2000, 2000, 2100, 2101, 2200, 2200};
        for (int i = 0; i < clients.length; i++) {
            long backend = 901 + i;
            rows.snapshot.process(process(backend, 900, "postgres", postgres,
                    "postgres: app appdb 127.0.0.1(" + (41000 + i) + ") idle", "postgres"));
            rows.local(clients[i], 41000 + i, backend, 5432, 2_000, 40_000);
        }
        // nginx workers: clients from the internet on 443, upstreams to the API and the front end
        for (int w = 0; w < 4; w++) {
            long worker = 1001 + w;
            rows.snapshot.process(process(worker, 1000, "nginx", nginx, "nginx: worker process", "www-data"));
            rows.inbound(worker, 443, "203.0.113." + (10 + w), 51000 + w, 3_000, 90_000);
            rows.local(worker, 42000 + w, 2000, 8000, 5_000, 60_000);
            rows.local(worker, 42100 + w, 2300, 3000, 2_000, 150_000);
        }
        rows.inbound(1001, 443, "198.51.100.7", 52000, 1_000, 20_000);
        // celery: a master and its two workers
        rows.snapshot.process(process(2101, 2100, "python3", python, "python3 -m celery -A tasks worker", "www"))
                .process(process(2102, 2100, "python3", python, "python3 -m celery -A tasks worker", "www"));
        rows.local(2101, 43000, 1200, 5672, 500, 2_000);
        rows.local(2102, 43001, 1200, 5672, 500, 2_000);
        rows.local(2200, 43002, 1200, 5672, 20_000, 1_000);
        rows.local(2000, 43003, 1100, 6379, 10_000, 30_000);
        rows.local(2300, 43004, 1100, 6379, 8_000, 12_000);
        rows.local(2102, 43005, 1100, 6379, 1_000, 1_000);
        rows.local(2300, 43006, 2200, 8080, 3_000, 15_000);
        // out to the internet
        rows.outbound(2200, 44000, "52.94.236.248", 443, 4_000, 8_000);
        rows.outbound(2000, 44001, "140.82.121.4", 443, 1_000, 3_000);
        rows.outbound(2400, 44002, "93.184.216.34", 443, 30_000, 400_000);
        rows.outbound(2400, 44003, "93.184.216.35", 443, 500, 2_000);
        rows.outbound(2400, 44004, "151.101.1.69", 443, 200, 900);
        rows.inbound(2700, 22, "198.51.100.23", 53000, 300, 4_000);
        // Prometheus scrapes an exporter whose listener is in another namespace: a guess
        rows.local(2800, 45000, 2900, 9100, 500, 20_000);
        // UDP: the stub resolver and its upstream, and time
        rows.snapshot.udp(2500, "127.0.0.53:53", null)
                .udp(2200, "127.0.0.1:46000", "127.0.0.53:53").udp(2300, "127.0.0.1:46001", "127.0.0.53:53")
                .udp(2500, HOST + ":46002", "1.1.1.1:53")
                .udp(2600, HOST + ":46003", "162.159.200.123:123");
        return rows.snapshot.at(tick);
    }

    /** Connections with both halves, or one towards a remote end, their counters grown with the ticks. */
    private static final class Rows {
        final TestSnapshots snapshot = new TestSnapshots();
        final int tick;

        Rows(int tick) {
            this.tick = tick;
        }

        /** A connection on this host: client pid and port to server pid and port, bytes per second each way. */
        void local(long client, int clientPort, long server, int serverPort, long up, long down) {
            String from = "127.0.0.1:" + clientPort;
            String to = "127.0.0.1:" + serverPort;
            snapshot.est(client, from, to, tick * up, tick * down).est(server, to, from);
        }

        /** A connection to a remote server. */
        void outbound(long client, int clientPort, String address, int port, long up, long down) {
            snapshot.est(client, HOST + ":" + clientPort, address + ":" + port, tick * up, tick * down);
        }

        /** A remote client's connection to a local server. */
        void inbound(long server, int serverPort, String address, int port, long up, long down) {
            snapshot.est(server, HOST + ":" + serverPort, address + ":" + port, tick * down, tick * up);
        }
    }
}
