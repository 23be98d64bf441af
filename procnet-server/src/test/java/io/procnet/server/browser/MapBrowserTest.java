package io.procnet.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.procnet.server.Await;
import io.procnet.server.ProcnetServer;
import io.procnet.server.ScriptedSource;
import io.procnet.server.TestServers;
import io.procnet.server.TestSnapshots;
import io.procnet.server.internal.wire.WireEdge;
import io.procnet.server.internal.wire.WireGraph;
import io.procnet.server.internal.wire.WireNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The map follows the server: what it draws, how a change reaches it (in place, nothing moving),
 * how what is gone leaves, how fast, and how new items are marked. One browser for the class, a
 * server per test.
 */
@BrowserTest
class MapBrowserTest extends OneBrowser {
    private static final long INTERVAL_MILLIS = 100;
    private static final String API_TO_POSTGRES = "tcp:proc:20->proc:10:5432";
    /** The colours of appearance.js: a node's label and an edge, new and not. */
    private static final String NEW_NODE_FONT = "#b35900";
    private static final String NODE_FONT = "#1d2733";
    private static final String NEW_EDGE = "#e69f00";
    private static final String FIRM_EDGE = "#5a6b7b";

    /** {@link #base()} with api's connection to postgres, and a late-worker (30) of postgres while {@code late}. */
    private static ScriptedSource withLateWorker(AtomicBoolean late) {
        return new ScriptedSource(tick -> {
            TestSnapshots rows = base().est(20, "127.0.0.1:40000", "127.0.0.1:5432");
            if (late.get()) {
                rows.process(30, "late-worker", "late-worker --queue jobs")
                        .est(30, "127.0.0.1:40003", "127.0.0.1:5432").est(10, "127.0.0.1:5432", "127.0.0.1:40003");
            }
            return rows.at(tick);
        });
    }

    /** postgres (10) serving api (20) on 5432, api calling out to a remote on 443. */
    private static TestSnapshots base() {
        return new TestSnapshots()
                .process(10, "postgres", "postgres -D /var/lib/postgresql")
                .process(20, "api", "api --port 8080")
                .listen(10, "0.0.0.0:5432")
                .est(10, "127.0.0.1:5432", "127.0.0.1:40000")
                .est(20, "10.0.0.5:40001", "93.184.216.34:443");
    }

    @Test
    void drawsTheServersNodesAndEdgesAndLaysThemOutOnce() throws Exception {
        // a graph that never changes: the layout must settle by itself, not on the next change
        ScriptedSource source = new ScriptedSource(tick -> base().est(20, "127.0.0.1:40000", "127.0.0.1:5432").at(0));
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            page.open(server.url());
            page.awaitSettled();
            WireGraph served = Served.graph(server);

            assertThat(page.nodeIds()).containsExactlyElementsOf(served.nodes().stream().map(WireNode::id).sorted().toList())
                    .containsExactly("ext:93.184.216.34", "proc:10", "proc:20");
            assertThat(page.edgeIds()).containsExactlyElementsOf(served.edges().stream().map(WireEdge::id).sorted().toList())
                    .contains(API_TO_POSTGRES);
            assertThat(page.drawnLabel("proc:10")).isEqualTo("postgres\npid 10");
            assertThat(page.drawnLabel("ext:93.184.216.34")).isEqualTo("93.184.216.34");
            Map<String, List<Double>> settled = page.positions();
            Thread.sleep(5 * INTERVAL_MILLIS);
            assertThat(page.positions()).as("nothing moves once settled").isEqualTo(settled);
            assertThat(browser.console()).anySatisfy(message -> assertThat(message.text())
                    .contains("using LOCAL: /vendor/vis-network-"));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aDeltaChangesAnEdgeInPlaceWithoutMovingANode() throws Exception {
        AtomicBoolean busy = new AtomicBoolean();
        ScriptedSource source = new ScriptedSource(tick -> {
            TestSnapshots rows = base();
            if (busy.get()) {
                // 200 KB/s, and a second connection: the edge gets wider and counts two
                rows.est(20, "127.0.0.1:40000", "127.0.0.1:5432", tick * 200_000L, tick * 1000L)
                        .est(20, "127.0.0.1:40002", "127.0.0.1:5432").est(10, "127.0.0.1:5432", "127.0.0.1:40002");
            } else {
                rows.est(20, "127.0.0.1:40000", "127.0.0.1:5432", tick * 100L, tick * 10L);
            }
            return rows.at(tick);
        });
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            page.open(server.url());
            page.awaitSettled();
            browser.waitFor("the quiet edge", () -> page.edge(API_TO_POSTGRES), edge -> edge.get("label") == null
                    && ((Number) edge.get("width")).doubleValue() == 1.5);
            Map<String, List<Double>> before = page.positions();
            List<String> nodes = page.nodeIds();

            busy.set(true);
            Map<String, Object> busier = browser.waitFor("the edge counting two, wider", () -> page.edge(API_TO_POSTGRES),
                    edge -> "×2".equals(edge.get("label")) && ((Number) edge.get("width")).doubleValue() == 3);
            browser.waitFor("the change painted", page::timings,
                    timings -> !timings.isEmpty() && timings.get(timings.size() - 1).version() == page.version());

            assertThat(String.valueOf(busier.get("title"))).contains("2 connections").contains("KB/s to the server");
            assertThat(Served.edge(server, API_TO_POSTGRES).count()).isEqualTo(2);
            assertThat(page.nodeIds()).isEqualTo(nodes);
            assertThat(page.positions()).as("every node where it was").isEqualTo(before);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void whatIsGoneFadesThenLeavesTheDataSet() throws Exception {
        AtomicBoolean late = new AtomicBoolean(true);
        ScriptedSource source = withLateWorker(late);
        String edge = "tcp:proc:30->proc:10:5432";
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            page.open(server.url());
            page.awaitSettled();
            assertThat(page.nodeIds()).contains("proc:30");
            assertThat(page.edgeIds()).contains(edge);
            page.recordChanges();

            late.set(false);
            browser.waitFor("proc:30 gone from the DataSet", page::nodeIdsInDataSet, ids -> !ids.contains("proc:30"));
            List<LivePage.Change> changes = page.changes();
            LivePage.Change faded = only(changes, "update", "nodes", "proc:30");
            LivePage.Change removed = only(changes, "remove", "nodes", "proc:30");
            assertThat(((Number) faded.item().get("opacity")).doubleValue()).isLessThan(0.5);
            assertThat(removed.at() - faded.at()).as("milliseconds faded before it left").isGreaterThan(1000);
            LivePage.Change edgeFaded = only(changes, "update", "edges", edge);
            assertThat(((Number) ((Map<?, ?>) edgeFaded.item().get("color")).get("opacity")).doubleValue()).isLessThan(0.5);
            assertThat(((Map<?, ?>) edgeFaded.item().get("color")).get("color")).as("its own colour, faded")
                    .isEqualTo(FIRM_EDGE);
            assertThat(only(changes, "remove", "edges", edge).at() - edgeFaded.at()).isGreaterThan(1000);
            assertThat(page.edgeIds()).doesNotContain(edge);
            assertThat(page.nodeIds()).containsExactly("ext:93.184.216.34", "proc:10", "proc:20");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void keepsUpWithADeltaEvery200Milliseconds() throws Exception {
        int changes = 25;
        ScriptedSource source = new ScriptedSource(tick -> {
            int step = Math.min(tick, changes);
            TestSnapshots rows = base();
            // one more connection every tick (the edge's count changes), one more client every fifth
            for (int i = 0; i <= step; i++) {
                long pid = 20 + 10L * (i / 5);
                rows.est(pid, "127.0.0.1:" + (41000 + i), "127.0.0.1:5432", tick * 1000L, tick * 5000L)
                        .est(10, "127.0.0.1:5432", "127.0.0.1:" + (41000 + i));
            }
            return rows.at(tick);
        });
        try (ProcnetServer server = TestServers.start(source, 200)) {
            page.open(server.url());
            long first = page.version();
            List<Long> lags = new ArrayList<>();
            while (source.ticks() <= changes + 1) {
                long served = Served.graph(server).version();
                long shown = page.version();
                lags.add(served - shown);
                Thread.sleep(50);
            }
            long last = Served.graph(server).version();
            browser.waitFor("the page at the server's version " + last, page::version, version -> version == last);

            assertThat(last - first).as("changes after the first graph").isGreaterThanOrEqualTo(changes - 2);
            assertThat(lags).as("versions the page was behind the server").allSatisfy(lag -> assertThat(lag).isBetween(-1L, 2L));
            List<LivePage.Timing> timings = browser.waitFor("every change painted", page::timings,
                    painted -> !painted.isEmpty() && painted.get(painted.size() - 1).version() == last);
            Set<Long> painted = timings.stream().map(LivePage.Timing::version).collect(Collectors.toCollection(TreeSet::new));
            assertThat(painted).containsAll(LongStream.rangeClosed(first, last).boxed().toList());
            assertThat(timings).as("milliseconds from arrival to the screen")
                    .allSatisfy(timing -> assertThat(timing.millis()).isLessThan(1000));
            assertThat(page.nodeIds()).contains("proc:20", "proc:30", "proc:40", "proc:50", "proc:60", "proc:70");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void newItemsAreMarkedForTenSeconds() throws Exception {
        AtomicBoolean late = new AtomicBoolean();
        ScriptedSource source = withLateWorker(late);
        String edge = "tcp:proc:30->proc:10:5432";
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            page.open(server.url());
            page.awaitSettled();
            late.set(true);
            browser.waitFor("late-worker on the map", page::nodeIds, ids -> ids.contains("proc:30"));

            assertThat(fontColour("proc:30")).isEqualTo(NEW_NODE_FONT);
            assertThat(edgeColour(edge)).isEqualTo(NEW_EDGE);
            assertThat(fontColour("proc:20")).as("of the first picture").isEqualTo(NODE_FONT);
            assertThat(edgeColour(API_TO_POSTGRES)).isEqualTo(FIRM_EDGE);

            // ten seconds on, and more, as when the tab slept in the background: the marks go
            page.advanceClock(Duration.ofSeconds(60));
            browser.waitFor("late-worker unmarked", () -> fontColour("proc:30"), NODE_FONT::equals);
            assertThat(edgeColour(edge)).isEqualTo(FIRM_EDGE);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void positionsSurviveAReloadWhereverTheUserDraggedANode() throws Exception {
        ScriptedSource source = new ScriptedSource(tick -> base().est(20, "127.0.0.1:40000", "127.0.0.1:5432").at(0));
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            page.open(server.url());
            page.awaitSettled();
            double scale = page.scale();
            List<Double> before = page.positions().get("proc:20");
            page.dragNode("proc:20", 120, 80);
            List<Double> dragged = browser.waitFor("the node dropped elsewhere", () -> page.positions().get("proc:20"),
                    at -> Math.abs(at.get(0) - before.get(0) - 120 / scale) < 2);
            Map<String, List<Double>> kept = page.positions();

            browser.driver().navigate().refresh();
            page.awaitSettled();

            assertThat(page.positions()).as("where they were, to the pixel (kept rounded)").hasSameSizeAs(kept)
                    .allSatisfy((id, at) -> assertThat(at).zipSatisfy(kept.get(id),
                            (now, then) -> assertThat(now).isCloseTo(then, within(0.5))));
            assertThat(page.positions().get("proc:20").get(1)).isCloseTo(dragged.get(1), within(0.5));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aNodeNewSinceTheLastVisitFindsRoomAroundTheSavedOnesWithoutMovingThem() throws Exception {
        AtomicBoolean late = new AtomicBoolean();
        ScriptedSource source = withLateWorker(late);
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            page.open(server.url());
            page.awaitSettled();
            page.dragNode("proc:20", -150, 60);
            browser.waitUntil("the drop kept", () -> page.positions().get("proc:20").stream().map(Math::round).toList()
                    .equals(page.savedPosition("proc:20")));
            Map<String, List<Double>> kept = page.positions();
            browser.open(URI.create("about:blank"));
            late.set(true);
            Await.until("the late worker served", Duration.ofSeconds(5),
                    () -> Served.graph(server).nodes().stream().anyMatch(node -> node.id().equals("proc:30")), b -> b);

            page.open(server.url());
            page.awaitSettled();

            Map<String, List<Double>> now = page.positions();
            assertThat(now).containsKey("proc:30");
            kept.forEach((id, at) -> assertThat(now.get(id)).as(id + " where it was left")
                    .zipSatisfy(at, (x, then) -> assertThat(x).isCloseTo(then, within(0.5))));
            List<Double> worker = now.get("proc:30");
            List<Double> postgres = now.get("proc:10");
            assertThat(Math.hypot(worker.get(0) - postgres.get(0), worker.get(1) - postgres.get(1)))
                    .as("the new node beside the one it connects to").isLessThan(300);
            assertThat(page.draggable("proc:10")).as("saved nodes are free again once laid out").isTrue();
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void edgesBetweenOnePairAreSeparateCurvesWhicheverWayTheyPoint() throws Exception {
        // api -> postgres on 5432 and 6432, postgres -> api on 8080
        ScriptedSource source = new ScriptedSource(tick -> base().listen(10, "0.0.0.0:6432").listen(20, "0.0.0.0:8080")
                .est(20, "127.0.0.1:40000", "127.0.0.1:5432").est(20, "127.0.0.1:40002", "127.0.0.1:6432")
                .est(10, "127.0.0.1:50000", "127.0.0.1:8080").at(0));
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            page.open(server.url());
            page.awaitSettled();
            List<String> pair = List.of(API_TO_POSTGRES, "tcp:proc:20->proc:10:6432", "tcp:proc:10->proc:20:8080");
            assertThat(page.edgeIds()).containsAll(pair);
            List<Double> bends = pair.stream().map(page::bendOf).toList();
            assertThat(bends).as("each bends").allSatisfy(bend -> assertThat(Math.abs(bend)).isGreaterThan(2));
            assertThat(bends.stream().map(Math::round).distinct()).as("by its own amount or to its own side").hasSize(3);
            assertThat(bends).as("to both sides").anySatisfy(bend -> assertThat(bend).isPositive())
                    .anySatisfy(bend -> assertThat(bend).isNegative());
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aTypeWithoutAnIconGetsTheServersServicePngAndNoIconAtAllAGlyph() throws Exception {
        ScriptedSource source = new ScriptedSource(tick -> base().process(30, "qsim", "qsim --qubits 5")
                .est(30, "127.0.0.1:40010", "127.0.0.1:5432").at(0));
        try (ProcnetServer server = TestServers.builder(source, INTERVAL_MILLIS).classifier(SampleHost.classifier())
                .start()) {
            page.open(server.url());
            page.awaitSettled();
            browser.settle();
            assertThat(page.drawnImage("proc:30")).as("the server answers with service.png")
                    .isEqualTo(new LivePage.DrawnImage(server.url().resolve("/icons/quantum_computer.png").toString(),
                            true));
            assertThat(page.drawnImage("proc:10").src()).endsWith("/icons/database.png");
            assertThat(browser.consoleErrors()).isEmpty();

            browser.cdp("Network.enable", Map.of());
            browser.cdp("Network.setBlockedURLs", Map.of("urls", List.of("*/icons/*")));
            try {
                page.open(server.url());
                page.awaitSettled();
                browser.settle();
                for (String id : page.nodeIds()) {
                    assertThat(page.drawnImage(id)).as(id).satisfies(image -> {
                        assertThat(image.src()).startsWith("data:image/svg+xml");
                        assertThat(image.loaded()).isTrue();
                    });
                }
                assertThat(browser.consoleErrors()).isNotEmpty()
                        .allSatisfy(error -> assertThat(error.text()).contains("/icons/"));
            } finally {
                browser.cdp("Network.setBlockedURLs", Map.of("urls", List.of()));
            }
        }
    }

    private static String fontColour(String node) {
        return String.valueOf(((Map<?, ?>) page.node(node).get("font")).get("color"));
    }

    private static String edgeColour(String edge) {
        return String.valueOf(((Map<?, ?>) page.edge(edge).get("color")).get("color"));
    }

    private static LivePage.Change only(List<LivePage.Change> changes, String event, String set, String id) {
        List<LivePage.Change> found = changes.stream()
                .filter(change -> change.event().equals(event) && change.set().equals(set) && change.id().equals(id))
                .toList();
        assertThat(found).as(event + " of " + id + " in " + changes).hasSize(1);
        return found.get(0);
    }
}
