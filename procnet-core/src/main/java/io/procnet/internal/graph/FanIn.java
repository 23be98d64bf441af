package io.procnet.internal.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many connections share each local endpoint in a round: a server's accepted sockets all
 * share its address and port, a client's ephemeral port serves one connection. Counted on first
 * use in a round only, since most rounds never need it.
 */
final class FanIn {
    private record LocalEnd(Protocol protocol, Endpoint endpoint, String scope) {
        static LocalEnd of(SocketEntry socket) {
            return new LocalEnd(socket.protocol(), socket.local(),
                    socket.local().address().isLoopbackAddress() ? socket.namespace() : null);
        }
    }

    private final ConnectionTable connections;
    private long countedRound = -1;
    private final Map<LocalEnd, Integer> counts = new HashMap<>();

    FanIn(ConnectionTable connections) {
        this.connections = connections;
    }

    /** Connections of {@code round} whose local end is {@code half}'s local end. */
    int connectionsAt(SocketEntry half, long round) {
        if (countedRound != round) {
            countedRound = round;
            counts.clear();
            List<Connection> all = connections.all();
            for (int i = 0; i < all.size(); i++) {
                count(all.get(i), round);
            }
        }
        return counts.getOrDefault(LocalEnd.of(half), 0);
    }

    /** Each half of a connection counts once at its local end, however many rows repeat it. */
    private void count(Connection connection, long round) {
        boolean low = false;
        boolean high = false;
        for (int r = 0; r < connection.rowCount(); r++) {
            Row row = connection.row(r);
            if (!row.seenIn(round)) {
                continue;
            }
            SocketEntry entry = row.entry();
            boolean isLow = connection.key.isLowHalf(entry);
            if (isLow ? !low : !high) {
                counts.merge(LocalEnd.of(entry), 1, Integer::sum);
            }
            low |= isLow;
            high |= !isLow;
        }
    }
}
