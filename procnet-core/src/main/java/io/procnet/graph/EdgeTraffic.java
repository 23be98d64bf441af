package io.procnet.graph;

/**
 * Throughput of an edge over the last collection interval. Immutable and thread-safe.
 *
 * @param bytesPerSecondToServer client-to-server bytes per second
 * @param bytesPerSecondToClient server-to-client bytes per second
 */
public record EdgeTraffic(long bytesPerSecondToServer, long bytesPerSecondToClient) {

    public EdgeTraffic {
        if (bytesPerSecondToServer < 0 || bytesPerSecondToClient < 0) {
            throw new IllegalArgumentException(
                    "rates must not be negative: " + bytesPerSecondToServer + ", " + bytesPerSecondToClient);
        }
    }
}
