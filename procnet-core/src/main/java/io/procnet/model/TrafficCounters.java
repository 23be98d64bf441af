package io.procnet.model;

import java.time.Duration;

/**
 * Cumulative traffic of one socket since it was opened, as the OS counts it (Linux
 * {@code tcp_info}). Immutable and thread-safe.
 *
 * @param bytesSent        bytes sent and acknowledged by the peer
 * @param bytesReceived    bytes received
 * @param segmentsSent     segments sent
 * @param segmentsReceived segments received
 * @param roundTrip        smoothed round-trip time, or null when the OS does not report it
 */
public record TrafficCounters(long bytesSent, long bytesReceived, long segmentsSent, long segmentsReceived,
                              Duration roundTrip) {

    public TrafficCounters {
        requireNotNegative("bytesSent", bytesSent);
        requireNotNegative("bytesReceived", bytesReceived);
        requireNotNegative("segmentsSent", segmentsSent);
        requireNotNegative("segmentsReceived", segmentsReceived);
        if (roundTrip != null && roundTrip.isNegative()) {
            throw new IllegalArgumentException("roundTrip must not be negative: " + roundTrip);
        }
    }

    /** Byte counters only. */
    public static TrafficCounters ofBytes(long bytesSent, long bytesReceived) {
        return new TrafficCounters(bytesSent, bytesReceived, 0, 0, null);
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
