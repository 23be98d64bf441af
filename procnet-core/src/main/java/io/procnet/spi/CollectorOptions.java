package io.procnet.spi;

import io.procnet.model.Protocol;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a collector should read. Immutable and thread-safe.
 *
 * @param protocols       the protocols to read; reading fewer is faster
 * @param trafficCounters whether to fill {@link io.procnet.model.SocketEntry#traffic()} where the
 *                        OS can (on Linux it makes the socket dump about a third slower)
 */
public record CollectorOptions(Set<Protocol> protocols, boolean trafficCounters) {

    public CollectorOptions {
        Objects.requireNonNull(protocols, "protocols");
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("protocols must name at least one protocol");
        }
        protocols = Set.copyOf(protocols);
    }

    /** TCP and UDP, with traffic counters. */
    public static CollectorOptions defaults() {
        return new CollectorOptions(EnumSet.allOf(Protocol.class), true);
    }

    /** Whether {@code protocol} should be read. */
    public boolean includes(Protocol protocol) {
        return protocols.contains(protocol);
    }

    /** A copy that reads only {@code protocols}. */
    public CollectorOptions withProtocols(Set<Protocol> protocols) {
        return new CollectorOptions(protocols, trafficCounters);
    }

    /** A copy with traffic counters on or off. */
    public CollectorOptions withTrafficCounters(boolean trafficCounters) {
        return new CollectorOptions(protocols, trafficCounters);
    }
}
