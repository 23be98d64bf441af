package io.procnet.server.internal.wire;

/** A socket's counters since it opened; {@code roundTripMicros} is -1 when unknown. */
public record WireSocketTraffic(long bytesSent, long bytesReceived, long segmentsSent, long segmentsReceived,
                                long roundTripMicros) {
}
