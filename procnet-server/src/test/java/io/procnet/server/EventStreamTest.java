package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Snapshot;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.WireDelta;
import io.procnet.server.internal.wire.WireGraph;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The event stream as the page reads it: a {@code graph} event, then deltas that applied in order
 * make the server's graph; nothing when nothing changed; resuming by {@code Last-Event-ID};
 * keep-alive comments.
 */
class EventStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int CHANGES = 30;

    @Test
    void theDeltasAppliedToTheFirstGraphMakeTheServersGraph() throws Exception {
        ScriptedSource source = new ScriptedSource(new ChangingScript(20261201, CHANGES));
        try (ProcnetServer server = TestServers.start(source, 40);
             SseClient plain = SseClient.open(server.address(), false, null);
             SseClient gzip = SseClient.open(server.address(), true, null)) {
            Replay replayPlain = new Replay(plain);
            Replay replayGzip = new Replay(gzip);
            Await.ticks(source, CHANGES + 4); // the changes are over
            WireGraph last = graph(server);
            replayPlain.until(last.version());
            replayGzip.until(last.version());

            assertThat(replayPlain.graph).isEqualTo(last);
            assertThat(replayGzip.graph).isEqualTo(last);
            assertThat(replayPlain.deltas).isGreaterThanOrEqualTo(CHANGES / 2);
            assertThat(last.nodes()).hasSizeGreaterThan(5);
            assertThat(last.edges()).hasSizeGreaterThan(5);
        }
    }

    @Test
    void aClientThatStartedFromAFailedFirstCollectionLearnsTheCollector() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(true);
        ScriptedSource source = new ScriptedSource(tick -> {
            if (failing.get()) {
                throw new IllegalStateException("not yet");
            }
            return new TestSnapshots().listen(10, "0.0.0.0:5432").est(20, "127.0.0.1:40000", "127.0.0.1:5432").at(tick);
        });
        try (ProcnetServer server = TestServers.start(source, 40);
             SseClient client = SseClient.open(server.address(), false, null)) {
            Replay replay = new Replay(client);
            assertThat(replay.graph.stale()).isTrue();
            assertThat(replay.graph.collector()).isEmpty();
            failing.set(false);
            Await.until("a good collection", WAIT, () -> !graphQuietly(server).stale());
            replay.until(graph(server).version());

            assertThat(replay.graph).isEqualTo(graph(server));
            assertThat(replay.graph.collector()).isEqualTo("scripted");
        }
    }

    @Test
    void aTickThatChangesNothingSendsNothing() throws Exception {
        AtomicInteger generation = new AtomicInteger();
        ScriptedSource source = new ScriptedSource(tick -> new TestSnapshots()
                .listen(10, "0.0.0.0:5432")
                .est(20, "127.0.0.1:40000", "127.0.0.1:5432", 5000L * tick, 300L * tick) // steady rates
                .est(20 + generation.get(), "127.0.0.1:40001", "127.0.0.1:5432")
                .at(tick));
        try (ProcnetServer server = TestServers.start(source, 50);
             SseClient client = SseClient.open(server.address(), false, null)) {
            Replay replay = new Replay(client);
            Await.ticks(source, 4); // the rates appeared at tick 1
            replay.until(graph(server).version());
            int ticks = source.ticks();
            Await.ticks(source, ticks + 3);
            Thread.sleep(50); // what tick ticks + 3 would send
            assertThat(client.drain()).noneMatch(event -> event.name().equals("delta"));
            assertThat(graph(server).version()).isEqualTo(replay.graph.version());

            generation.incrementAndGet();
            SseClient.Event delta = client.nextEvent(WAIT);
            assertThat(delta.name()).isEqualTo("delta");
            assertThat(Json.read(delta.data(), WireDelta.class).from()).isEqualTo(replay.graph.version());
        }
    }

    @Test
    void aClientThatComesBackGetsExactlyTheDeltasItMissed() throws Exception {
        ScriptedSource source = new ScriptedSource(everTick());
        try (ProcnetServer server = TestServers.start(source, 30)) {
            List<SseClient.Event> seen = new ArrayList<>();
            try (SseClient first = SseClient.open(server.address(), false, null)) {
                assertThat(first.nextEvent(WAIT).name()).isEqualTo("graph");
                for (int i = 0; i < 6; i++) {
                    seen.add(first.nextEvent(WAIT));
                }
            }
            String resumeAt = seen.get(2).id(); // three deltas ago
            Await.until("more versions", WAIT, () -> graphQuietly(server).version() > Long.parseLong(seen.get(5).id()) + 2);

            try (SseClient back = SseClient.open(server.address(), false, resumeAt)) {
                List<SseClient.Event> again = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    again.add(back.nextEvent(WAIT));
                }
                assertThat(again).extracting(SseClient.Event::name).containsOnly("delta");
                // the three it had not seen, byte for byte, then the ones made while it was away, in order
                assertThat(again.subList(0, 3)).extracting(SseClient.Event::data)
                        .containsExactlyElementsOf(seen.subList(3, 6).stream().map(SseClient.Event::data).toList());
                long version = Long.parseLong(resumeAt);
                for (SseClient.Event event : again) {
                    WireDelta delta = Json.read(event.data(), WireDelta.class);
                    assertThat(delta.from()).isEqualTo(version);
                    assertThat(event.id()).isEqualTo(Long.toString(delta.version()));
                    version = delta.version();
                }
            }
        }
    }

    @Test
    void aClientTooFarBehindOrWithAnIdNotOursGetsTheWholeGraph() throws Exception {
        ScriptedSource source = new ScriptedSource(everTick());
        try (ProcnetServer server = TestServers.start(source, 10)) {
            long old = graph(server).version();
            // 64 deltas are kept: wait for more
            Await.until("70 more versions", Duration.ofSeconds(30), () -> graphQuietly(server).version() > old + 70);
            for (String id : new String[] {Long.toString(old), "12", "garbage", "", "-1", Long.toString(Long.MAX_VALUE)}) {
                try (SseClient client = SseClient.open(server.address(), false, id)) {
                    SseClient.Event first = client.nextEvent(WAIT);
                    assertThat(first.name()).as("Last-Event-ID %s", id).isEqualTo("graph");
                    WireGraph graph = Json.read(first.data(), WireGraph.class);
                    assertThat(first.id()).isEqualTo(Long.toString(graph.version()));
                    WireDelta next = Json.read(client.nextEvent(WAIT).data(), WireDelta.class);
                    assertThat(next.from()).isEqualTo(graph.version());
                }
            }
        }
    }

    @Test
    void aClientUpToDateGetsOnlyTheDeltasFromThenOn() throws Exception {
        AtomicInteger generation = new AtomicInteger();
        ScriptedSource source = new ScriptedSource(tick -> new TestSnapshots()
                .listen(10, "0.0.0.0:5432")
                .est(20 + generation.get(), "127.0.0.1:40001", "127.0.0.1:5432")
                .at(tick));
        try (ProcnetServer server = TestServers.start(source, 30)) {
            Await.ticks(source, 2);
            long current = graph(server).version();
            try (SseClient client = SseClient.open(server.address(), false, Long.toString(current))) {
                Await.ticks(source, source.ticks() + 3);
                Thread.sleep(30);
                assertThat(client.drain()).extracting(SseClient.Event::name).containsOnly(":comment");
                generation.incrementAndGet();
                SseClient.Event delta = client.nextEvent(WAIT);
                assertThat(delta.name()).isEqualTo("delta");
                assertThat(Json.read(delta.data(), WireDelta.class).from()).isEqualTo(current);
            }
        }
    }

    @Test
    void anIdleStreamGetsKeepAliveComments() throws Exception {
        ScriptedSource source = new ScriptedSource(tick -> new TestSnapshots().listen(10, "0.0.0.0:5432").at(0));
        try (ProcnetServer server = TestServers.builder(source, 50).heartbeat(Duration.ofMillis(200)).start();
             SseClient client = SseClient.open(server.address(), false, null)) {
            assertThat(client.next(WAIT)).extracting(SseClient.Event::name, SseClient.Event::data)
                    .containsExactly(":comment", "procnet");
            assertThat(client.nextEvent(WAIT).name()).isEqualTo("graph");
            long idle = System.nanoTime();
            SseClient.Event comment = client.next(Duration.ofSeconds(1));
            assertThat(comment).as("a comment within 1 s").isNotNull();
            assertThat(comment.name()).isEqualTo(":comment");
            assertThat(comment.data()).isEqualTo("keep-alive");
            assertThat(comment.receivedNanos() - idle).isLessThan(Duration.ofSeconds(1).toNanos());
            assertThat(client.next(Duration.ofSeconds(1)).data()).isEqualTo("keep-alive"); // and on
        }
    }

    /** A snapshot that differs from the one before on every tick: the edge's count goes 1, 2, ... 7, 1. */
    static IntFunction<Snapshot> everTick() {
        return tick -> {
            TestSnapshots rows = new TestSnapshots().listen(10, "0.0.0.0:5432");
            for (int i = 0; i <= tick % 7; i++) {
                rows.est(20, "127.0.0.1:" + (40000 + i), "127.0.0.1:5432");
            }
            return rows.at(tick);
        };
    }

    static WireGraph graph(ProcnetServer server) throws IOException {
        RawHttp.Response response = RawHttp.get(server.address(), "/api/graph");
        assertThat(response.status()).isEqualTo(200);
        return Json.read(response.body(), WireGraph.class);
    }

    static WireGraph graphQuietly(ProcnetServer server) {
        try {
            return graph(server);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A client's copy of the graph: the first event, then every delta applied, each checked on its way. */
    static final class Replay {
        private final SseClient client;
        WireGraph graph;
        int deltas;

        Replay(SseClient client) throws InterruptedException {
            this.client = client;
            SseClient.Event first = client.nextEvent(WAIT);
            assertThat(first).as("the first event").isNotNull();
            assertThat(first.name()).isEqualTo("graph");
            graph = Json.read(first.data(), WireGraph.class);
            assertThat(first.id()).isEqualTo(Long.toString(graph.version()));
        }

        /** Applies the deltas that come until the graph is at {@code version}. */
        void until(long version) throws InterruptedException {
            while (graph.version() < version) {
                SseClient.Event event = client.nextEvent(WAIT);
                assertThat(event).as("a delta after " + graph.version()).isNotNull();
                assertThat(event.name()).isEqualTo("delta");
                WireDelta delta = Json.read(event.data(), WireDelta.class);
                assertThat(event.id()).isEqualTo(Long.toString(delta.version()));
                assertThat(delta.version()).isEqualTo(delta.from() + 1);
                graph = Replica.apply(graph, delta);
                deltas++;
            }
            assertThat(graph.version()).isEqualTo(version);
        }
    }
}
