package io.procnet.internal.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The listening sockets of a snapshot, by protocol and port, owned or not. */
final class ListenerTable {
    private final Map<Integer, List<SocketEntry>> byPort = new HashMap<>();

    void add(SocketEntry listener) {
        byPort.computeIfAbsent(key(listener.protocol(), listener.local().port()), k -> new ArrayList<>(2))
                .add(listener);
    }

    /** Whether a listener of this host accepts connections to {@code endpoint}. */
    boolean accepts(Protocol protocol, Endpoint endpoint) {
        return find(protocol, endpoint, false) != null;
    }

    /** The pid of an owned listener that accepts connections to {@code endpoint}, or -1. */
    long ownerAccepting(Protocol protocol, Endpoint endpoint) {
        SocketEntry listener = find(protocol, endpoint, true);
        return listener == null ? SocketEntry.NO_PID : listener.pid();
    }

    private SocketEntry find(Protocol protocol, Endpoint endpoint, boolean ownedOnly) {
        List<SocketEntry> listeners = byPort.get(key(protocol, endpoint.port()));
        if (listeners != null) {
            for (SocketEntry listener : listeners) {
                if ((!ownedOnly || listener.hasOwner()) && acceptsAddress(listener.local(), endpoint)) {
                    return listener;
                }
            }
        }
        return null;
    }

    /**
     * {@code 0.0.0.0} accepts IPv4 only; {@code ::} accepts IPv6 and, dual-stack, IPv4 (which
     * arrives v4-mapped and is normalised to IPv4); a specific address accepts only itself.
     */
    private static boolean acceptsAddress(Endpoint listener, Endpoint endpoint) {
        if (!listener.isWildcard()) {
            return listener.address().equals(endpoint.address());
        }
        return !(listener.address() instanceof Inet4Address) || endpoint.address() instanceof Inet4Address;
    }

    private static int key(Protocol protocol, int port) {
        return protocol.ordinal() << 16 | port;
    }
}
