package io.procnet.internal.graph;

import io.procnet.model.SocketEntry;
import io.procnet.model.TrafficCounters;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns cumulative per-socket counters into bytes moved since the previous snapshot. Every
 * socket with counters is recorded as the next baseline, whoever owns it and whichever half of
 * its connection gets metered, so that a socket whose owner shows up late, or whose edge changes
 * direction, is not taken for a new one. Keeps the counters in flat arrays. Not thread-safe.
 */
final class TrafficMeter {
    private Counters previous = new Counters(0);
    private Instant previousAt;

    /** Starts metering the snapshot taken at {@code takenAt}, which has at most {@code sockets} sockets. */
    Round begin(Instant takenAt, int sockets) {
        return new Round(takenAt, sockets);
    }

    /**
     * The byte counters of one snapshot's sockets, by inode where the OS gives one (a primitive
     * key, compared without touching the socket) and by connection elsewhere.
     */
    private static final class Counters {
        final LongIndex byInode;
        final long[] sent;
        final long[] received;
        private final int capacity;
        private ConnectionIndex byConnection; // made on first need: Linux sockets all have inodes
        int size;

        Counters(int capacity) {
            this.capacity = capacity;
            byInode = new LongIndex(capacity);
            sent = new long[capacity];
            received = new long[capacity];
        }

        int find(SocketEntry socket) {
            if (socket.inode() != 0) {
                return byInode.get(socket.inode());
            }
            return byConnection == null ? -1 : byConnection.get(ConnectionKey.of(socket));
        }

        void add(SocketEntry socket, TrafficCounters counters) {
            int slot = size++;
            if (socket.inode() != 0) {
                byInode.put(socket.inode(), slot);
            } else {
                if (byConnection == null) {
                    byConnection = new ConnectionIndex(capacity);
                }
                byConnection.put(ConnectionKey.of(socket), slot);
            }
            sent[slot] = counters.bytesSent();
            received[slot] = counters.bytesReceived();
        }
    }

    /** The metering of one snapshot; {@link #finish()} makes it the baseline of the next. */
    final class Round {
        private final Instant takenAt;
        private final double seconds;
        private final Counters current;

        private Round(Instant takenAt, int sockets) {
            this.takenAt = takenAt;
            this.seconds = previousAt == null || !takenAt.isAfter(previousAt)
                    ? 0 : Duration.between(previousAt, takenAt).toNanos() / 1e9;
            this.current = new Counters(sockets);
        }

        /** Seconds since the previous snapshot, or 0 when there is none to compare with. */
        double seconds() {
            return seconds;
        }

        /** Records the counters of {@code socket}, if it has any, as part of the next baseline. */
        void record(SocketEntry socket) {
            if (socket.traffic() != null) {
                current.add(socket, socket.traffic());
            }
        }

        /**
         * Bytes {@code socket} sent and received since the previous snapshot, into {@code sentAndReceived};
         * false when the socket has no counters. A socket not in the previous snapshot (or whose
         * counters went back, a reused connection) counts everything it has: it opened during the
         * interval.
         */
        boolean delta(SocketEntry socket, long[] sentAndReceived) {
            TrafficCounters now = socket.traffic();
            if (now == null) {
                return false;
            }
            int before = previous.find(socket);
            boolean continues = before >= 0
                    && now.bytesSent() >= previous.sent[before] && now.bytesReceived() >= previous.received[before];
            sentAndReceived[0] = continues ? now.bytesSent() - previous.sent[before] : now.bytesSent();
            sentAndReceived[1] = continues ? now.bytesReceived() - previous.received[before] : now.bytesReceived();
            return true;
        }

        void finish() {
            previous = current;
            previousAt = takenAt;
        }
    }
}
