package io.procnet.internal.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The listening sockets of a snapshot, by protocol and port, owned or not; remembers which
 * ones served a connection. A bit set of listening ports answers the common "not a listener"
 * case without touching the map.
 */
final class ListenerTable {
    private final BitSet listeningPorts = new BitSet(2 * 65536);
    private final Map<Integer, List<Listener>> byPort = new HashMap<>();

    /** A listening socket and whether a connection reached it. */
    static final class Listener {
        final SocketEntry socket;
        boolean served;

        Listener(SocketEntry socket) {
            this.socket = socket;
        }
    }

    void add(SocketEntry listener) {
        int key = key(listener.protocol(), listener.local().port());
        listeningPorts.set(key);
        byPort.computeIfAbsent(key, k -> new ArrayList<>(2)).add(new Listener(listener));
    }

    /** Whether a listener of this host accepts connections to {@code endpoint}. */
    boolean accepts(Protocol protocol, Endpoint endpoint) {
        return find(protocol, endpoint, false) != null;
    }

    /** The pid of an owned listener that accepts connections to {@code endpoint}, or -1. */
    long ownerAccepting(Protocol protocol, Endpoint endpoint) {
        Listener listener = find(protocol, endpoint, true);
        return listener == null ? SocketEntry.NO_PID : listener.socket.pid();
    }

    /** Records that process {@code pid} served a connection on {@code port}: its listeners there are in use. */
    void markServed(Protocol protocol, int port, long pid) {
        List<Listener> listeners = listenersAt(key(protocol, port));
        for (int i = 0; i < listeners.size(); i++) {
            if (listeners.get(i).socket.pid() == pid) {
                listeners.get(i).served = true;
            }
        }
    }

    /** The owned listening sockets that no connection reached, in no particular order. */
    List<SocketEntry> unserved() {
        List<SocketEntry> unserved = new ArrayList<>();
        for (List<Listener> listeners : byPort.values()) {
            for (Listener listener : listeners) {
                if (!listener.served && listener.socket.hasOwner()) {
                    unserved.add(listener.socket);
                }
            }
        }
        return unserved;
    }

    private Listener find(Protocol protocol, Endpoint endpoint, boolean ownedOnly) {
        List<Listener> listeners = listenersAt(key(protocol, endpoint.port()));
        for (int i = 0; i < listeners.size(); i++) { // indexed: no iterator per lookup
            Listener listener = listeners.get(i);
            if ((!ownedOnly || listener.socket.hasOwner()) && acceptsAddress(listener.socket.local(), endpoint)) {
                return listener;
            }
        }
        return null;
    }

    private List<Listener> listenersAt(int key) {
        return listeningPorts.get(key) ? byPort.get(key) : List.of();
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
