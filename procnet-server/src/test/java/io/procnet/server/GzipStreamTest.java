package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Snapshot;
import io.procnet.server.internal.http.ContentTypes;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.WireDelta;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Each event reaches the client as soon as the loop publishes it, gzip or not: nothing waits in a
 * compressor or a buffer for the next one. With an interval of 300 ms, an event held back until the
 * next pushes it out would arrive a whole interval late (or never); the bounds are well under that,
 * and generous enough for a noisy machine: every delta within 200 ms of its snapshot, half of them
 * within 50 ms. The first deltas, which pay for the JIT, are not timed.
 */
class GzipStreamTest {
    private static final long INTERVAL_MILLIS = 300;
    private static final long AT_ONCE_MILLIS = 200;
    private static final long MEDIAN_MILLIS = 50;
    private static final int WARM_UP = 2;
    private static final int DELTAS = 8;

    @Test
    void aGzipStreamIsGzipAndEachEventArrivesAtOnce() throws Exception {
        Timed script = new Timed(EventStreamTest.everTick());
        try (ProcnetServer server = TestServers.start(new ScriptedSource(script), INTERVAL_MILLIS);
             SseClient gzip = SseClient.open(server.address(), true, null);
             SseClient plain = SseClient.open(server.address(), false, null)) {
            assertThat(gzip.headers()).containsEntry("content-encoding", "gzip")
                    .containsEntry("content-type", ContentTypes.EVENT_STREAM);
            assertThat(gzip.headers().get("vary")).containsIgnoringCase("accept-encoding");
            assertThat(plain.headers()).doesNotContainKey("content-encoding")
                    .containsEntry("content-type", ContentTypes.EVENT_STREAM);

            List<Long> gzipLate = lateness(gzip, script);
            List<Long> plainLate = lateness(plain, script);
            assertAtOnce("gzip", gzipLate);
            assertAtOnce("plain", plainLate);
        }
    }

    private static void assertAtOnce(String stream, List<Long> late) {
        assertThat(late).as("ms from each snapshot to its delta at the client, %s", stream)
                .hasSize(DELTAS).allMatch(millis -> millis < AT_ONCE_MILLIS);
        assertThat(late.stream().sorted().toList().get(DELTAS / 2)).as("the median of %s", late)
                .isLessThan(MEDIAN_MILLIS);
    }

    /** For each of the next deltas, the milliseconds from the moment the source returned its snapshot to its arrival. */
    private static List<Long> lateness(SseClient client, Timed script) throws InterruptedException {
        assertThat(client.nextEvent(Duration.ofSeconds(10)).name()).isEqualTo("graph");
        List<Long> late = new ArrayList<>();
        for (int i = 0; i < WARM_UP + DELTAS; i++) {
            SseClient.Event event = client.nextEvent(Duration.ofSeconds(10));
            assertThat(event).as("delta " + i).isNotNull();
            assertThat(event.name()).isEqualTo("delta");
            WireDelta delta = Json.read(event.data(), WireDelta.class);
            int tick = Math.toIntExact(Instant.parse(delta.takenAt()).getEpochSecond() - TestSnapshots.T0.getEpochSecond());
            if (i >= WARM_UP) {
                late.add(TimeUnit.NANOSECONDS.toMillis(event.receivedNanos() - script.returned(tick)));
            }
        }
        return late;
    }

    /** A script that notes when it handed out each tick's snapshot. */
    private static final class Timed implements IntFunction<Snapshot> {
        private final IntFunction<Snapshot> script;
        private final Map<Integer, Long> returned = new ConcurrentHashMap<>();

        Timed(IntFunction<Snapshot> script) {
            this.script = script;
        }

        @Override
        public Snapshot apply(int tick) {
            Snapshot snapshot = script.apply(tick);
            returned.put(tick, System.nanoTime());
            return snapshot;
        }

        long returned(int tick) {
            Long nanos = returned.get(tick);
            assertThat(nanos).as("tick %d was collected", tick).isNotNull();
            return nanos;
        }
    }
}
