package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Snapshot;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.WireDelta;
import io.procnet.server.internal.wire.WireGraph;
import io.procnet.server.internal.wire.WireHealth;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading costs the server a bounded queue and is cut off; the loop and the
 * clients that read do not notice.
 */
class SlowClientTest {
    private static final long LIMIT = 256 * 1024;
    private static final long INTERVAL_MILLIS = 50;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aStalledClientIsCutOffAndNobodyElseNotices() throws Exception {
        // still until the readers have the graph: a reader that cannot take in the graph and a delta or two
        // within the buffer is cut off as well, and that is not what this test is about
        AtomicBoolean churning = new AtomicBoolean();
        IntFunction<Snapshot> fan = wideFan(300);
        Ticking script = new Ticking(tick -> fan.apply(churning.get() ? tick : 0));
        ScriptedSource source = new ScriptedSource(script);
        try (ProcnetServer server = TestServers.builder(source, INTERVAL_MILLIS).clientBufferBytes(LIMIT).start();
             SseClient plain = SseClient.open(server.address(), false, null);
             SseClient gzip = SseClient.open(server.address(), true, null)) {
            Follower plainFollower = new Follower(plain, script);
            Follower gzipFollower = new Follower(gzip, script);
            assertThat(plainFollower.graphBytes).as("the graph fits the buffer").isBetween(LIMIT / 4, LIMIT * 2 / 3);
            churning.set(true);

            int ticksBefore = source.ticks();
            long stalledAt = System.nanoTime();
            try (Socket stalled = stall(server)) {
                Await.until("the stalled client to be cut off", WAIT, () -> health(server).clientsDropped() >= 1);
                Await.until("two clients again", WAIT, () -> health(server).clients() == 2
                        || plain.ended() || gzip.ended());
                assertThat(plain.ended() || gzip.ended()).as("a reader was cut off: %s", health(server)).isFalse();
                Await.ticks(source, source.ticks() + 20); // a while longer, the stalled socket still open
                assertThat(stalled.getReceiveBufferSize()).isLessThan(64 * 1024);
            }
            int ticksDuring = source.ticks() - ticksBefore;
            long millisDuring = Duration.ofNanos(System.nanoTime() - stalledAt).toMillis();

            // the bound held: no client ever had more queued than LIMIT
            assertThat(server.hub().maxQueuedBytes()).isLessThanOrEqualTo(LIMIT).isGreaterThan(LIMIT / 2);
            WireHealth health = health(server);
            assertThat(health.clientsDropped()).isEqualTo(1);
            assertThat(health.clients()).isEqualTo(2);

            // the readers got every delta, in order, each soon after its snapshot
            long version = health.version();
            assertThat(plainFollower.until(version)).isGreaterThanOrEqualTo(20);
            assertThat(gzipFollower.until(version)).isGreaterThanOrEqualTo(20);
            assertThat(plainFollower.deltaBytes).as("big deltas").isGreaterThan(50_000L * plainFollower.deltas);
            // a loop held up by the stalled client would be seconds late, or stop; a noisy machine is
            // a few hundred milliseconds late now and then
            for (Follower follower : List.of(plainFollower, gzipFollower)) {
                List<Long> late = follower.lateMillis;
                assertThat(late).as("ms from snapshot to delta").allMatch(millis -> millis < 40 * INTERVAL_MILLIS);
                assertThat(late.stream().sorted().toList().get(late.size() / 2)).as("the median of %s", late)
                        .isLessThan(2 * INTERVAL_MILLIS);
            }

            // the loop kept its pace: at least half the ticks the interval makes, and no gap of seconds
            assertThat(ticksDuring).isGreaterThanOrEqualTo((int) (millisDuring / INTERVAL_MILLIS / 2));
            assertThat(script.longestGapMillis(ticksBefore)).isLessThan(40 * INTERVAL_MILLIS);
        }
    }

    @Test
    void aGraphLargerThanTheBufferStillReachesAClientThatReads() throws Exception {
        AtomicInteger fan = new AtomicInteger(50);
        ScriptedSource source = new ScriptedSource(tick -> wideFan(fan.get()).apply(0));
        try (ProcnetServer server = TestServers.builder(source, INTERVAL_MILLIS).clientBufferBytes(4096).start();
             SseClient client = SseClient.open(server.address(), false, null)) { // gzip would make it fit
            SseClient.Event first = client.nextEvent(WAIT);
            assertThat(first).as("the graph").isNotNull();
            assertThat(first.data().length()).isGreaterThan(4 * 4096);
            WireGraph graph = Json.read(first.data(), WireGraph.class);

            Await.ticks(source, source.ticks() + 3);
            assertThat(server.clients()).isEqualTo(1);
            fan.set(51); // a small delta follows
            SseClient.Event delta = client.nextEvent(WAIT);
            assertThat(delta.name()).isEqualTo("delta");
            assertThat(Json.read(delta.data(), WireDelta.class).from()).isEqualTo(graph.version());
            assertThat(health(server).clientsDropped()).isZero();
        }
    }

    /** Opens an event stream with a tiny receive window and never reads it. */
    private static Socket stall(ProcnetServer server) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096); // before connect, so the window is small from the handshake on
        socket.connect(server.address(), 5000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/events HTTP/1.1\r\nHost: " + RawHttp.hostOf(server.address())
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /**
     * {@code clients} processes, each with 1 to 3 connections to one server, the count of each
     * changing on every tick: every edge is in every delta, some 200 bytes each.
     */
    static IntFunction<Snapshot> wideFan(int clients) {
        return tick -> {
            TestSnapshots rows = new TestSnapshots().listen(10, "0.0.0.0:5432");
            int port = 20000;
            for (int i = 0; i < clients; i++) {
                for (int c = 0; c <= (tick + i) % 3; c++) {
                    String local = "127.0.0.1:" + port++;
                    rows.est(1000 + i, local, "127.0.0.1:5432");
                    rows.est(10, "127.0.0.1:5432", local);
                }
            }
            return rows.at(tick);
        };
    }

    private static WireHealth health(ProcnetServer server) {
        try {
            return Json.read(RawHttp.get(server.address(), "/api/health").body(), WireHealth.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A script that notes when each tick was taken. */
    private static final class Ticking implements IntFunction<Snapshot> {
        private final IntFunction<Snapshot> script;
        private final List<Long> taken = new CopyOnWriteArrayList<>();

        Ticking(IntFunction<Snapshot> script) {
            this.script = script;
        }

        @Override
        public Snapshot apply(int tick) {
            taken.add(System.nanoTime());
            return script.apply(tick);
        }

        long takenAt(int tick) {
            return taken.get(tick);
        }

        long longestGapMillis(int fromTick) {
            long longest = 0;
            for (int i = fromTick + 1; i < taken.size(); i++) {
                longest = Math.max(longest, taken.get(i) - taken.get(i - 1));
            }
            return Duration.ofNanos(longest).toMillis();
        }
    }

    /** Reads a stream as the page does and checks that no version is skipped. */
    private static final class Follower {
        private final SseClient client;
        private final Ticking script;
        final long graphBytes;
        long version;
        int deltas;
        long deltaBytes;
        final List<Long> lateMillis = new ArrayList<>();

        Follower(SseClient client, Ticking script) throws InterruptedException {
            this.client = client;
            this.script = script;
            SseClient.Event first = client.nextEvent(WAIT);
            assertThat(first.name()).isEqualTo("graph");
            graphBytes = first.data().length();
            version = Long.parseLong(first.id());
        }

        /** Reads deltas up to {@code last}; returns how many there were in all. */
        int until(long last) throws InterruptedException {
            while (version < last) {
                SseClient.Event event = client.nextEvent(WAIT);
                assertThat(event).as("the delta after " + version).isNotNull();
                WireDelta delta = Json.read(event.data(), WireDelta.class);
                assertThat(delta.from()).as("no gap").isEqualTo(version);
                version = delta.version();
                deltas++;
                deltaBytes += event.data().length();
                int tick = Math.toIntExact(java.time.Instant.parse(delta.takenAt()).getEpochSecond()
                        - TestSnapshots.T0.getEpochSecond());
                lateMillis.add(Duration.ofNanos(event.receivedNanos() - script.takenAt(tick)).toMillis());
            }
            return deltas;
        }
    }
}
