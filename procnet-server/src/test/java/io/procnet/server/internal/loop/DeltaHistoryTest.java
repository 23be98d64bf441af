package io.procnet.server.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.server.internal.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeltaHistoryTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void theDeltasSinceAVersionAreFoundInOrder() {
        DeltaHistory history = new DeltaHistory();
        SseEvent a = delta(11);
        SseEvent b = delta(12);
        SseEvent c = delta(13);
        history.add(10, 11, a, 0);
        history.add(11, 12, b, SECOND);
        history.add(12, 13, c, 2 * SECOND);

        assertThat(history.since(10, 13, 3 * SECOND)).containsExactly(a, b, c);
        assertThat(history.since(11, 13, 3 * SECOND)).containsExactly(b, c);
        assertThat(history.since(12, 13, 3 * SECOND)).containsExactly(c);
    }

    @Test
    void aClientUpToDateMissedNothing() {
        DeltaHistory history = new DeltaHistory();
        assertThat(history.since(10, 10, 0)).isEmpty();
        history.add(10, 11, delta(11), 0);
        assertThat(history.since(11, 11, SECOND)).isEmpty();
    }

    @Test
    void aVersionThatWasNeverOursOrIsAheadIsNotFound() {
        DeltaHistory history = new DeltaHistory();
        history.add(10, 11, delta(11), 0);
        history.add(11, 12, delta(12), 0);

        assertThat(history.since(12_345, 12, 0)).isNull();
        assertThat(history.since(9, 12, 0)).isNull();
        assertThat(history.since(13, 12, 0)).isNull();
        assertThat(new DeltaHistory().since(10, 11, 0)).isNull();
    }

    @Test
    void aBrokenChainIsNotFound() {
        DeltaHistory history = new DeltaHistory();
        history.add(10, 11, delta(11), 0);
        history.add(12, 13, delta(13), 0); // 11 -> 12 never came

        assertThat(history.since(10, 13, 0)).isNull();
        assertThat(history.since(12, 13, 0)).hasSize(1);
    }

    @Test
    void keepsTheLast64() {
        DeltaHistory history = new DeltaHistory();
        for (long version = 0; version < 100; version++) {
            history.add(version, version + 1, delta(version + 1), 0);
        }

        assertThat(history.since(100 - DeltaHistory.MAX_EVENTS, 100, 0)).hasSize(DeltaHistory.MAX_EVENTS);
        assertThat(history.since(100 - DeltaHistory.MAX_EVENTS - 1, 100, 0)).isNull();
        assertThat(history.since(0, 100, 0)).isNull();
    }

    @Test
    void forgetsDeltasOlderThanTwoMinutes() {
        long twoMinutes = DeltaHistory.MAX_AGE.toNanos();
        DeltaHistory history = new DeltaHistory();
        history.add(10, 11, delta(11), 0);
        history.add(11, 12, delta(12), twoMinutes / 2);

        assertThat(history.since(10, 12, twoMinutes)).hasSize(2); // exactly two minutes old: still here
        assertThat(history.since(10, 12, twoMinutes + 1)).isNull(); // asked later, without a new delta
        assertThat(history.since(11, 12, twoMinutes + 1)).hasSize(1);

        history.add(12, 13, delta(13), twoMinutes + SECOND); // a new delta pushes out the old one
        assertThat(history.since(10, 13, twoMinutes + SECOND)).isNull();
        assertThat(history.since(11, 13, twoMinutes + SECOND)).hasSize(2);
        assertThat(history.since(11, 13, twoMinutes * 3 / 2 + 1)).isNull();
        assertThat(history.since(12, 13, twoMinutes * 3 / 2 + 1)).hasSize(1);
    }

    @Test
    void keepsNoMoreThan16Megabytes() {
        DeltaHistory history = new DeltaHistory();
        int megabyte = 1024 * 1024;
        long perEvent = DeltaHistory.MAX_BYTES / 4; // four fill it, the fifth pushes the first out
        for (long version = 0; version < 5; version++) {
            history.add(version, version + 1, sized(perEvent - 100), 0);
        }
        assertThat(history.since(1, 5, 0)).hasSize(4);
        assertThat(history.since(0, 5, 0)).isNull();

        history.add(5, 6, sized(megabyte), 0);
        assertThat(history.since(1, 6, 0)).isNull();
        assertThat(history.since(2, 6, 0)).hasSize(4);
    }

    @Test
    void aDeltaLargerThanTheWholeHistoryIsNotKeptAndBreaksNothing() {
        DeltaHistory history = new DeltaHistory();
        history.add(0, 1, delta(1), 0);
        history.add(1, 2, sized(DeltaHistory.MAX_BYTES + 1), 0);

        assertThat(history.since(0, 2, 0)).isNull();
        assertThat(history.since(1, 2, 0)).isNull();
        history.add(2, 3, delta(3), 0);
        assertThat(history.since(2, 3, 0)).hasSize(1);
    }

    private static SseEvent delta(long version) {
        return SseEvent.of("delta", version, ("{\"version\":" + version + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** A delta event of about {@code bytes} bytes. */
    private static SseEvent sized(long bytes) {
        byte[] json = new byte[Math.toIntExact(bytes)];
        java.util.Arrays.fill(json, (byte) 'x');
        return SseEvent.of("delta", 1, json);
    }
}
