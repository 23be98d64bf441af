package io.procnet.internal.host;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The addresses of this host's interfaces, read again when the last reading is older than a
 * period, so that a DHCP lease or a VPN that comes and goes takes effect while a stream of graphs
 * runs. Not thread-safe.
 */
public final class HostAddresses {
    /** How old a reading may get: listing the interfaces costs about a millisecond, a graph is made every second. */
    public static final long REFRESH_NANOS = 5_000_000_000L;

    /** No interface addresses at all: for graphs that depend on their snapshot alone. */
    public static final HostAddresses NONE = new HostAddresses(Set::of, () -> 0, Long.MAX_VALUE);

    private final Supplier<Set<InetAddress>> reader;
    private final LongSupplier nanoClock;
    private final long refreshNanos;
    private Set<InetAddress> addresses;
    private long readAt;

    /**
     * @param reader       lists the addresses (an OS call in production, a script in tests)
     * @param nanoClock    a monotonic clock in nanoseconds
     * @param refreshNanos how old a reading may get before it is read again
     */
    public HostAddresses(Supplier<Set<InetAddress>> reader, LongSupplier nanoClock, long refreshNanos) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.refreshNanos = refreshNanos;
    }

    /** The interfaces of the host this JVM runs on, read again every {@link #REFRESH_NANOS}. */
    public static HostAddresses ofThisHost() {
        return new HostAddresses(HostNetwork::queryInterfaceAddresses, System::nanoTime, REFRESH_NANOS);
    }

    /** The addresses, read now when the last reading is too old. */
    public Set<InetAddress> current() {
        long now = nanoClock.getAsLong();
        if (addresses == null || now - readAt >= refreshNanos) {
            addresses = Set.copyOf(reader.get());
            readAt = now;
        }
        return addresses;
    }
}
