package io.procnet.spi;

/**
 * A collector implementation for one OS or method, found by {@link java.util.ServiceLoader}.
 *
 * <p>Register an implementation both in {@code META-INF/services/io.procnet.spi.CollectorProvider}
 * and with {@code provides io.procnet.spi.CollectorProvider with ...} in {@code module-info.java}.
 * The constructor must do nothing and load no native code: the registry instantiates every
 * provider on the path, also those for other operating systems. Implementations must be
 * thread-safe.
 */
public interface CollectorProvider {

    /** Stable id, e.g. {@code linux-netlink}; used by {@code --collector} and {@code -Dprocnet.collector}. */
    String id();

    /** Higher wins among the available providers. */
    int priority();

    /** Whether this provider can run here, and if not why; probes once and remembers the answer. */
    Availability availability();

    /**
     * Creates a collector. Only called when {@link #availability()} said available.
     *
     * @throws CollectorException when the collector cannot be set up after all
     */
    ConnectionCollector create(CollectorOptions options) throws CollectorException;
}
