package io.procnet.spi;

import io.procnet.model.Snapshot;

/**
 * Reads the socket table and its owners. Collectors keep state between calls (caches,
 * buffers, indexes), so one instance serves one collection loop; implementations need not be
 * thread-safe unless they say so.
 */
public interface ConnectionCollector extends AutoCloseable {

    /**
     * Takes one snapshot. Whatever could not be read is described in
     * {@link io.procnet.model.Snapshot#issues()}; a bad row is skipped and counted.
     *
     * @throws CollectorException only when nothing at all could be collected
     */
    Snapshot collect() throws CollectorException;

    /** Releases native resources. Does nothing by default. */
    @Override
    default void close() {
    }
}
