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

    /** Whether a listener of this host, in {@code scope}, accepts connections to {@code endpoint}. */
    boolean accepts(Protocol protocol, Endpoint endpoint, Scope scope) {
        return find(protocol, endpoint, scope, false) != null;
    }

    /** The pid of an owned listener in {@code scope} that accepts connections to {@code endpoint}, or -1. */
    long ownerAccepting(Protocol protocol, Endpoint endpoint, Scope scope) {
        Listener listener = find(protocol, endpoint, scope, true);
        return listener == null ? SocketEntry.NO_PID : listener.socket.pid();
    }

    /**
     * Records that a connection reached {@code endpoint}, served by process {@code pid}: the
     * listener that accepted it is in use whoever owns it (pre-forked servers accept in workers),
     * and so are the other listeners of that process on that port.
     */
    void markServed(Protocol protocol, Endpoint endpoint, Scope scope, long pid) {
        Listener accepting = find(protocol, endpoint, scope, false);
        if (accepting != null) {
            accepting.served = true;
        }
        List<Listener> listeners = listenersAt(key(protocol, endpoint.port()));
        for (int i = 0; i < listeners.size(); i++) {
            if (pid != SocketEntry.NO_PID && listeners.get(i).socket.pid() == pid) {
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

    /** The most specific listener that accepts {@code endpoint}, as the kernel would choose it. */
    private Listener find(Protocol protocol, Endpoint endpoint, Scope scope, boolean ownedOnly) {
        List<Listener> listeners = listenersAt(key(protocol, endpoint.port()));
        Listener best = null;
        int bestScore = 0;
        for (int i = 0; i < listeners.size(); i++) { // indexed: no iterator per lookup
            Listener listener = listeners.get(i);
            boolean eligible = (!ownedOnly || listener.socket.hasOwner()) && scope.includes(listener.socket.namespace());
            int score = eligible ? specificity(listener.socket.local(), endpoint) : 0;
            if (score > bestScore) {
                best = listener;
                bestScore = score;
            }
        }
        return best;
    }

    private List<Listener> listenersAt(int key) {
        return listeningPorts.get(key) ? byPort.get(key) : List.of();
    }

    /**
     * How well a listener bound to {@code listener} matches a connection to {@code endpoint}: 3 for
     * the same address, 2 for the wildcard of the same family, 1 for {@code ::} taking IPv4
     * (dual-stack; the address arrives v4-mapped and is normalised to IPv4), 0 for no match
     * ({@code 0.0.0.0} never takes IPv6).
     */
    private static int specificity(Endpoint listener, Endpoint endpoint) {
        if (!listener.isWildcard()) {
            return listener.address().equals(endpoint.address()) ? 3 : 0;
        }
        boolean listenerV4 = listener.address() instanceof Inet4Address;
        boolean endpointV4 = endpoint.address() instanceof Inet4Address;
        if (listenerV4 == endpointV4) {
            return 2;
        }
        return listenerV4 ? 0 : 1;
    }

    private static int key(Protocol protocol, int port) {
        return protocol.ordinal() << 16 | port;
    }
}
