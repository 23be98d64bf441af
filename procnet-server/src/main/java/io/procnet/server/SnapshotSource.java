package io.procnet.server;

import io.procnet.model.Snapshot;
import io.procnet.spi.ConnectionCollector;

/**
 * Where the server's loop takes each snapshot from: a {@link ConnectionCollector}, or anything
 * else that yields one (a recording, a scripted sequence in a test). Called by the loop thread
 * only, once per tick.
 */
@FunctionalInterface
public interface SnapshotSource {

    /**
     * Takes the next snapshot. An exception means this tick saw nothing: the server keeps the last
     * graph, marks it stale, shows the error and tries again on the next tick.
     */
    Snapshot collect() throws Exception;

    /** The collector as a source. */
    static SnapshotSource of(ConnectionCollector collector) {
        return collector::collect;
    }
}
