package io.procnet.server.internal.wire;

/** Bytes per second each way, as the server streams them: on a coarse scale (see {@code RateScale}). */
public record WireTraffic(long bytesPerSecondToServer, long bytesPerSecondToClient) {
}
