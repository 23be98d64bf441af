package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.CollectionIssue;
import io.procnet.model.Snapshot;
import io.procnet.server.internal.loop.GraphPublisher;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.WireDelta;
import io.procnet.server.internal.wire.WireGraph;
import io.procnet.server.internal.wire.WireHealth;
import io.procnet.server.internal.wire.WireIssue;
import io.procnet.testkit.CapturedLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A collector that fails: the last graph stays, marked stale, with the error; logged once; retried every tick. */
class CollectorFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ERROR = "netlink dump interrupted: ENOBUFS";

    @Test
    void everyOtherTickFailsAndTheGraphStaysMarkedStale() throws Exception {
        ScriptedSource source = new ScriptedSource(tick -> {
            if (tick % 2 == 1) {
                throw new IllegalStateException(ERROR);
            }
            return good(tick);
        });
        try (CapturedLog log = new CapturedLog("io.procnet.server");
             ProcnetServer server = TestServers.start(source, 40);
             SseClient client = SseClient.open(server.address(), false, null)) {
            WireGraph first = Json.read(client.nextEvent(WAIT).data(), WireGraph.class);
            // each tick is a delta: staleness flips, and the nodes and edges never change
            List<WireDelta> deltas = new ArrayList<>();
            while (deltas.size() < 12) {
                deltas.add(Json.read(client.nextEvent(WAIT).data(), WireDelta.class));
            }
            boolean stale = first.stale();
            for (WireDelta delta : deltas) {
                assertThat(delta.stale()).isNotEqualTo(stale);
                stale = delta.stale();
                assertThat(delta.addedNodes()).isEmpty();
                assertThat(delta.removedNodes()).isEmpty();
                assertThat(delta.updatedNodes()).isEmpty();
                assertThat(delta.addedEdges()).isEmpty();
                assertThat(delta.removedEdges()).isEmpty();
                assertThat(delta.updatedEdges()).isEmpty();
                if (delta.stale()) {
                    assertThat(delta.issues()).containsExactly(new WireIssue(GraphPublisher.COLLECTION_FAILED, ERROR, 1));
                } else {
                    assertThat(delta.issues()).isEmpty();
                }
            }

            WireGraph staleGraph = awaitGraph(server, true);
            assertThat(staleGraph.nodes()).isEqualTo(first.nodes()).isNotEmpty();
            assertThat(staleGraph.edges()).isEqualTo(first.edges()).isNotEmpty();
            assertThat(staleGraph.issues()).containsExactly(new WireIssue(GraphPublisher.COLLECTION_FAILED, ERROR, 1));
            WireGraph goodGraph = awaitGraph(server, false);
            assertThat(goodGraph.nodes()).isEqualTo(first.nodes());
            assertThat(goodGraph.edges()).isEqualTo(first.edges());
            assertThat(goodGraph.issues()).isEmpty();

            // many failures, one warning (and one note that it works again)
            assertThat(source.ticks()).isGreaterThanOrEqualTo(12); // six failures at least
            assertThat(log.warnings()).filteredOn(message -> message.contains(ERROR)).hasSize(1);
            assertThat(log.warnings().get(0)).startsWith("collection failed");
            assertThat(log.infos()).filteredOn(message -> message.contains("works again")).hasSize(1);
        }
    }

    @Test
    void aNewErrorIsLoggedAgain() throws Exception {
        ScriptedSource source = new ScriptedSource(tick -> {
            if (tick > 0) {
                throw new IllegalStateException(tick < 6 ? ERROR : "the collector was closed");
            }
            return good(tick);
        });
        try (CapturedLog log = new CapturedLog("io.procnet.server"); ProcnetServer server = TestServers.start(source, 20)) {
            Await.ticks(source, 12);
            assertThat(log.warnings()).hasSize(2);
            assertThat(log.warnings().get(0)).contains(ERROR);
            assertThat(log.warnings().get(1)).contains("the collector was closed");
            assertThat(awaitGraph(server, true).issues()).extracting(WireIssue::message)
                    .containsExactly("the collector was closed");
        }
    }

    @Test
    void aSourceThatNeverWorksStillStartsAServerThatSaysWhy() throws Exception {
        ScriptedSource source = new ScriptedSource(tick -> {
            throw new UncheckedIOException(new IOException("permission denied: /proc/net/tcp"));
        });
        try (CapturedLog log = new CapturedLog("io.procnet.server"); ProcnetServer server = TestServers.start(source, 30)) {
            WireGraph graph = EventStreamTest.graph(server);
            assertThat(graph.stale()).isTrue();
            assertThat(graph.nodes()).isEmpty();
            assertThat(graph.edges()).isEmpty();
            assertThat(graph.issues()).extracting(WireIssue::code).containsExactly(GraphPublisher.COLLECTION_FAILED);
            assertThat(graph.issues().get(0).message()).contains("permission denied: /proc/net/tcp");

            Await.ticks(source, 6); // it keeps trying
            WireHealth health = Json.read(RawHttp.get(server.address(), "/api/health").body(), WireHealth.class);
            assertThat(health.ok()).isFalse();
            assertThat(health.error()).contains("permission denied");
            assertThat(log.warnings()).hasSize(1);
            assertThat(EventStreamTest.graph(server).version()).isEqualTo(graph.version()); // nothing new to say
        }
    }

    @Test
    void aSlowSourceSpacesTheTicksInsteadOfPilingThemUp() throws Exception {
        long interval = 40;
        List<Long> started = new CopyOnWriteArrayList<>();
        ScriptedSource source = new ScriptedSource(tick -> {
            started.add(System.nanoTime());
            try {
                Thread.sleep(3 * interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return good(tick);
        });
        try (ProcnetServer server = TestServers.start(source, interval)) {
            int before = source.ticks();
            long from = System.nanoTime();
            Thread.sleep(1200);
            int during = source.ticks() - before;
            long elapsed = Duration.ofNanos(System.nanoTime() - from).toMillis();
            // 1200 ms of 120 ms collections: about 10 ticks, where an interval of 40 would make 30
            assertThat(during).isBetween(4, (int) (elapsed / (3 * interval)) + 1);
            for (int i = 1; i < started.size(); i++) {
                assertThat(Duration.ofNanos(started.get(i) - started.get(i - 1)).toMillis())
                        .as("from tick %d to the next", i - 1).isGreaterThanOrEqualTo(3 * interval);
            }
            assertThat(server.clients()).isZero();
        }
    }

    @Test
    void problemsThatComeAndGoAreDeltas() throws Exception {
        CollectionIssue ruleError = new CollectionIssue("rules-invalid", "rules.yaml:12:5: unknown field 'colour'", 1);
        AtomicReference<List<CollectionIssue>> problems = new AtomicReference<>(List.of());
        ScriptedSource source = new ScriptedSource(CollectorFaultTest::good);
        try (ProcnetServer server = TestServers.builder(source, 30).problems(problems::get).start();
             SseClient client = SseClient.open(server.address(), false, null)) {
            WireGraph first = Json.read(client.nextEvent(WAIT).data(), WireGraph.class);
            assertThat(first.issues()).isEmpty();

            problems.set(List.of(ruleError));
            WireDelta broken = Json.read(client.nextEvent(WAIT).data(), WireDelta.class);
            assertThat(broken.from()).isEqualTo(first.version());
            assertThat(broken.issues()).containsExactly(new WireIssue("rules-invalid", ruleError.message(), 1));
            assertThat(broken.stale()).isFalse();
            assertThat(EventStreamTest.graph(server).issues()).isEqualTo(broken.issues());

            problems.set(List.of());
            WireDelta fixed = Json.read(client.nextEvent(WAIT).data(), WireDelta.class);
            assertThat(fixed.from()).isEqualTo(broken.version());
            assertThat(fixed.issues()).isEmpty();
            assertThat(EventStreamTest.graph(server).issues()).isEmpty();
        }
    }

    @Test
    void aProblemsSupplierThatThrowsIsAnIssueItself() throws Exception {
        ScriptedSource source = new ScriptedSource(CollectorFaultTest::good);
        try (ProcnetServer server = TestServers.builder(source, 30)
                .problems(() -> {
                    throw new IllegalStateException("rules.yaml vanished");
                }).start()) {
            assertThat(EventStreamTest.graph(server).issues()).extracting(WireIssue::code, WireIssue::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("problems-failed",
                            "the problems supplier failed: rules.yaml vanished"));
            assertThat(EventStreamTest.graph(server).stale()).isFalse();
        }
    }

    private static Snapshot good(int tick) {
        return new TestSnapshots().listen(10, "0.0.0.0:5432").est(20, "127.0.0.1:40000", "127.0.0.1:5432").at(tick);
    }

    private static WireGraph awaitGraph(ProcnetServer server, boolean stale) throws InterruptedException {
        AtomicReference<WireGraph> seen = new AtomicReference<>();
        Await.until("a graph with stale " + stale, WAIT, () -> {
            WireGraph graph = EventStreamTest.graphQuietly(server);
            seen.set(graph);
            return graph.stale() == stale;
        });
        return seen.get();
    }
}
