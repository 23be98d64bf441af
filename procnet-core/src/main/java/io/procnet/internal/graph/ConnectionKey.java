package io.procnet.internal.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import java.net.Inet6Address;
import java.util.Arrays;

/**
 * Identifies a connection by its two endpoints in a fixed order, so that both halves of a local
 * connection, and every row that repeats one of them, have the same key. A loopback connection
 * lives in one network namespace, and the same loopback addresses in another namespace are
 * another connection, so loopback keys carry the namespace ({@code scope}).
 *
 * @param low  the lower endpoint by {@link #compare}
 * @param high the higher endpoint (equal to {@code low} for a socket connected to itself)
 */
record ConnectionKey(Protocol protocol, Endpoint low, Endpoint high, String scope) {

    static ConnectionKey of(SocketEntry socket) {
        Endpoint local = socket.local();
        Endpoint remote = socket.remote();
        String scope = local.address().isLoopbackAddress() ? socket.namespace() : null;
        return compare(local, remote) <= 0
                ? new ConnectionKey(socket.protocol(), local, remote, scope)
                : new ConnectionKey(socket.protocol(), remote, local, scope);
    }

    /** Whether {@code socket} is the half whose local end is {@link #low()}. */
    boolean isLowHalf(SocketEntry socket) {
        return socket.local().equals(low);
    }

    /** Spreads keys that differ in a few bits of their endpoints over the whole table. */
    @Override
    public int hashCode() {
        return Hashing.mix(low.hashCode(), high.hashCode(), protocol.ordinal());
    }

    /**
     * A total order of endpoints that needs no copy of the address: family, then the address's
     * hash (for IPv4, the address itself), its bytes where two IPv6 hashes collide, then the port.
     */
    static int compare(Endpoint a, Endpoint b) {
        boolean aV6 = a.address() instanceof Inet6Address;
        boolean bV6 = b.address() instanceof Inet6Address;
        if (aV6 != bV6) {
            return aV6 ? 1 : -1;
        }
        int order = Integer.compare(a.address().hashCode(), b.address().hashCode());
        if (order == 0 && !a.address().equals(b.address())) {
            order = Arrays.compareUnsigned(a.address().getAddress(), b.address().getAddress());
        }
        return order != 0 ? order : Integer.compare(a.port(), b.port());
    }
}
