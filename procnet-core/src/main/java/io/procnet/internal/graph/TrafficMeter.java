package io.procnet.internal.graph;

import io.procnet.model.SocketEntry;
import io.procnet.model.TrafficCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns cumulative per-socket counters into bytes moved since the previous snapshot. Keeps the
 * counters of the sockets it was asked about last time, and nothing else. Not thread-safe.
 */
public final class TrafficMeter {
    private Map<ConnectionKey, TrafficCounters> previous = Map.of();
    private Instant previousAt;

    /** Starts metering the snapshot taken at {@code takenAt}. */
    public Round begin(Instant takenAt) {
        return new Round(takenAt);
    }

    /** The metering of one snapshot; {@link #finish()} makes it the baseline of the next. */
    public final class Round {
        private final Instant takenAt;
        private final double seconds;
        private final Map<ConnectionKey, TrafficCounters> current = new HashMap<>();

        private Round(Instant takenAt) {
            this.takenAt = takenAt;
            this.seconds = previousAt == null || !takenAt.isAfter(previousAt)
                    ? 0 : Duration.between(previousAt, takenAt).toNanos() / 1e9;
        }

        /** Whether rates can be given: there is an earlier snapshot to compare with. */
        boolean hasRates() {
            return seconds > 0;
        }

        double seconds() {
            return seconds;
        }

        /**
         * Bytes {@code socket} sent and received since the previous snapshot, into {@code sentAndReceived};
         * false when the socket has no counters. A socket not seen before (or whose counters went
         * back, a reused connection) counts everything it has, since it opened during the interval.
         */
        boolean delta(SocketEntry socket, long[] sentAndReceived) {
            TrafficCounters now = socket.traffic();
            if (now == null) {
                return false;
            }
            ConnectionKey key = ConnectionKey.of(socket);
            current.put(key, now);
            TrafficCounters before = previous.get(key);
            boolean continues = before != null
                    && now.bytesSent() >= before.bytesSent() && now.bytesReceived() >= before.bytesReceived();
            sentAndReceived[0] = continues ? now.bytesSent() - before.bytesSent() : now.bytesSent();
            sentAndReceived[1] = continues ? now.bytesReceived() - before.bytesReceived() : now.bytesReceived();
            return true;
        }

        public void finish() {
            previous = current;
            previousAt = takenAt;
        }
    }
}
