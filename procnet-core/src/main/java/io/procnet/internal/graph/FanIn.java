package io.procnet.internal.graph;

import io.procnet.model.SocketEntry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many connected sockets share each local endpoint: a server's accepted sockets all share
 * its address and port, a client's ephemeral port serves one connection. Counted on first use
 * only, since most snapshots never need it.
 */
final class FanIn {
    private final List<SocketEntry> sockets;
    private Map<ConnectionKey, Integer> counts;

    FanIn(List<SocketEntry> sockets) {
        this.sockets = sockets;
    }

    /** Connections whose local end is {@code half}'s local end. */
    int connectionsAt(SocketEntry half) {
        if (counts == null) {
            counts = new HashMap<>();
            Set<ConnectionKey> connections = new HashSet<>();
            for (SocketEntry socket : sockets) {
                // a row repeated (a socket shared after fork) is still one connection
                if (socket.remote() != null && connections.add(ConnectionKey.of(socket))) {
                    counts.merge(ConnectionKey.localOf(socket), 1, Integer::sum);
                }
            }
        }
        return counts.getOrDefault(ConnectionKey.localOf(half), 0);
    }
}
