package io.procnet.collect.posix.internal.linux;

import io.procnet.spi.CollectorException;

/** Reads the socket tables of one network namespace, the way of one collector. */
public interface SocketTable extends AutoCloseable {

    /** All rows; unreadable rows are counted in the issues. Throws only when nothing could be read. */
    TableRead read() throws CollectorException;

    @Override
    default void close() {
    }
}
