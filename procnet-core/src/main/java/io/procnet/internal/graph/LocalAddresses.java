package io.procnet.internal.graph;

import io.procnet.internal.host.HostAddresses;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The addresses of this host in one snapshot: loopback, those its sockets are bound to, those
 * the options name, and the host's interface addresses (kept current by {@link HostAddresses}).
 * Sockets note their local address one by one; since a host has few addresses and collectors
 * share address instances, a small identity cache answers most notes without hashing. Not
 * thread-safe.
 */
final class LocalAddresses {
    private static final int RECENT = 8;

    private final Set<InetAddress> configured;
    private final HostAddresses host;
    private final InetAddress[] recent = new InetAddress[RECENT];
    private int next;
    private Set<InetAddress> bound = new HashSet<>();
    private Set<InetAddress> all = Set.of();

    LocalAddresses(Set<InetAddress> configured, HostAddresses host) {
        this.configured = configured;
        this.host = host;
    }

    /** Starts a snapshot: no address is bound yet. */
    void begin() {
        bound = new HashSet<>();
        Arrays.fill(recent, null);
    }

    /** A socket of the snapshot is bound to {@code address} (not the wildcard). */
    void noteBound(InetAddress address) {
        for (InetAddress known : recent) {
            if (known == address) {
                return;
            }
        }
        recent[next] = address;
        next = (next + 1) % RECENT;
        if (!address.isLoopbackAddress()) {
            bound.add(address);
        }
    }

    /** Ends the snapshot's notes; true when the addresses differ from the previous snapshot's. */
    boolean end() {
        Set<InetAddress> now = new HashSet<>(bound);
        now.addAll(configured);
        now.addAll(host.current());
        boolean changed = !now.equals(all);
        all = now;
        return changed;
    }

    boolean isLocal(InetAddress address) {
        return address.isLoopbackAddress() || all.contains(address);
    }
}
